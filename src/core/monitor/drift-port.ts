import type { DataTable } from '../data/types.ts';
import type { DriftTestOverride } from './drift/types.ts';

/**
 * The drift statistics the monitor needs, as a port: the drift module
 * (core/monitor/drift) computes them; the monitor is handed the function so
 * its windows, alerts and tests do not depend on how they are computed.
 */

/** One column's drift verdict and every statistic computed for it. */
export interface ColumnDriftSummary {
  name: string;
  kind: 'numeric' | 'categorical';
  /** The test that decided `drifted`, e.g. `ks`, `chi2`, `wasserstein`, `jensen_shannon`. */
  test: string;
  /** Why that test was chosen. */
  reason: string;
  drifted: boolean;
  ks?: { statistic: number; pValue: number; method?: string };
  wasserstein?: number;
  wassersteinNormalized?: number;
  psi: number;
  jensenShannon: number;
  chi2?: { statistic: number; dof: number; pValue: number };
}

/** Drift of every compared column, and the dataset verdict. */
export interface DriftSummary {
  columns: ColumnDriftSummary[];
  /** Share of compared columns that drifted. */
  driftShare: number;
  datasetDrift: boolean;
}

/** Per-column choices of test (and threshold) that replace the default rule, e.g. from the monitoring policy. */
export interface DriftFunctionOptions {
  tests?: Record<string, DriftTestOverride>;
}

/** Computes a drift report of `current` against `reference` (the drift module's `computeDriftReport`). */
export type DriftFunction = (reference: DataTable, current: DataTable, options?: DriftFunctionOptions) => DriftSummary;
