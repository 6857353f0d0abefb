/**
 * Loads test/fixtures/sklearn/metrics.json (made by make_metrics_fixtures.py
 * with Debian's scikit-learn) and compares numbers the way the metrics tests
 * need: 1e-12 relative tolerance, and sklearn's NaN (stored as null) equal to NaN.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

interface CurveFixture {
  [key: string]: (number | null)[];
}

export interface ClassificationCase {
  name: string;
  note: string;
  labels: string[];
  yTrue: number[];
  yPred: number[];
  proba: number[][];
  expected: {
    logLoss: number;
    accuracy?: number;
    precision?: number[];
    recall?: number[];
    f1?: number[];
    support?: number[];
    precisionMacro?: number;
    recallMacro?: number;
    f1Macro?: number;
    precisionWeighted?: number;
    recallWeighted?: number;
    f1Weighted?: number;
    confusion?: number[][];
    rocCurves?: CurveFixture[];
    prCurves?: CurveFixture[];
    rocAucPerClass?: (number | null)[];
    averagePrecisionPerClass?: number[];
    rocAuc?: number | null;
    averagePrecision?: number;
  };
}

export interface RegressionCase {
  name: string;
  note: string;
  yTrue: number[];
  yPred: number[];
  expected: { mae: number; rmse: number; r2: number | null };
}

export interface MetricsFixtures {
  versions: Record<string, string>;
  classification: ClassificationCase[];
  regression: RegressionCase[];
  wilson: { successes: number; n: number; confidence: number; low: number; high: number }[];
  normalQuantile: { p: number; z: number }[];
}

export const fixtures: MetricsFixtures = JSON.parse(
  readFileSync(new URL('../../fixtures/sklearn/metrics.json', import.meta.url), 'utf8'),
);

/** The classification cases that carry every metric (not only log-loss). */
export const fullCases = fixtures.classification.filter((c) => c.expected.accuracy !== undefined);

/** The row-major Float64Array the metrics take. */
export function flatProba(c: ClassificationCase): Float64Array {
  return Float64Array.from(c.proba.flat());
}

export const RTOL = 1e-12;

/** True when `actual` is within `rtol` of `expected` (null and NaN match each other). */
export function close(actual: number, expected: number | null, rtol = RTOL): boolean {
  if (expected === null || Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= rtol * Math.abs(expected);
}

/** Asserts `actual` matches sklearn's `expected` value to 1e-12 relative. */
export function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (actual === null || expected === null) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(close(actual, expected), `${what}: got ${actual}, sklearn ${expected}`).toBe(true);
}

/** Asserts two arrays have the same length and match element-wise to 1e-12 relative. */
export function expectAllClose(actual: ArrayLike<number>, expected: (number | null)[], what: string): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  const bad = expected.findIndex((e, i) => !close(actual[i], e));
  expect(bad, bad >= 0 ? `${what}[${bad}]: got ${actual[bad]}, sklearn ${expected[bad]}` : what).toBe(-1);
}
