/**
 * The PSI bin edges of a numeric reference: its deciles (quantiles 0.1 … 0.9,
 * numpy's default 'linear' interpolation, including numpy's two-sided lerp),
 * with repeated edges merged. Bins are (−∞, e₁], (e₁, e₂], …, (e_k, ∞).
 *
 * @param sorted the reference's finite values, ascending, at least one
 */
export function decileEdges(sorted: Float64Array): number[] {
  const n = sorted.length;
  const edges: number[] = [];
  for (let k = 1; k <= 9; k++) {
    const index = (n - 1) * (k / 10);
    const lo = Math.floor(index);
    const hi = Math.min(lo + 1, n - 1);
    const t = index - lo;
    const a = sorted[lo];
    const b = sorted[hi];
    const diff = b - a;
    const value = t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    if (edges.length === 0 || value !== edges[edges.length - 1]) edges.push(value);
  }
  return edges;
}

/** Counts of an ascending sample in the bins the edges make. */
export function binCounts(sorted: Float64Array, edges: number[]): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let previous = 0;
  for (let e = 0; e < edges.length; e++) {
    const atMost = upperBound(sorted, edges[e]);
    counts[e] = atMost - previous;
    previous = atMost;
  }
  counts[edges.length] = sorted.length - previous;
  return counts;
}

/** Number of values ≤ x in an ascending array. */
export function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
