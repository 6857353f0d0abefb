import type { ClassificationReport, RegressionReport } from '../metrics/index.ts';

const CLASSIFICATION_KEYS = [
  'accuracy',
  'precisionMacro',
  'recallMacro',
  'f1Macro',
  'precisionWeighted',
  'recallWeighted',
  'f1Weighted',
  'rocAuc',
  'averagePrecision',
  'logLoss',
] as const;
const REGRESSION_KEYS = ['mae', 'rmse', 'r2'] as const;

/**
 * The headline metrics a model version keeps from its run's report, flat
 * and JSON-safe: undefined values (NaN, a missing ROC AUC) become `null`.
 *
 * @example
 * versionMetrics(regressionReport).r2; // 0.91, or null for a one-row test set
 */
export function versionMetrics(report: ClassificationReport | RegressionReport): Record<string, number | null> {
  const keys: readonly string[] = report.task === 'classification' ? CLASSIFICATION_KEYS : REGRESSION_KEYS;
  const values = report as unknown as Record<string, number | null>;
  return Object.fromEntries(keys.map((k) => [k, finiteOrNull(values[k])]));
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
