/**
 * The contract between the UI thread and the drift worker (types only).
 * Expected failures come back as `{ ok: false, error }` values, because
 * Comlink carries only the name and message of a thrown error.
 */
import type { DataTable } from '../../core/data/types.ts';
import type { ErrorInfo } from '../../core/errors.ts';
import type { DriftComparison } from '../../core/monitor/drift/drift-comparison.ts';
import type { DriftOptions } from '../../core/monitor/drift/types.ts';
import type { ComparisonSettings, TestComparison } from '../../core/monitor/lab/test-comparisons.ts';

export type DriftResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export type { DriftComparison };

/** Told after each column of a report: columns done, columns in all, the column just done. */
export type DriftProgress = (done: number, total: number, column: string) => void;

/** The Drift lab's comparison of tests: on a saved version's numeric column, or a standard normal when null. */
export interface ComparisonRequest {
  source: { versionId: string; column: string } | null;
  settings: ComparisonSettings;
  seed: number;
}

export interface DriftWorkerApi {
  /** Compares two tables (their typed arrays are transferred, not copied). */
  compareTables(
    reference: DataTable,
    current: DataTable,
    options: DriftOptions,
    progress?: DriftProgress,
  ): Promise<DriftResult<DriftComparison>>;
  /** Compares two saved dataset versions, read by the worker from the workspace database. */
  compareVersions(
    referenceId: string,
    currentId: string,
    options: DriftOptions,
    progress?: DriftProgress,
  ): Promise<DriftResult<DriftComparison>>;
  /** Runs KS, PSI and Wasserstein side by side on large and small samples (see compareTests). */
  compareTests(request: ComparisonRequest): Promise<DriftResult<TestComparison>>;
}

/** What the drift worker calls on its second thread. */
export interface DriftPartApi {
  compareColumns(
    reference: DataTable,
    current: DataTable,
    options: DriftOptions,
    progress?: DriftProgress,
  ): Promise<DriftResult<DriftComparison>>;
}
