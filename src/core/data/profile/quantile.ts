/**
 * The `p`-quantile (0 ≤ p ≤ 1) of ascending `sorted` values by linear
 * interpolation between order statistics: NumPy's default `linear` method
 * (R type 7, pandas' `describe`). NaN for an empty array.
 *
 * The interpolation mirrors NumPy's `_lerp`, which computes from the upper
 * neighbour when the fraction is ≥ 0.5, so results match NumPy to the last bit
 * in the common cases rather than merely to rounding.
 *
 * @example
 * quantileSorted(new Float64Array([1, 2, 3, 4]), 0.25) // 1.75
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const below = Math.floor(h);
  if (below >= n - 1) return sorted[n - 1];
  const t = h - below;
  const a = sorted[below];
  const b = sorted[below + 1];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
