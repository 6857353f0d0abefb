import { PredictionLogWriter } from './prediction-log.ts';

/**
 * Everything a strategy needs to replay traffic, precomputed: both models
 * have scored every row (scoring is pure, so scoring up front and routing
 * afterwards gives the same answers as scoring request by request), and
 * each row has its route point and whether each model got it right.
 */
export interface ReplayStream {
  /** Data rows in replay order. */
  order: Int32Array;
  /** Route point in [0, 1) per data row (see routePoint). */
  route: Float64Array;
  /** The true label per data row as text; null when the row has none. */
  labels: (string | null)[];
  stable: ScoredModel;
  candidate: ScoredModel;
  /** Labels arrive this many requests after their request. */
  labelDelay: number;
}

/** One model's answers for every data row. */
export interface ScoredModel {
  /** `name@n`. */
  id: string;
  /** Prediction per data row, as text. */
  output: string[];
  /** 1 where the prediction equals the label (0 where wrong or unlabelled). */
  correct: Uint8Array;
  /** Milliseconds per row, amortised over its scoring batch. */
  latencyMs: Float64Array;
}

/** Labelled requests and how many were right. */
export interface Tally {
  n: number;
  correct: number;
}

export const emptyTally = (): Tally => ({ n: 0, correct: 0 });

/**
 * Walks the stream request by request, logging each answer and calling
 * `onLabel` as labels arrive `labelDelay` requests later. Labels of the last
 * `labelDelay` requests never arrive during the replay.
 *
 * @param route decides per request which model serves and which (if any) shadows it
 * @param onLabel gets the request position and data row whose label just arrived, who served
 *   and shadowed it, and the position of the request being served now
 */
export function walk(
  stream: ReplayStream,
  log: PredictionLogWriter,
  route: (request: number, row: number) => { served: 'stable' | 'candidate'; shadow: 'stable' | 'candidate' | null },
  onLabel: (
    request: number,
    row: number,
    servedBy: 'stable' | 'candidate',
    shadowedBy: 'stable' | 'candidate' | null,
    now: number,
  ) => void,
): void {
  const total = stream.order.length;
  const assigned: ('stable' | 'candidate')[] = new Array(total);
  const shadows: ('stable' | 'candidate' | null)[] = new Array(total);
  for (let t = 0; t < total; t++) {
    const row = stream.order[t];
    const label = stream.labels[row];
    const labelAt = label !== null && t + stream.labelDelay < total ? t + stream.labelDelay : null;
    const { served, shadow } = route(t, row);
    assigned[t] = served;
    shadows[t] = shadow;
    const first = stream[served];
    log.add(t, row, first.id, true, first.output[row], first.latencyMs[row], label, labelAt);
    if (shadow !== null) {
      const second = stream[shadow];
      log.add(t, row, second.id, false, second.output[row], second.latencyMs[row], label, labelAt);
    }
    const arrived = t - stream.labelDelay;
    if (arrived >= 0 && stream.labels[stream.order[arrived]] !== null)
      onLabel(arrived, stream.order[arrived], assigned[arrived], shadows[arrived], t);
  }
}

/** Adds one labelled answer of `model` on `row` to a tally. */
export function count(tally: Tally, model: ScoredModel, row: number): void {
  tally.n++;
  tally.correct += model.correct[row];
}
