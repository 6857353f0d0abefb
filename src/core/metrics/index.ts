/**
 * Evaluation metrics over plain arrays, equal to scikit-learn's (checked
 * against fixtures in test/fixtures/sklearn). Class labels are indices into a
 * `labels` list; probabilities are row-major `n × k` arrays.
 */
export { accuracy } from './accuracy.ts';
export { oneVsRestTarget, probabilityColumn, thresholdCounts, type ThresholdCounts } from './binary-curve.ts';
export {
  classificationReport,
  type ClassificationInput,
  type ClassificationReportOptions,
} from './classification-report.ts';
export { accuracyInterval, wilsonInterval, type ProportionInterval } from './confidence-interval.ts';
export { confusionMatrix, labelledConfusionMatrix, type ConfusionMatrix } from './confusion.ts';
export { LOG_LOSS_EPS, logLoss } from './log-loss.ts';
export { normalQuantile } from './normal-quantile.ts';
export { evenIndices, thinCurve } from './thin-curve.ts';
export {
  averagePrecision,
  averagePrecisionPerClass,
  averagePrecisionScore,
  curveAveragePrecision,
  precisionRecallCurve,
  precisionRecallCurveFromCounts,
  type PrecisionRecallCurve,
} from './pr-curve.ts';
export {
  precisionRecallF1,
  type AveragedScores,
  type ClassScores,
  type PrecisionRecallF1,
} from './precision-recall-f1.ts';
export { meanAbsoluteError, r2Score, rootMeanSquaredError } from './regression.ts';
export { regressionReport } from './regression-report.ts';
export type { ClassificationReport, ClassReport, RegressionReport } from './report-types.ts';
export {
  binaryRocAuc,
  checkRowsSumToOne,
  macroRocAuc,
  rocAuc,
  rocAucPerClass,
  rocCurve,
  rocCurveArea,
  rocCurveFromCounts,
  trapezoidArea,
  type RocCurve,
} from './roc.ts';
