import type { Task } from '../train/task.ts';

/** How a headline metric's value may range, for checking imported numbers. */
export type MetricRange = 'share' | 'non-negative' | 'at-most-one';

/** One headline metric a model version keeps: its key, the name people read, its task, direction and range. */
export interface HeadlineMetric {
  key: string;
  label: string;
  task: Task;
  higherIsBetter: boolean;
  range: MetricRange;
}

/**
 * The headline metrics, in the order reports list them: the one place their
 * keys, readable names, directions and ranges are written down.
 */
export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  { key: 'accuracy', label: 'Accuracy', task: 'classification', higherIsBetter: true, range: 'share' },
  { key: 'precisionMacro', label: 'Precision (macro)', task: 'classification', higherIsBetter: true, range: 'share' },
  { key: 'recallMacro', label: 'Recall (macro)', task: 'classification', higherIsBetter: true, range: 'share' },
  { key: 'f1Macro', label: 'F1 (macro)', task: 'classification', higherIsBetter: true, range: 'share' },
  {
    key: 'precisionWeighted',
    label: 'Precision (weighted)',
    task: 'classification',
    higherIsBetter: true,
    range: 'share',
  },
  { key: 'recallWeighted', label: 'Recall (weighted)', task: 'classification', higherIsBetter: true, range: 'share' },
  { key: 'f1Weighted', label: 'F1 (weighted)', task: 'classification', higherIsBetter: true, range: 'share' },
  { key: 'rocAuc', label: 'ROC AUC', task: 'classification', higherIsBetter: true, range: 'share' },
  { key: 'averagePrecision', label: 'Average precision', task: 'classification', higherIsBetter: true, range: 'share' },
  { key: 'logLoss', label: 'Log-loss', task: 'classification', higherIsBetter: false, range: 'non-negative' },
  { key: 'mae', label: 'MAE', task: 'regression', higherIsBetter: false, range: 'non-negative' },
  { key: 'rmse', label: 'RMSE', task: 'regression', higherIsBetter: false, range: 'non-negative' },
  { key: 'r2', label: 'R²', task: 'regression', higherIsBetter: true, range: 'at-most-one' },
];

const BY_KEY = new Map(HEADLINE_METRICS.map((m) => [m.key, m]));

/** The headline metric `key`, or undefined for a name the workbench does not report. */
export function headlineMetric(key: string): HeadlineMetric | undefined {
  return BY_KEY.get(key);
}

/** The readable name of a metric, e.g. "Precision (macro)"; an unknown key as it is. */
export function metricLabel(key: string): string {
  return BY_KEY.get(key)?.label ?? key;
}

/** +1 when higher is better, −1 when lower is, 0 for a metric the workbench does not know. */
export function metricDirection(key: string): 1 | -1 | 0 {
  const metric = BY_KEY.get(key);
  return metric ? (metric.higherIsBetter ? 1 : -1) : 0;
}
