import { describe, expect, it } from 'vitest';
import { predictionLogCsv } from '../../../src/core/serving/replay/prediction-log-csv.ts';
import {
  PredictionLogWriter,
  readLogEntries,
  LOG_BATCH_SIZE,
} from '../../../src/core/serving/replay/prediction-log.ts';
import type { ReplayStream, ScoredModel } from '../../../src/core/serving/replay/replay-stream.ts';
import { routePoint, routePoints } from '../../../src/core/serving/replay/routing.ts';
import { runAb } from '../../../src/core/serving/strategies/ab-test.ts';
import { runBlueGreen } from '../../../src/core/serving/strategies/blue-green.ts';
import { runCanary } from '../../../src/core/serving/strategies/canary.ts';
import { runShadow } from '../../../src/core/serving/strategies/shadow.ts';
import { twoProportionTest } from '../../../src/core/serving/statistics/two-proportion-test.ts';
import { mcnemar } from '../../../src/core/serving/statistics/mcnemar.ts';
import { plannedSampleSize } from '../../../src/core/serving/statistics/power.ts';
import { seededRng } from '../../../src/core/random/rng.ts';

/**
 * A stream of `n` labelled rows ('a'/'b') where the stable is right with
 * probability `stableAcc` and the candidate with `candidateAcc`, drawn from a
 * seeded rng: the strategies see fixed, known answers.
 */
function stream(
  n: number,
  stableAcc: number,
  candidateAcc: number,
  options: { delay?: number; seed?: number } = {},
): ReplayStream {
  const rng = seededRng(options.seed ?? 7);
  const labels = Array.from({ length: n }, () => (rng() < 0.5 ? 'a' : 'b'));
  const model = (id: string, acc: number): ScoredModel => {
    const output = labels.map((l) => (rng() < acc ? l : l === 'a' ? 'b' : 'a'));
    return {
      id,
      output,
      correct: Uint8Array.from(output, (o, r) => (o === labels[r] ? 1 : 0)),
      latencyMs: new Float64Array(n).fill(0.01),
    };
  };
  return {
    order: Int32Array.from({ length: n }, (_, i) => i),
    route: routePoints(
      Array.from({ length: n }, (_, i) => i),
      'seed:42',
    ),
    labels,
    stable: model('m@1', stableAcc),
    candidate: model('m@2', candidateAcc),
    labelDelay: options.delay ?? 0,
  };
}

describe('routing', () => {
  it('sends the same id and salt to the same point, and another salt elsewhere', () => {
    expect(routePoint('17', 'seed:42')).toBe(routePoint('17', 'seed:42'));
    expect(routePoint('17', 'seed:42')).not.toBe(routePoint('17', 'seed:43'));
  });

  it('spreads ids evenly: about 5% of 100,000 fall under 0.05, and the 5% are inside the 25%', () => {
    const points = routePoints(
      Array.from({ length: 100_000 }, (_, i) => i),
      'seed:1',
    );
    const under = (share: number) => points.filter((p) => p < share).length / points.length;
    expect(under(0.05)).toBeGreaterThan(0.045);
    expect(under(0.05)).toBeLessThan(0.055);
    expect(under(0.5)).toBeGreaterThan(0.49);
    expect(under(0.5)).toBeLessThan(0.51);
    // The same point is compared with a larger share, so canary membership only grows.
    expect(points.every((p) => !(p < 0.05) || p < 0.25)).toBe(true);
  });
});

describe('canary', () => {
  it('rolls back a clearly worse candidate at a step, and sends the rest to the stable', () => {
    const s = stream(20_000, 0.9, 0.6);
    const log = new PredictionLogWriter('t');
    const result = runCanary(s, log, { minLabelled: 100 });
    expect(result.decision).toBe('rolled-back');
    const last = result.steps.at(-1)!;
    expect(last.verdict).toBe('breached');
    expect(last.candidate.n).toBe(100);
    expect(last.test).toEqual(twoProportionTest(last.stable, last.candidate));
    expect(last.test!.ci[1]).toBeLessThan(0);
    const served = readLogEntries(log.batches()).filter((e) => e.request > result.decidedAt!);
    expect(served.every((e) => e.version === 'm@1')).toBe(true);
  });

  it('promotes a candidate as good as the stable after passing every step', () => {
    const result = runCanary(stream(20_000, 0.85, 0.86), new PredictionLogWriter('t'), { minLabelled: 200 });
    expect(result.decision).toBe('promoted');
    expect(result.steps.map((s) => [s.share, s.verdict])).toEqual([
      [0.05, 'passed'],
      [0.25, 'passed'],
      [0.5, 'passed'],
      [1, 'passed'],
    ]);
    expect(result.steps.every((s) => s.candidate.n === 200)).toBe(true);
  });

  it('decides nothing when the traffic ends before a step has its labels', () => {
    const result = runCanary(stream(500, 0.9, 0.9), new PredictionLogWriter('t'), { minLabelled: 100 });
    expect(result.decision).toBe('no-decision');
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0].verdict).toBe('incomplete');
    expect(result.steps[0].n).toBe(500);
  });

  it('is deterministic: the same stream and seed give the same steps', () => {
    const a = runCanary(stream(5000, 0.8, 0.8), new PredictionLogWriter('t'), { minLabelled: 50 });
    const b = runCanary(stream(5000, 0.8, 0.8), new PredictionLogWriter('t'), { minLabelled: 50 });
    expect(a).toEqual(b);
  });
});

