import { PredictionLogWriter } from '../replay/prediction-log.ts';
import { count, emptyTally, walk, type ReplayStream } from '../replay/replay-stream.ts';
import { plannedSampleSize } from '../statistics/power.ts';
import { twoProportionTest } from '../statistics/two-proportion-test.ts';
import type { AbResult } from './strategy-types.ts';

export interface AbOptions {
  /** Share of requests routed to the candidate (default 0.5). */
  split?: number;
  /** Accuracy expected of the stable model, for the power analysis (e.g. its registered accuracy). */
  baseline: number;
  /** Smallest accuracy difference worth detecting (default 0.05). */
  effect?: number;
  alpha?: number;
  power?: number;
}

/**
 * An A/B test over replayed traffic. Before it starts, a power analysis
 * (see plannedSampleSize) fixes how many labelled requests each group needs;
 * requests go to disjoint groups by route point; the two-sided
 * two-proportion z-test on accuracy is computed once both groups reach their
 * planned size, on exactly those requests. Significant → the better model
 * wins (promoted or rolled-back); not significant → no-decision. When the
 * traffic ends first, the test is reported as an early look, with a
 * warning, and decides nothing.
 */
export function runAb(stream: ReplayStream, log: PredictionLogWriter, options: AbOptions): AbResult {
  const split = options.split ?? 0.5;
  const effect = options.effect ?? 0.05;
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  // A perfect (or hopeless) baseline leaves no room for an effect: plan as if it were a hair off.
  const baseline = Math.min(0.999, Math.max(0.001, options.baseline));
  const plan = plannedSampleSize({ baseline, effect, alpha, power, ratio: split / (1 - split) });
  const groups = { stable: emptyTally(), candidate: emptyTally() };
  const needed = { stable: plan.stable, candidate: plan.candidate };
  walk(
    stream,
    log,
    (_, row) => ({ served: stream.route[row] < split ? 'candidate' : 'stable', shadow: null }),
    (_, row, servedBy) => {
      if (groups[servedBy].n < needed[servedBy]) count(groups[servedBy], stream[servedBy], row);
    },
  );
  const complete = groups.stable.n >= plan.stable && groups.candidate.n >= plan.candidate;
  const test =
    groups.stable.n > 0 && groups.candidate.n > 0 ? twoProportionTest(groups.stable, groups.candidate) : null;
  const decision =
    !complete || !test || test.pValue >= alpha ? 'no-decision' : test.difference > 0 ? 'promoted' : 'rolled-back';
  const warning = complete
    ? null
    : `Early look: the traffic held ${groups.stable.n} labelled stable and ${groups.candidate.n} labelled candidate requests, fewer than the planned ${plan.stable} and ${plan.candidate}. A p-value read before the planned size overstates significance; replay more traffic before deciding.`;
  return {
    strategy: 'ab',
    decision,
    plannedSize: plan.total,
    power: { ...plan, baseline, effect, alpha, power },
    groups,
    test,
    warning,
  };
}
