import { WorkbenchError } from '../../errors.ts';
import type { DriftKind, DriftTestId, DriftTestOverride } from './types.ts';

/** Evidently's size rule: up to this many reference values, statistical tests; above, distances. */
export const SMALL_REFERENCE = 1000;
/** Up to this many distinct values a numeric column is treated as discrete. */
export const FEW_VALUES = 5;

/** Evidently's default thresholds: p-values below 0.05, distances from 0.1. */
export const DEFAULT_THRESHOLDS: Record<DriftTestId, number> = {
  ks: 0.05,
  chisquare: 0.05,
  z: 0.05,
  wasserstein: 0.1,
  jensenshannon: 0.1,
  psi: 0.1,
};

/** Tests whose score is a p-value (drift below the threshold), the others are distances (drift at or above). */
export const P_VALUE_TESTS: ReadonlySet<DriftTestId> = new Set(['ks', 'chisquare', 'z']);

export interface TestChoice {
  test: DriftTestId;
  threshold: number;
  reason: string;
}

/**
 * The test a column is judged by, chosen as Evidently's `get_default_stattest`
 * does: with at most 1,000 reference values, Kolmogorov–Smirnov for numeric
 * columns with more than 5 distinct values, otherwise chi-squared for more
 * than 2 categories and the two-proportion z-test for two; with more, the
 * normalized Wasserstein distance for numeric columns with more than 5
 * distinct values and Jensen–Shannon for the rest. A user override wins.
 *
 * @param distinct distinct values over both samples (counted up to 6 for numeric columns)
 */
export function chooseTest(
  kind: DriftKind,
  referenceCount: number,
  distinct: number,
  override: DriftTestOverride | undefined,
  column: string,
): TestChoice {
  if (override !== undefined) return overridden(kind, override, column);
  const discrete = kind === 'categorical' || distinct <= FEW_VALUES;
  const what =
    kind === 'categorical'
      ? `${distinct} categor${distinct === 1 ? 'y' : 'ies'}`
      : `${distinct <= FEW_VALUES ? distinct : `more than ${FEW_VALUES}`} distinct values`;
  const size = `${referenceCount} reference values`;
  let test: DriftTestId;
  let reason: string;
  if (referenceCount <= SMALL_REFERENCE) {
    if (!discrete) {
      test = 'ks';
      reason = `small reference (${size} ≤ ${SMALL_REFERENCE}), numeric with ${what}: Kolmogorov–Smirnov, drift when p < 0.05`;
    } else if (distinct > 2) {
      test = 'chisquare';
      reason = `small reference (${size} ≤ ${SMALL_REFERENCE}), ${what}: chi-squared, drift when p < 0.05`;
    } else {
      test = 'z';
      reason = `small reference (${size} ≤ ${SMALL_REFERENCE}), ${what}: two-proportion z-test, drift when p < 0.05`;
    }
  } else if (!discrete) {
    test = 'wasserstein';
    reason = `large reference (${size} > ${SMALL_REFERENCE}), numeric with ${what}: Wasserstein distance / reference std, drift when ≥ 0.1`;
  } else {
    test = 'jensenshannon';
    reason = `large reference (${size} > ${SMALL_REFERENCE}), ${what}: Jensen–Shannon distance, drift when ≥ 0.1`;
  }
  return { test, threshold: DEFAULT_THRESHOLDS[test], reason };
}

function overridden(kind: DriftKind, override: DriftTestOverride, column: string): TestChoice {
  const test = typeof override === 'string' ? override : override.test;
  const given = typeof override === 'string' ? undefined : override.threshold;
  if (!(test in DEFAULT_THRESHOLDS)) {
    throw new WorkbenchError(
      'drift.bad_test',
      `Unknown drift test "${test}" for column "${column}". Use ks, wasserstein, psi, jensenshannon, chisquare or z.`,
    );
  }
  if (kind === 'categorical' && (test === 'ks' || test === 'wasserstein')) {
    throw new WorkbenchError(
      'drift.bad_test',
      `Column "${column}" is categorical, and ${test} needs numbers. Use psi, jensenshannon, chisquare or z for it.`,
    );
  }
  if (given !== undefined && !(given > 0 && given <= 1)) {
    throw new WorkbenchError(
      'drift.bad_threshold',
      `The threshold ${given} for column "${column}" is not in (0, 1]. Give a p-value level such as 0.05 or a distance such as 0.1.`,
    );
  }
  const threshold = given ?? DEFAULT_THRESHOLDS[test];
  return { test, threshold, reason: `chosen by the user (${test}, threshold ${threshold})` };
}

/** Whether a test's score crosses its threshold. */
export function isDrift(test: DriftTestId, score: number, threshold: number): boolean {
  return P_VALUE_TESTS.has(test) ? score < threshold : score >= threshold;
}
