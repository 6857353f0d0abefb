import { checkFinite, checkNonEmpty, checkSameLength } from './validate.ts';

/**
 * Cumulative false and true positive counts at each distinct score, highest
 * score first: the shared base of the ROC and precision-recall curves.
 */
export interface ThresholdCounts {
  /** False positives among rows scoring at least `thresholds[i]`. */
  fps: Float64Array;
  /** True positives among rows scoring at least `thresholds[i]`. */
  tps: Float64Array;
  /** Distinct scores, in decreasing order. */
  thresholds: Float64Array;
}

/**
 * sklearn's `_binary_clf_curve` without sample weights: sort by decreasing
 * score and count positives and negatives at or above each distinct score.
 *
 * @param isPositive truthy for rows of the positive class
 * @param scores higher means more likely positive (a probability or a margin)
 * @example
 * thresholdCounts([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // fps [0, 1, 1, 2], tps [1, 1, 2, 2], thresholds [0.8, 0.4, 0.35, 0.1]
 */
export function thresholdCounts(isPositive: ArrayLike<number | boolean>, scores: ArrayLike<number>): ThresholdCounts {
  checkNonEmpty(scores, 'scores');
  checkSameLength(isPositive, scores, ['isPositive', 'scores']);
  checkFinite(scores, 'scores');
  // Sorting positives and negatives apart lets the native numeric sort do the work
  // (no comparator callback; halved the report time at 20,000 × 26); a merge from the top then
  // visits each distinct score once, ties across both groups merged as sklearn does.
  const positive: number[] = [];
  const negative: number[] = [];
  for (let i = 0; i < scores.length; i++) (isPositive[i] ? positive : negative).push(scores[i]);
  const pos = Float64Array.from(positive).sort();
  const neg = Float64Array.from(negative).sort();
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let i = pos.length - 1;
  let j = neg.length - 1;
  while (i >= 0 || j >= 0) {
    const score = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
    while (i >= 0 && pos[i] === score) i--;
    while (j >= 0 && neg[j] === score) j--;
    tps.push(pos.length - 1 - i);
    fps.push(neg.length - 1 - j);
    thresholds.push(score);
  }
  return { fps: Float64Array.from(fps), tps: Float64Array.from(tps), thresholds: Float64Array.from(thresholds) };
}

/** 1 for rows whose class is `c`, 0 otherwise: the one-vs-rest target of class `c`. */
export function oneVsRestTarget(yTrue: ArrayLike<number>, c: number): Uint8Array {
  const target = new Uint8Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) target[i] = yTrue[i] === c ? 1 : 0;
  return target;
}

/** Column `c` of a row-major `n × k` probability matrix. */
export function probabilityColumn(proba: ArrayLike<number>, k: number, c: number): Float64Array {
  const n = proba.length / k;
  const column = new Float64Array(n);
  for (let i = 0; i < n; i++) column[i] = proba[i * k + c];
  return column;
}
