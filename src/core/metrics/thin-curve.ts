/**
 * Fewer points for drawing and storing a curve: a ROC or PR curve has one point
 * per distinct score (20,000 held-out rows × 26 classes ≈ 14 MB of JSON), far
 * more than a chart can show. Areas are computed before thinning, on the full curve.
 */

/** Indices `0..m-1` spread evenly, always including both ends, at most `max` of them. */
export function evenIndices(m: number, max: number): number[] {
  if (m <= max) return Array.from({ length: m }, (_, i) => i);
  const keep = new Set<number>();
  for (let i = 0; i < max; i++) keep.add(Math.round((i * (m - 1)) / (max - 1)));
  return [...keep];
}

/**
 * Keeps at most `max` (≥ 2) evenly spread points of a curve whose arrays are
 * parallel; an array one shorter than the longest (the PR curve's
 * `thresholds`) keeps the same indices minus the last point.
 *
 * @example
 * thinCurve({ x: [0, 1, 2, 3, 4], y: [0, 1, 4, 9, 16] }, 3); // { x: [0, 2, 4], y: [0, 4, 16] }
 */
export function thinCurve<T extends { [K in keyof T]: number[] }>(curve: T, max: number): T {
  const arrays = Object.entries(curve) as [string, number[]][];
  const m = Math.max(...arrays.map(([, a]) => a.length));
  const keep = evenIndices(m, Math.max(2, Math.floor(max)));
  const out: Record<string, number[]> = {};
  for (const [key, values] of arrays) {
    out[key] = keep.filter((i) => i < values.length).map((i) => values[i]);
  }
  return out as T;
}
