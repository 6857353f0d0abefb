import type { NumericStats } from './profile-types.ts';
import { quantileSorted } from './quantile.ts';

/**
 * Min, max, mean, sample standard deviation and quartiles of ascending,
 * NaN-free `sorted` values; undefined when there are none.
 *
 * The mean uses compensated (Neumaier) summation and the deviation a second
 * pass over `x - mean`, so both agree with NumPy to ~1e-15 relative even on
 * a million values. With a single value `std` is 0 rather than NaN: profiles
 * are stored and hashed as JSON, which has no NaN.
 *
 * @example
 * numericStats(new Float64Array([1, 2, 3, 4])) // { min: 1, max: 4, mean: 2.5, std: 1.29…, q1: 1.75, median: 2.5, q3: 3.25 }
 */
export function numericStats(sorted: Float64Array): NumericStats | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const mean = compensatedSum(sorted) / n;
  let squares = 0;
  let correction = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i] - mean;
    squares += d * d;
    correction += d;
  }
  // The correction term (≈ 0 in exact arithmetic) removes the rounding error of the mean (Björck's two-pass formula).
  const variance = n > 1 ? Math.max(0, (squares - (correction * correction) / n) / (n - 1)) : 0;
  return {
    min: sorted[0],
    max: sorted[n - 1],
    mean: Math.min(Math.max(mean, sorted[0]), sorted[n - 1]),
    std: Math.sqrt(variance),
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
  };
}

/** Neumaier's variant of Kahan summation: exact to within one rounding for ordinary data. */
function compensatedSum(values: Float64Array): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}
