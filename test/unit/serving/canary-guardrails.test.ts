import { describe, expect, it } from 'vitest';
import { PredictionLogWriter } from '../../../src/core/serving/replay/prediction-log.ts';
import type { ReplayStream, ScoredModel } from '../../../src/core/serving/replay/replay-stream.ts';
import { routePoints } from '../../../src/core/serving/replay/routing.ts';
import { runCanary } from '../../../src/core/serving/strategies/canary.ts';
import { applyDefaults, checkGuardrails } from '../../../src/core/serving/strategies/canary-guardrails.ts';
import { twoProportionTest } from '../../../src/core/serving/statistics/two-proportion-test.ts';
import { seededRng } from '../../../src/core/random/rng.ts';

/** `n` labelled rows; each model right with its accuracy and answering in its fixed latency (ms). */
function stream(n: number, stable: [number, number], candidate: [number, number]): ReplayStream {
  const rng = seededRng(11);
  const labels = Array.from({ length: n }, () => (rng() < 0.5 ? 'a' : 'b'));
  const model = (id: string, [acc, ms]: [number, number]): ScoredModel => {
    const output = labels.map((l) => (rng() < acc ? l : l === 'a' ? 'b' : 'a'));
    return {
      id,
      output,
      correct: Uint8Array.from(output, (o, r) => (o === labels[r] ? 1 : 0)),
      latencyMs: new Float64Array(n).fill(ms),
    };
  };
  return {
    order: Int32Array.from({ length: n }, (_, i) => i),
    route: routePoints(
      Array.from({ length: n }, (_, i) => i),
      'seed:42',
    ),
    labels,
    stable: model('m@1', stable),
    candidate: model('m@2', candidate),
    labelDelay: 0,
  };
}

describe('canary guardrails', () => {
  it('tests the error rate as candidate minus stable with the pooled z and the unpooled interval', () => {
    const r = checkGuardrails({ n: 400, correct: 360 }, { n: 200, correct: 160 }, [], [], {
      ...applyDefaults(),
      metric: 'error-rate',
    });
    expect(r.stableErrorRate).toBeCloseTo(0.1, 12);
    expect(r.candidateErrorRate).toBeCloseTo(0.2, 12);
    expect(r.errorRate).toEqual(twoProportionTest({ n: 400, correct: 40 }, { n: 200, correct: 40 }));
    expect(r.errorRate!.difference).toBeCloseTo(0.1, 12);
    // The error-rate difference is the accuracy difference mirrored.
    expect(r.errorRate!.ci[0]).toBeCloseTo(-r.test!.ci[1], 12);
    expect(r.breached).toEqual(['error-rate']);
  });

  it('rolls back on the error-rate guardrail, naming it, and allows a rise within the margin', () => {
    const s = () => stream(20_000, [0.9, 0.01], [0.75, 0.01]);
    const strict = runCanary(s(), new PredictionLogWriter('t'), { guardrails: { metric: 'error-rate' } });
    expect(strict.decision).toBe('rolled-back');
    expect(strict.steps.at(-1)!.breached).toEqual(['error-rate']);
    expect(strict.guardrails).toEqual({ metric: 'error-rate', margin: 0, maxLatencyMs: null });
    const lenient = runCanary(s(), new PredictionLogWriter('t'), {
      guardrails: { metric: 'error-rate', margin: 0.5 },
    });
    expect(lenient.decision).toBe('promoted');
    expect(lenient.steps.every((step) => step.breached.length === 0)).toBe(true);
  });

  it('rolls back a candidate as accurate but slower than the p95 ceiling, and reports both p95s', () => {
    const s = () => stream(20_000, [0.85, 0.02], [0.85, 3]);
    const result = runCanary(s(), new PredictionLogWriter('t'), { guardrails: { maxLatencyMs: 1 } });
    expect(result.decision).toBe('rolled-back');
    const step = result.steps[0];
    expect(step.share).toBe(0.05);
    expect(step.breached).toEqual(['latency']);
    expect(step.latency).toEqual({ stableP95Ms: 0.02, candidateP95Ms: 3, limitMs: 1 });
    // Without a ceiling, the same traffic promotes.
    expect(runCanary(s(), new PredictionLogWriter('t')).decision).toBe('promoted');
  });
});
