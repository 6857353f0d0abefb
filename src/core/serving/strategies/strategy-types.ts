import type { McNemarResult } from '../statistics/mcnemar.ts';
import type { PowerPlan } from '../statistics/power.ts';
import type { TwoProportionResult } from '../statistics/two-proportion-test.ts';
import type { Tally } from '../replay/replay-stream.ts';
import type { AppliedGuardrails, GuardrailReadings } from './canary-guardrails.ts';

export const STRATEGIES = ['bluegreen', 'canary', 'shadow', 'ab'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

// Results are type aliases, not interfaces, so they fit an audit event's plain-record data.

/** What a rollout concluded: the candidate takes over, the stable stays, or the traffic did not settle it. */
export type Decision = 'promoted' | 'rolled-back' | 'no-decision';

/** One canary step: its traffic share, the labelled requests of each group, and whether the guardrails held. */
export interface CanaryStep extends GuardrailReadings {
  share: number;
  /** Requests routed while the step ran. */
  n: number;
  stable: Tally;
  candidate: Tally;
  stableAccuracy: number | null;
  candidateAccuracy: number | null;
  /** `passed`; `breached` (a guardrail in `breached` failed); `incomplete` (the traffic ended first). */
  verdict: 'passed' | 'breached' | 'incomplete';
}

export type CanaryResult = {
  strategy: 'canary';
  decision: Decision;
  steps: CanaryStep[];
  /** Request at which the rollback or promotion happened, else null. */
  decidedAt: number | null;
  /** The guardrails every step was checked against. */
  guardrails: AppliedGuardrails;
};

export type BlueGreenResult = {
  strategy: 'bluegreen';
  decision: Decision;
  /** Labelled requests the candidate served, and the idle stable's answers on the same rows. */
  groups: { stable: Tally; candidate: Tally };
  mcnemar: McNemarResult;
  decidedAt: number | null;
};

export type ShadowResult = {
  strategy: 'shadow';
  decision: Decision;
  /** Requests the candidate shadowed. */
  shadowed: number;
  /** Share of shadowed requests where both models predicted the same. */
  agreement: number | null;
  mcnemar: McNemarResult;
};

export type AbResult = {
  strategy: 'ab';
  decision: Decision;
  /** Labelled requests needed (both groups), from the power analysis. */
  plannedSize: number;
  power: PowerPlan & { baseline: number; effect: number; alpha: number; power: number };
  groups: { stable: Tally; candidate: Tally };
  test: TwoProportionResult | null;
  /** Set when the traffic ended before the planned size: the test is an early look. */
  warning: string | null;
};

export type StrategyResult = CanaryResult | BlueGreenResult | ShadowResult | AbResult;

/** Proportion of a tally, null when empty. */
export function accuracy(t: Tally): number | null {
  return t.n === 0 ? null : t.correct / t.n;
}
