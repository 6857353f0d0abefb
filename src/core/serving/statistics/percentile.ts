import { quantileSorted } from '../../data/profile/quantile.ts';

/** Median and 95th percentile of latencies in milliseconds (NumPy's linear method); null when there are none. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
}

/**
 * p50 and p95 of some latencies (NumPy's default `linear` percentile).
 *
 * @example
 * latencySummary([1, 2, 3, 4]); // { count: 4, p50: 2.5, p95: 3.8499999999999996 }
 */
export function latencySummary(latencies: ArrayLike<number>): LatencySummary | null {
  if (latencies.length === 0) return null;
  const sorted = Float64Array.from(latencies).sort();
  return { count: sorted.length, p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) };
}
