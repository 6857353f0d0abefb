import { WorkbenchError } from '../errors.ts';
import { oneVsRestTarget, probabilityColumn, thresholdCounts, type ThresholdCounts } from './binary-curve.ts';
import { numpyMean, pairwiseSum } from './numpy-sum.ts';
import { checkClassCount, checkClassIndices, checkProbabilities } from './validate.ts';

/** Points of a ROC curve, from (0, 0) to (1, 1), with the score threshold of each point. */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}

/**
 * ROC curve as sklearn 1.2's `roc_curve(y, score)` (with `drop_intermediate=True`).
 *
 * Points collinear with their neighbours are dropped (they never change the
 * area); a first point (0, 0) is added with threshold `max(score) + 1` —
 * sklearn ≥ 1.3 uses `Infinity` there, which JSON cannot hold. With no
 * negative rows `fpr` is all NaN, with no positive rows `tpr` is, as in sklearn.
 *
 * @example
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [1.8, 0.8, 0.4, 0.35, 0.1]
 */
export function rocCurve(
  isPositive: ArrayLike<number | boolean>,
  scores: ArrayLike<number>,
  options: { dropIntermediate?: boolean } = {},
): RocCurve {
  return rocCurveFromCounts(thresholdCounts(isPositive, scores), options);
}

/** {@link rocCurve} from counts already made, so one sort serves both ROC and PR curves. */
export function rocCurveFromCounts(counts: ThresholdCounts, options: { dropIntermediate?: boolean } = {}): RocCurve {
  const { fps, tps, thresholds } = counts;
  let keep = Array.from(fps.keys());
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    // Keep the ends and every corner (a non-zero second difference in fps or tps).
    keep = keep.filter((i) => {
      if (i === 0 || i === fps.length - 1) return true;
      return fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]) !== 0 || tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]) !== 0;
    });
  }
  const totalNegatives = fps[fps.length - 1];
  const totalPositives = tps[tps.length - 1];
  const fpr = [0, ...keep.map((i) => fps[i])].map((v) => (totalNegatives > 0 ? v / totalNegatives : NaN));
  const tpr = [0, ...keep.map((i) => tps[i])].map((v) => (totalPositives > 0 ? v / totalPositives : NaN));
  return { fpr, tpr, thresholds: [thresholds[keep[0]] + 1, ...keep.map((i) => thresholds[i])] };
}

/**
 * Area under a curve by the trapezoidal rule, as sklearn's `auc(x, y)`
 * (`x` must be monotonic; a decreasing `x` gives a positive area too).
 *
 * @example
 * trapezoidArea([0, 0.5, 1], [0, 1, 1]); // 0.75
 */
export function trapezoidArea(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length < 2 || x.length !== y.length) {
    throw new WorkbenchError(
      'metrics.bad_curve',
      `An area needs at least two points with one y per x; got ${x.length} x and ${y.length} y values.`,
    );
  }
  let rising = false;
  let falling = false;
  const terms = new Float64Array(x.length - 1);
  for (let i = 0; i < terms.length; i++) {
    const dx = x[i + 1] - x[i];
    if (dx > 0) rising = true;
    if (dx < 0) falling = true;
    // np.trapz's order: d * (y[1:] + y[:-1]) / 2.0
    terms[i] = (dx * (y[i + 1] + y[i])) / 2.0;
  }
  if (rising && falling) {
    throw new WorkbenchError(
      'metrics.bad_curve',
      'The curve’s x values go both up and down; sort the points by x first.',
    );
  }
  const area = pairwiseSum(terms);
  return falling ? -area : area;
}

/**
 * Area under the ROC curve of one binary problem, or `null` when it is
 * undefined because the rows hold only one class (sklearn raises there).
 */
export function binaryRocAuc(isPositive: ArrayLike<number | boolean>, scores: ArrayLike<number>): number | null {
  return rocCurveArea(rocCurve(isPositive, scores));
}

/** Area under a {@link RocCurve}; `null` when its rates are NaN (only one class present). */
export function rocCurveArea(curve: RocCurve): number | null {
  if (Number.isNaN(curve.fpr[1]) || Number.isNaN(curve.tpr[1])) return null;
  return trapezoidArea(curve.fpr, curve.tpr);
}

/**
 * One-vs-rest ROC AUC of every class: class `c`'s rows against all others,
 * scored by probability column `c`; `null` for a class absent from `yTrue`.
 */
export function rocAucPerClass(yTrue: ArrayLike<number>, proba: ArrayLike<number>, k: number): (number | null)[] {
  checkClassCount(k);
  checkClassIndices(yTrue, k, 'yTrue');
  checkProbabilities(proba, yTrue.length, k);
  return Array.from({ length: k }, (_, c) => binaryRocAuc(oneVsRestTarget(yTrue, c), probabilityColumn(proba, k, c)));
}

/**
 * The headline ROC AUC, as sklearn computes it.
 *
 * Binary (k = 2): `roc_auc_score(y, proba[:, 1])`, class 1 being positive.
 * Multiclass: `roc_auc_score(y, proba, multi_class='ovr', average='macro')`,
 * the unweighted mean of the one-vs-rest AUCs. Returns `null` when a class in
 * `0..k-1` never occurs in `yTrue` (multiclass) or only one class does
 * (binary): sklearn raises in those cases.
 *
 * @throws WorkbenchError `metrics.proba_not_normalised` when multiclass rows do
 *   not sum to 1 within NumPy's `allclose` tolerance, as sklearn requires.
 */
export function rocAuc(yTrue: ArrayLike<number>, proba: ArrayLike<number>, k: number): number | null {
  checkClassCount(k);
  checkClassIndices(yTrue, k, 'yTrue');
  checkProbabilities(proba, yTrue.length, k);
  if (k === 2) return binaryRocAuc(oneVsRestTarget(yTrue, 1), probabilityColumn(proba, 2, 1));
  checkRowsSumToOne(proba, k);
  return macroRocAuc(rocAucPerClass(yTrue, proba, k));
}

/** The multiclass headline from per-class AUCs: their mean, or `null` if any is undefined. */
export function macroRocAuc(perClass: readonly (number | null)[]): number | null {
  if (perClass.some((auc) => auc === null)) return null;
  return numpyMean(perClass as number[]);
}

/**
 * Throws unless every row of `proba` sums to 1 within `np.allclose`'s
 * tolerance, which sklearn requires of multiclass ROC AUC scores.
 */
export function checkRowsSumToOne(proba: ArrayLike<number>, k: number): void {
  for (let i = 0; i < proba.length / k; i++) {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += proba[i * k + c];
    // np.allclose(1, sum): |sum - 1| <= atol + rtol * |sum|
    if (!(Math.abs(sum - 1) <= 1e-8 + 1e-5 * Math.abs(sum))) {
      throw new WorkbenchError(
        'metrics.proba_not_normalised',
        `Probabilities of row ${i} sum to ${sum}, not 1. Multiclass ROC AUC needs class probabilities; ` +
          'apply softmax (or divide by the row sum) before scoring.',
      );
    }
  }
}
