import { ecdfMerge } from './ecdf-merge.ts';

/**
 * The first Wasserstein (earth mover's) distance between two ascending
 * samples: ∫ |F_u(x) − F_v(x)| dx, as `scipy.stats.wasserstein_distance(u, v)`
 * computes it — the empirical CDFs compared between consecutive pooled values.
 *
 * @example
 * wasserstein(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8)); // 5
 */
export function wasserstein(u: Float64Array, v: Float64Array): number {
  return ecdfMerge(u, v).wasserstein;
}

/** The population standard deviation (numpy's `std`, ddof 0), two passes. */
export function populationStd(values: Float64Array): number {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return Math.sqrt(ss / n);
}
