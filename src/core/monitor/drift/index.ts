/**
 * Drift per feature between a reference (the training data) and a current
 * sample (a window of the prediction log, or another dataset version).
 */
export { computeDriftReport, DEFAULT_DRIFT_SHARE, type DriftContext } from './drift-report.ts';
export { SortedCache } from './sorted-cache.ts';
export { cachedDriftFunction } from './cached-drift-function.ts';
export { columnDistributions, type ColumnDistribution } from './distributions.ts';
export { categoryCounts, type CategoryCounts } from './categorical-drift.ts';
export { chooseTest, DEFAULT_THRESHOLDS, isDrift, P_VALUE_TESTS, SMALL_REFERENCE, FEW_VALUES } from './test-choice.ts';
export { ksTwoSample } from './ks-two-sample.ts';
export { wasserstein } from './wasserstein.ts';
export { psi, jensenShannon, PSI_FLOOR } from './distances.ts';
export { chi2Contingency } from './chi2-contingency.ts';
export { sortedFiniteValues } from './sorted-values.ts';
export { decileEdges, binCounts } from './deciles.ts';
export {
  DRIFT_TESTS,
  type Chi2Result,
  type ColumnDrift,
  type CategoricalColumnDrift,
  type DriftKind,
  type DriftOptions,
  type DriftReport,
  type DriftTestId,
  type DriftTestOverride,
  type KsResult,
  type NumericColumnDrift,
  type ZTestResult,
} from './types.ts';
