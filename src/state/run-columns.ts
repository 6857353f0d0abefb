/**
 * The numbers a runs table shows for each run, and how runs sort by them.
 * Classification and regression runs share one table: a metric a run does
 * not have is `null` and sorts last, whichever the direction.
 */
import type { RunRecord } from '../core/train/run-record.ts';

/** Headline metrics the runs table shows (field names of the metric reports). */
export type MetricKey = 'accuracy' | 'f1Macro' | 'rocAuc' | 'logLoss' | 'mae' | 'rmse' | 'r2';
/** Columns the runs table sorts by. */
export type SortKey = MetricKey | 'startedAt' | 'durationMs' | 'name';

/** The metric columns, in table order; `lowerIsBetter` picks the first sort direction. */
export const METRIC_COLUMNS: readonly { key: MetricKey; label: string; lowerIsBetter: boolean }[] = [
  { key: 'accuracy', label: 'Accuracy', lowerIsBetter: false },
  { key: 'f1Macro', label: 'F1 macro', lowerIsBetter: false },
  { key: 'rocAuc', label: 'ROC AUC', lowerIsBetter: false },
  { key: 'logLoss', label: 'Log-loss', lowerIsBetter: true },
  { key: 'mae', label: 'MAE', lowerIsBetter: true },
  { key: 'rmse', label: 'RMSE', lowerIsBetter: true },
  { key: 'r2', label: 'R²', lowerIsBetter: false },
];

/** A run's value of a metric, or `null` when it has none (failed, cancelled, other task). */
export function metricOf(run: RunRecord, key: MetricKey): number | null {
  const metrics = run.outcome?.metrics;
  if (!metrics) return null;
  const value = (metrics as unknown as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Sorts runs by a column; runs without a value go last in both directions. */
export function sortRuns(runs: readonly RunRecord[], key: SortKey, direction: 'asc' | 'desc'): RunRecord[] {
  const sign = direction === 'asc' ? 1 : -1;
  const valueOf = (run: RunRecord): number | string | null =>
    key === 'startedAt' || key === 'name' ? run[key] : key === 'durationMs' ? run.durationMs : metricOf(run, key);
  return runs
    .map((run, index) => ({ run, index, value: valueOf(run) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order =
        typeof a.value === 'string' ? a.value.localeCompare(String(b.value)) : a.value - (b.value as number);
      return order * sign || a.index - b.index;
    })
    .map((entry) => entry.run);
}
