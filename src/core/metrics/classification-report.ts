import { accuracy } from './accuracy.ts';
import { oneVsRestTarget, probabilityColumn, thresholdCounts } from './binary-curve.ts';
import { accuracyInterval } from './confidence-interval.ts';
import { labelledConfusionMatrix } from './confusion.ts';
import { logLoss } from './log-loss.ts';
import { numpyMean } from './numpy-sum.ts';
import { curveAveragePrecision, precisionRecallCurveFromCounts, type PrecisionRecallCurve } from './pr-curve.ts';
import { precisionRecallF1 } from './precision-recall-f1.ts';
import type { ClassificationReport } from './report-types.ts';
import { checkRowsSumToOne, macroRocAuc, rocCurveArea, rocCurveFromCounts, type RocCurve } from './roc.ts';
import { thinCurve } from './thin-curve.ts';
import { checkClassCount, checkClassIndices, checkNonEmpty, checkProbabilities, checkSameLength } from './validate.ts';

/** What a classifier produced on the held-out rows. */
export interface ClassificationInput {
  /** Class names; class index `c` means `labels[c]`. */
  labels: readonly string[];
  /** Actual class indices, one per held-out row. */
  yTrue: ArrayLike<number>;
  /** Predicted class indices, one per held-out row. */
  yPred: ArrayLike<number>;
  /** Predicted probabilities, row-major `n × labels.length`; omit for a model without them. */
  proba?: ArrayLike<number>;
}

/** How the report is built. */
export interface ClassificationReportOptions {
  /** Keep at most this many points per curve (for storage and charts); areas use the full curves. Default: all. */
  maxCurvePoints?: number;
}

interface ClassRanking {
  roc: RocCurve;
  pr: PrecisionRecallCurve;
  auc: number | null;
  ap: number;
}

/** One sort per class serves its ROC curve, PR curve, AUC and average precision. */
function rankClasses(yTrue: ArrayLike<number>, proba: ArrayLike<number>, k: number): ClassRanking[] {
  return Array.from({ length: k }, (_, c) => {
    const counts = thresholdCounts(oneVsRestTarget(yTrue, c), probabilityColumn(proba, k, c));
    const roc = rocCurveFromCounts(counts);
    const pr = precisionRecallCurveFromCounts(counts);
    return { roc, pr, auc: rocCurveArea(roc), ap: curveAveragePrecision(pr) };
  });
}

/**
 * All classification metrics of one evaluation, each equal to scikit-learn's
 * on the same predictions (see `rocAuc`, `averagePrecisionScore`, `logLoss`,
 * `precisionRecallF1` for definitions and edge cases). Curves are one-vs-rest
 * per class, also for binary; a class absent from the held-out rows has none.
 *
 * @throws WorkbenchError when the inputs disagree in length, a class index is
 *   out of range, there are fewer than two labels, or multiclass
 *   probabilities do not sum to 1.
 * @example
 * const report = classificationReport({ labels: ['no', 'yes'], yTrue, yPred, proba });
 * report.f1Weighted; report.confusion.matrix; report.rocCurves?.[1];
 */
export function classificationReport(
  input: ClassificationInput,
  options: ClassificationReportOptions = {},
): ClassificationReport {
  const { labels, yTrue, yPred, proba } = input;
  const k = labels.length;
  const n = yTrue.length;
  checkClassCount(k);
  checkNonEmpty(yTrue, 'yTrue');
  checkSameLength(yTrue, yPred, ['yTrue', 'yPred']);
  checkClassIndices(yTrue, k, 'yTrue');
  checkClassIndices(yPred, k, 'yPred');
  if (proba) {
    checkProbabilities(proba, n, k);
    if (k > 2) checkRowsSumToOne(proba, k);
  }

  const scores = precisionRecallF1(yTrue, yPred, k);
  const acc = accuracy(yTrue, yPred);
  const ranked = proba ? rankClasses(yTrue, proba, k) : null;
  const thin = <T extends { [K in keyof T]: number[] }>(curve: T): T =>
    options.maxCurvePoints === undefined ? curve : thinCurve(curve, options.maxCurvePoints);
  const present = scores.perClass.map((s) => s.support > 0);

  return {
    task: 'classification',
    n,
    accuracy: acc,
    accuracyInterval: accuracyInterval(acc, n),
    precisionMacro: scores.macro.precision,
    recallMacro: scores.macro.recall,
    f1Macro: scores.macro.f1,
    precisionWeighted: scores.weighted.precision,
    recallWeighted: scores.weighted.recall,
    f1Weighted: scores.weighted.f1,
    // Binary headlines are class 1's, as sklearn's roc_auc_score(y, proba[:, 1]).
    rocAuc: ranked ? (k === 2 ? ranked[1].auc : macroRocAuc(ranked.map((r) => r.auc))) : null,
    averagePrecision: ranked ? (k === 2 ? ranked[1].ap : numpyMean(ranked.map((r) => r.ap))) : null,
    logLoss: proba ? logLoss(yTrue, proba, k) : null,
    perClass: scores.perClass.map((s, c) => ({
      label: labels[c],
      ...s,
      rocAuc: ranked ? ranked[c].auc : null,
      averagePrecision: ranked ? ranked[c].ap : null,
    })),
    confusion: labelledConfusionMatrix(yTrue, yPred, labels),
    rocCurves: ranked ? ranked.map((r, c) => (present[c] ? thin(r.roc) : null)) : null,
    prCurves: ranked ? ranked.map((r, c) => (present[c] ? thin(r.pr) : null)) : null,
  };
}
