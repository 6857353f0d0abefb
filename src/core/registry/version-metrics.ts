import { HEADLINE_METRICS } from '../metrics/headline-metrics.ts';
import type { ClassificationReport, RegressionReport } from '../metrics/index.ts';

const keysOf = (task: string) => HEADLINE_METRICS.filter((m) => m.task === task).map((m) => m.key);

/**
 * The headline metrics a model version keeps from its run's report, flat
 * and JSON-safe: undefined values (NaN, a missing ROC AUC) become `null`.
 *
 * @example
 * versionMetrics(regressionReport).r2; // 0.91, or null for a one-row test set
 */
export function versionMetrics(report: ClassificationReport | RegressionReport): Record<string, number | null> {
  const keys = keysOf(report.task);
  const values = report as unknown as Record<string, number | null>;
  return Object.fromEntries(keys.map((k) => [k, finiteOrNull(values[k])]));
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