describe('label delay', () => {
  it('leaves the last N requests without a label and stamps the others with their arrival', () => {
    const s = stream(1000, 0.9, 0.9, { delay: 300 });
    const log = new PredictionLogWriter('t');
    runShadow(s, log);
    const entries = readLogEntries(log.batches()).filter((e) => e.served);
    expect(entries.filter((e) => e.labelAt === null).map((e) => e.request)).toEqual(
      Array.from({ length: 300 }, (_, i) => 700 + i),
    );
    expect(entries[5].labelAt).toBe(305);
  });
});

describe('shadow', () => {
  it('serves only the stable, logs the candidate unseen, and counts b and c on the same rows', () => {
    const s = stream(2000, 0.8, 0.9);
    const log = new PredictionLogWriter('t');
    const result = runShadow(s, log);
    let b = 0;
    let c = 0;
    let agree = 0;
    for (let r = 0; r < 2000; r++) {
      b += s.stable.correct[r] & (1 - s.candidate.correct[r]);
      c += s.candidate.correct[r] & (1 - s.stable.correct[r]);
      agree += s.stable.output[r] === s.candidate.output[r] ? 1 : 0;
    }
    expect(result.mcnemar).toEqual(mcnemar(b, c));
    expect(result.mcnemar.method).toBe('chi-squared');
    expect(result.agreement).toBe(agree / 2000);
    expect(result.decision).toBe('promoted');
    const entries = readLogEntries(log.batches());
    expect(entries).toHaveLength(4000);
    expect(entries.filter((e) => e.served).every((e) => e.version === 'm@1')).toBe(true);
  });

  it('shadows only its fraction of the traffic', () => {
    const result = runShadow(stream(10_000, 0.8, 0.8), new PredictionLogWriter('t'), { fraction: 0.1 });
    expect(result.shadowed).toBeGreaterThan(900);
    expect(result.shadowed).toBeLessThan(1100);
  });
});

describe('A/B', () => {
  it('tests at the planned size and declares the better candidate', () => {
    const s = stream(20_000, 0.8, 0.88);
    const result = runAb(s, new PredictionLogWriter('t'), { baseline: 0.8, effect: 0.05 });
    const plan = plannedSampleSize({ baseline: 0.8, effect: 0.05 });
    expect(result.plannedSize).toBe(plan.total);
    expect(result.groups.stable.n).toBe(plan.stable);
    expect(result.groups.candidate.n).toBe(plan.candidate);
    expect(result.test).toEqual(twoProportionTest(result.groups.stable, result.groups.candidate));
    expect(result.warning).toBeNull();
    expect(result.decision).toBe('promoted');
  });

  it('warns about an early look and decides nothing when the traffic is shorter than planned', () => {
    const result = runAb(stream(300, 0.6, 0.95), new PredictionLogWriter('t'), { baseline: 0.8 });
    expect(result.warning).toMatch(/^Early look/);
    expect(result.test!.pValue).toBeLessThan(0.05);
    expect(result.decision).toBe('no-decision');
  });

  it('keeps the groups disjoint, split by route point', () => {
    const s = stream(4000, 0.8, 0.8);
    const log = new PredictionLogWriter('t');
    runAb(s, log, { baseline: 0.8, split: 0.2 });
    const entries = readLogEntries(log.batches());
    expect(entries).toHaveLength(4000);
    expect(entries.every((e) => (e.version === 'm@2') === s.route[e.row] < 0.2)).toBe(true);
  });
});

describe('blue/green', () => {
  it('switches back when the candidate is significantly worse on the same rows', () => {
    const result = runBlueGreen(stream(5000, 0.9, 0.7), new PredictionLogWriter('t'), { minLabelled: 200 });
    expect(result.decision).toBe('rolled-back');
    expect(result.groups.candidate.n).toBe(200);
  });

  it('confirms the switch when the candidate is not worse', () => {
    expect(runBlueGreen(stream(5000, 0.9, 0.9), new PredictionLogWriter('t')).decision).toBe('promoted');
  });
});

describe('prediction log', () => {
  it(`cuts ${LOG_BATCH_SIZE}-request batches and reads them back in order`, () => {
    const log = new PredictionLogWriter('x');
    runAb(stream(12_000, 0.8, 0.8), log, { baseline: 0.8 });
    const batches = log.batches();
    expect(batches.map((b) => [b.id, b.request.length])).toEqual([
      ['x#000000', 5000],
      ['x#000001', 5000],
      ['x#000002', 2000],
    ]);
    const entries = readLogEntries([...batches].reverse());
    expect(entries.map((e) => e.request)).toEqual(Array.from({ length: 12_000 }, (_, i) => i));
  });
});

describe('prediction log CSV', () => {
  it('writes one line per answer, shadow answers marked, unknown labels empty, formulas escaped', () => {
    const log = new PredictionLogWriter('x');
    log.append({
      request: 0,
      row: 4,
      version: 'm@1',
      served: true,
      output: '=cmd',
      latencyMs: 0.5,
      label: 'a',
      labelAt: 2,
    });
    log.append({
      request: 0,
      row: 4,
      version: 'm@2',
      served: false,
      output: 'b',
      latencyMs: 0.25,
      label: null,
      labelAt: null,
    });
    expect(predictionLogCsv(readLogEntries(log.batches()))).toBe(
      'request,row,version,served,output,latency_ms,label,label_at\r\n0,4,m@1,true,"\'=cmd",0.5,a,2\r\n0,4,m@2,false,b,0.25,,\r\n',
    );
  });
});
