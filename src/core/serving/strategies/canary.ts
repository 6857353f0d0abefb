import { PredictionLogWriter } from '../replay/prediction-log.ts';
import { count, emptyTally, walk, type ReplayStream, type Tally } from '../replay/replay-stream.ts';
import { applyDefaults, checkGuardrails, type AppliedGuardrails, type CanaryGuardrails } from './canary-guardrails.ts';
import { accuracy, type CanaryResult, type CanaryStep } from './strategy-types.ts';

export interface CanaryOptions {
  /** Traffic shares of the candidate, ascending, ending at 1 (default 5% → 25% → 50% → 100%). */
  steps?: number[];
  /** Labelled candidate requests each step must see before its verdict (default 100). */
  minLabelled?: number;
  /** Allowed accuracy loss: breached when the interval's upper end is below −margin (default 0). */
  margin?: number;
  /** The quality metric (accuracy or error rate) and the latency ceiling; `margin` above is the default margin. */
  guardrails?: CanaryGuardrails;
}

/**
 * A canary rollout over replayed traffic. Each step sends its share of
 * requests (by route point) to the candidate until `minLabelled` of them
 * have labels, then compares the candidate's accuracy with the stable's
 * (two-proportion test, 95% unpooled interval of the difference) — or its
 * error rate, when the guardrail is `error-rate` — and, when a ceiling is
 * set, its p95 latency (see checkGuardrails). The stable's reference is its
 * own labelled traffic in the same step, or — at 100%, where it serves
 * nothing — everything it served before.
 * A breach (candidate worse with 95% confidence, or too slow) rolls back at once: the
 * rest of the traffic goes to the stable. A passed final step promotes:
 * the rest goes to the candidate.
 */
export function runCanary(stream: ReplayStream, log: PredictionLogWriter, options: CanaryOptions = {}): CanaryResult {
  const shares = options.steps ?? [0.05, 0.25, 0.5, 1];
  const minLabelled = options.minLabelled ?? 100;
  const guardrails = applyDefaults({ margin: options.margin, ...options.guardrails });
  const steps: CanaryStep[] = [];
  const stableSoFar: Tally = emptyTally();
  const stableLatencySoFar: number[] = [];
  let stepIndex = 0;
  let step = newStep(shares[0]);
  let decision: CanaryResult['decision'] = 'no-decision';
  let decidedAt: number | null = null;
  walk(
    stream,
    log,
    (_, row) => {
      if (decision !== 'no-decision') return { served: decision === 'promoted' ? 'candidate' : 'stable', shadow: null };
      step.n++;
      return { served: stream.route[row] < step.share ? 'candidate' : 'stable', shadow: null };
    },
    (request, row, servedBy, _shadow, now) => {
      if (decision !== 'no-decision' || request < step.startedAt) return;
      count(step[servedBy], stream[servedBy], row);
      step.latencies[servedBy].push(stream[servedBy].latencyMs[row]);
      if (servedBy === 'stable') {
        count(stableSoFar, stream.stable, row);
        stableLatencySoFar.push(stream.stable.latencyMs[row]);
      }
      if (step.candidate.n < minLabelled) return;
      const ownStable = step.stable.n >= minLabelled || step.share < 1;
      const reference = ownStable ? step.stable : stableSoFar;
      const verdict = judge(step, reference, ownStable ? step.latencies.stable : stableLatencySoFar, guardrails);
      steps.push(verdict);
      if (verdict.verdict === 'breached' || stepIndex === shares.length - 1) {
        decision = verdict.verdict === 'breached' ? 'rolled-back' : 'promoted';
        decidedAt = now;
        return;
      }
      stepIndex++;
      step = newStep(shares[stepIndex], now + 1);
    },
  );
  if (decision === 'no-decision')
    steps.push({ ...judge(step, step.stable, step.latencies.stable, guardrails), verdict: 'incomplete' });
  return { strategy: 'canary', decision, steps, decidedAt, guardrails };
}

interface OpenStep {
  share: number;
  n: number;
  stable: Tally;
  candidate: Tally;
  /** Latencies (ms) of the labelled requests each group served in the step. */
  latencies: { stable: number[]; candidate: number[] };
  /** Labels of requests before this belong to earlier steps. */
  startedAt: number;
}

function newStep(share: number, startedAt = 0): OpenStep {
  return {
    share,
    n: 0,
    stable: emptyTally(),
    candidate: emptyTally(),
    latencies: { stable: [], candidate: [] },
    startedAt,
  };
}

function judge(step: OpenStep, stable: Tally, stableLatencies: number[], g: AppliedGuardrails): CanaryStep {
  const readings = checkGuardrails(stable, step.candidate, stableLatencies, step.latencies.candidate, g);
  return {
    share: step.share,
    n: step.n,
    stable: { ...stable },
    candidate: { ...step.candidate },
    stableAccuracy: accuracy(stable),
    candidateAccuracy: accuracy(step.candidate),
    ...readings,
    verdict: readings.breached.length > 0 ? 'breached' : 'passed',
  };
}
