/**
 * The drift report's shapes: what `computeDriftReport` returns and what the
 * `workbench drift --json` command prints.
 */

/** The tests a column's verdict can come from (Evidently's names). */
export const DRIFT_TESTS = ['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi'] as const;
export type DriftTestId = (typeof DRIFT_TESTS)[number];

export type DriftKind = 'numeric' | 'categorical';

/** A per-column choice of test, optionally with its own threshold. */
export type DriftTestOverride = DriftTestId | { test: DriftTestId; threshold?: number };

export interface DriftOptions {
  /** Columns to compare (default: every column the two tables share). */
  columns?: string[];
  /** Share of drifted columns from which the dataset drifts (default 0.5). */
  driftShareThreshold?: number;
  /** Test per column name, replacing the default choice. */
  tests?: Record<string, DriftTestOverride>;
}

export interface KsResult {
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

export interface Chi2Result {
  statistic: number;
  dof: number;
  pValue: number;
}

/** Two-proportion z-test (pooled), for columns with at most two values. */
export interface ZTestResult {
  statistic: number;
  pValue: number;
}

interface ColumnDriftBase {
  name: string;
  test: DriftTestId;
  /** Why this test: the default rule that picked it, or "chosen by the user". */
  reason: string;
  /** The test's threshold: a p-value below it, or a distance at or above it, is drift. */
  threshold: number;
  /** The value compared with the threshold (a p-value or a distance). */
  score: number;
  drifted: boolean;
  /** Non-missing values compared in each sample. */
  referenceCount: number;
  currentCount: number;
  psi: number;
  jensenShannon: number;
  /** Present when the chosen test needed it (at most 5 distinct values). */
  chi2?: Chi2Result;
  z?: ZTestResult;
}

export interface NumericColumnDrift extends ColumnDriftBase {
  kind: 'numeric';
  ks: KsResult;
  wasserstein: number;
  /** Wasserstein distance divided by the reference's (population) standard deviation. */
  wassersteinNormalized: number;
}

export interface CategoricalColumnDrift extends ColumnDriftBase {
  kind: 'categorical';
  chi2: Chi2Result;
}

export type ColumnDrift = NumericColumnDrift | CategoricalColumnDrift;

export interface DriftReport {
  /** In the reference table’s column order (the dashboard puts drifted ones first). */
  columns: ColumnDrift[];
  driftShare: number;
  datasetDrift: boolean;
  driftShareThreshold: number;
}
