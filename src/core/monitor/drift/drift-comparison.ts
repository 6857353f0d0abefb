import type { DataTable } from '../../data/types.ts';
import { columnDistributions, type ColumnDistribution } from './distributions.ts';
import { computeDriftReport, type DriftContext } from './drift-report.ts';
import { SortedCache } from './sorted-cache.ts';
import type { DriftOptions, DriftReport } from './types.ts';

/** A drift report and what the dashboard draws per column (histograms and ECDFs). */
export interface DriftComparison {
  report: DriftReport;
  distributions: ColumnDistribution[];
}

/**
 * The drift report of `current` against `reference` with each column's
 * distributions, sorting every column once: the charts reuse the sorted
 * values the report made.
 */
export function compareWithDistributions(
  reference: DataTable,
  current: DataTable,
  options: DriftOptions = {},
  onColumn?: DriftContext['onColumn'],
): DriftComparison {
  const cache = new SortedCache();
  const report = computeDriftReport(reference, current, options, { cache, onColumn });
  return {
    report,
    distributions: columnDistributions(
      reference,
      current,
      report.columns.map((c) => c.name),
      cache,
    ),
  };
}
