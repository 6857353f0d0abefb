import { oneVsRestTarget, probabilityColumn, thresholdCounts, type ThresholdCounts } from './binary-curve.ts';
import { numpyMean, pairwiseSum } from './numpy-sum.ts';
import { checkClassCount, checkClassIndices, checkProbabilities } from './validate.ts';

/**
 * Points of a precision-recall curve, in increasing threshold order (so
 * decreasing recall), ending with the point (recall 0, precision 1) that has
 * no threshold: `thresholds` is one shorter than `precision` and `recall`.
 */
export interface PrecisionRecallCurve {
  precision: number[];
  recall: number[];
  thresholds: number[];
}

/**
 * Precision-recall curve as sklearn 1.2's `precision_recall_curve(y, score)`:
 * one point per distinct score, none dropped. With no positive rows recall is
 * 1 at every threshold (sklearn warns and does the same).
 *
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // precision [0.5, 0.666…, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8]
 */
export function precisionRecallCurve(
  isPositive: ArrayLike<number | boolean>,
  scores: ArrayLike<number>,
): PrecisionRecallCurve {
  return precisionRecallCurveFromCounts(thresholdCounts(isPositive, scores));
}

/** {@link precisionRecallCurve} from counts already made, so one sort serves both curves. */
export function precisionRecallCurveFromCounts(counts: ThresholdCounts): PrecisionRecallCurve {
  const { fps, tps, thresholds } = counts;
  const m = tps.length;
  const totalPositives = tps[m - 1];
  const precision: number[] = [];
  const recall: number[] = [];
  const ascending: number[] = [];
  for (let i = m - 1; i >= 0; i--) {
    const predicted = tps[i] + fps[i];
    precision.push(predicted === 0 ? 0 : tps[i] / predicted);
    recall.push(totalPositives === 0 ? 1 : tps[i] / totalPositives);
    ascending.push(thresholds[i]);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds: ascending };
}

/**
 * Average precision of one binary problem: sklearn's step-wise
 * `sum((R[n] - R[n-1]) * P[n])` over the precision-recall curve, **not** the
 * trapezoidal area (which is optimistic). With no positive rows it is 0, as
 * sklearn returns.
 *
 * @example
 * averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.8333…
 */
export function averagePrecision(isPositive: ArrayLike<number | boolean>, scores: ArrayLike<number>): number {
  return curveAveragePrecision(precisionRecallCurve(isPositive, scores));
}

/** Average precision of a {@link PrecisionRecallCurve} (see {@link averagePrecision}). */
export function curveAveragePrecision(curve: PrecisionRecallCurve): number {
  const { precision, recall } = curve;
  const terms = new Float64Array(recall.length - 1);
  for (let i = 0; i < terms.length; i++) terms[i] = (recall[i + 1] - recall[i]) * precision[i];
  // `0 - x` rather than `-x`: the same value, but +0 instead of -0 when there are no positives.
  return 0 - pairwiseSum(terms);
}

/** One-vs-rest average precision of every class, scored by its probability column. */
export function averagePrecisionPerClass(yTrue: ArrayLike<number>, proba: ArrayLike<number>, k: number): number[] {
  checkClassCount(k);
  checkClassIndices(yTrue, k, 'yTrue');
  checkProbabilities(proba, yTrue.length, k);
  return Array.from({ length: k }, (_, c) =>
    averagePrecision(oneVsRestTarget(yTrue, c), probabilityColumn(proba, k, c)),
  );
}

/**
 * The headline average precision, as sklearn computes it.
 *
 * Binary (k = 2): `average_precision_score(y, proba[:, 1])`. Multiclass: the
 * macro mean over one-vs-rest classes, `average_precision_score(
 * label_binarize(y, classes=range(k)), proba, average='macro')`; a class
 * absent from `yTrue` contributes 0, as in sklearn.
 */
export function averagePrecisionScore(yTrue: ArrayLike<number>, proba: ArrayLike<number>, k: number): number {
  checkClassCount(k);
  checkClassIndices(yTrue, k, 'yTrue');
  checkProbabilities(proba, yTrue.length, k);
  if (k === 2) return averagePrecision(oneVsRestTarget(yTrue, 1), probabilityColumn(proba, 2, 1));
  return numpyMean(averagePrecisionPerClass(yTrue, proba, k));
}
