import { PredictionLogWriter } from '../replay/prediction-log.ts';
import { count, emptyTally, walk, type ReplayStream } from '../replay/replay-stream.ts';
import { mcnemar } from '../statistics/mcnemar.ts';
import type { BlueGreenResult } from './strategy-types.ts';

export interface BlueGreenOptions {
  /** Labelled requests to watch after the switch before confirming it (default 100). */
  minLabelled?: number;
  /** Significance level of the switch-back test (default 0.05). */
  alpha?: number;
}

/**
 * Blue/green over replayed traffic: the candidate (green) takes all traffic
 * from the first request; the stable (blue) stays up, idle, scoring the same
 * requests unseen so the switch back is instant. Once `minLabelled` labels
 * have arrived, McNemar's test on those rows decides: the candidate
 * significantly worse → switch back (rolled-back; the rest goes to blue),
 * else the switch is confirmed (promoted).
 */
export function runBlueGreen(
  stream: ReplayStream,
  log: PredictionLogWriter,
  options: BlueGreenOptions = {},
): BlueGreenResult {
  const minLabelled = options.minLabelled ?? 100;
  const alpha = options.alpha ?? 0.05;
  const candidate = emptyTally();
  const stable = emptyTally();
  let b = 0;
  let c = 0;
  let decision: BlueGreenResult['decision'] = 'no-decision';
  let decidedAt: number | null = null;
  walk(
    stream,
    log,
    () =>
      decision === 'rolled-back'
        ? { served: 'stable', shadow: null }
        : { served: 'candidate', shadow: decision === 'no-decision' ? 'stable' : null },
    (_, row, servedBy, shadowedBy, now) => {
      if (decision !== 'no-decision' || servedBy !== 'candidate' || shadowedBy !== 'stable') return;
      count(candidate, stream.candidate, row);
      count(stable, stream.stable, row);
      b += stream.stable.correct[row] & (1 - stream.candidate.correct[row]);
      c += stream.candidate.correct[row] & (1 - stream.stable.correct[row]);
      if (candidate.n < minLabelled) return;
      const test = mcnemar(b, c);
      decision = test.pValue < alpha && b > c ? 'rolled-back' : 'promoted';
      decidedAt = now;
    },
  );
  return { strategy: 'bluegreen', decision, groups: { stable, candidate }, mcnemar: mcnemar(b, c), decidedAt };
}
