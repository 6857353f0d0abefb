import { PredictionLogWriter } from '../replay/prediction-log.ts';
import { walk, type ReplayStream } from '../replay/replay-stream.ts';
import { mcnemar } from '../statistics/mcnemar.ts';
import type { ShadowResult } from './strategy-types.ts';

export interface ShadowOptions {
  /** Share of requests the candidate shadows, by route point (default 1: all). */
  fraction?: number;
  /** Significance level of McNemar's test (default 0.05). */
  alpha?: number;
}

/**
 * Shadow over replayed traffic: the stable serves every request; the
 * candidate scores `fraction` of them too, and its answers are logged but
 * never served. Agreement is the share of shadowed requests where both
 * predicted the same; on shadowed requests whose labels arrived, McNemar's
 * test (b: stable right and candidate wrong, c: the reverse) decides —
 * significantly better candidate → promoted, significantly worse →
 * rolled-back (it never goes live), else no-decision.
 */
export function runShadow(stream: ReplayStream, log: PredictionLogWriter, options: ShadowOptions = {}): ShadowResult {
  const fraction = options.fraction ?? 1;
  const alpha = options.alpha ?? 0.05;
  let shadowed = 0;
  let agreed = 0;
  let b = 0;
  let c = 0;
  walk(
    stream,
    log,
    (_, row) => {
      const shadow = stream.route[row] < fraction;
      if (shadow) {
        shadowed++;
        if (stream.stable.output[row] === stream.candidate.output[row]) agreed++;
      }
      return { served: 'stable', shadow: shadow ? 'candidate' : null };
    },
    (_, row, __, shadowedBy) => {
      if (shadowedBy !== 'candidate') return;
      b += stream.stable.correct[row] & (1 - stream.candidate.correct[row]);
      c += stream.candidate.correct[row] & (1 - stream.stable.correct[row]);
    },
  );
  const test = mcnemar(b, c);
  const decision = test.pValue < alpha ? (c > b ? 'promoted' : 'rolled-back') : 'no-decision';
  return { strategy: 'shadow', decision, shadowed, agreement: shadowed ? agreed / shadowed : null, mcnemar: test };
}
