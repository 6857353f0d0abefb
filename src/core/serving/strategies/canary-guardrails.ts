import type { Tally } from '../replay/replay-stream.ts';
import { latencySummary } from '../statistics/percentile.ts';
import { twoProportionTest, type TwoProportionResult } from '../statistics/two-proportion-test.ts';

/** What a canary step is checked against; every field is optional (the defaults are the accuracy guardrail alone). */
export interface CanaryGuardrails {
  /**
   * The quality guardrail: `accuracy` breaches when the candidate's accuracy
   * is below the stable's, `error-rate` when its error rate (wrong answers
   * among labelled requests) is above — each with 95% confidence, beyond
   * `margin`. Default `accuracy`.
   */
  metric?: 'accuracy' | 'error-rate';
  /** Allowed loss before a breach: accuracy may fall, or the error rate rise, by this much (default 0). */
  margin?: number;
  /** Ceiling of the candidate's p95 latency in milliseconds; no latency guardrail when absent. */
  maxLatencyMs?: number | null;
}

/** The guardrails as applied, defaults filled in. */
export type AppliedGuardrails = { metric: 'accuracy' | 'error-rate'; margin: number; maxLatencyMs: number | null };

export type GuardrailName = 'accuracy' | 'error-rate' | 'latency';

/** One step's guardrail figures. */
export interface GuardrailReadings {
  /** Candidate minus stable accuracy with its 95% interval; null when a group had no labelled request. */
  test: TwoProportionResult | null;
  stableErrorRate: number | null;
  candidateErrorRate: number | null;
  /** Candidate minus stable error rate with its 95% interval (pooled z, unpooled Wald interval). */
  errorRate: TwoProportionResult | null;
  /** p95 latency (ms) of the labelled requests each served in the step, and the ceiling. */
  latency: { stableP95Ms: number | null; candidateP95Ms: number | null; limitMs: number | null };
  /** The guardrails this step breached (empty when it held). */
  breached: GuardrailName[];
}

export function applyDefaults(g: CanaryGuardrails = {}): AppliedGuardrails {
  return { metric: g.metric ?? 'accuracy', margin: g.margin ?? 0, maxLatencyMs: g.maxLatencyMs ?? null };
}

const errors = (t: Tally): Tally => ({ n: t.n, correct: t.n - t.correct });
const rate = (t: Tally): number | null => (t.n === 0 ? null : t.correct / t.n);

/**
 * Checks a step: the quality guardrail on the interval of the difference
 * (breached only when the whole interval lies beyond the margin, so noise
 * alone does not roll back), and the latency ceiling on the candidate's
 * p95. Both tests are computed and reported; only the chosen metric and,
 * when set, the latency ceiling decide.
 *
 * @example
 * checkGuardrails({ n: 200, correct: 180 }, { n: 100, correct: 60 }, [0.1], [0.2], applyDefaults()).breached; // ['accuracy']
 */
export function checkGuardrails(
  stable: Tally,
  candidate: Tally,
  stableLatencies: ArrayLike<number>,
  candidateLatencies: ArrayLike<number>,
  g: AppliedGuardrails,
): GuardrailReadings {
  const both = stable.n > 0 && candidate.n > 0;
  const test = both ? twoProportionTest(stable, candidate) : null;
  const errorRate = both ? twoProportionTest(errors(stable), errors(candidate)) : null;
  const latency = {
    stableP95Ms: latencySummary(stableLatencies)?.p95 ?? null,
    candidateP95Ms: latencySummary(candidateLatencies)?.p95 ?? null,
    limitMs: g.maxLatencyMs,
  };
  const breached: GuardrailName[] = [];
  if (g.metric === 'accuracy' && test && test.ci[1] < -g.margin) breached.push('accuracy');
  if (g.metric === 'error-rate' && errorRate && errorRate.ci[0] > g.margin) breached.push('error-rate');
  if (g.maxLatencyMs !== null && latency.candidateP95Ms !== null && latency.candidateP95Ms > g.maxLatencyMs)
    breached.push('latency');
  return {
    test,
    stableErrorRate: rate(errors(stable)),
    candidateErrorRate: rate(errors(candidate)),
    errorRate,
    latency,
    breached,
  };
}
