import type { Histogram } from './profile-types.ts';
import type { NumericType } from '../types.ts';

/** Bins for continuous values; integers spanning at most this many values get one bin per value. */
export const HISTOGRAM_BINS = 20;

/**
 * Bin edges for a column whose values span [min, max]. Integers whose span
 * holds at most {@link HISTOGRAM_BINS} values get one unit-wide bin per value
 * (`[v - 0.5, v + 0.5)`), so every bar is one value. Otherwise
 * {@link HISTOGRAM_BINS} equal-width bins, with edges computed exactly as
 * `numpy.linspace(min, max, bins + 1)` does (`min + i * step`, last edge =
 * max), so counts can be checked against `numpy.histogram`. A constant
 * column gets one bin `[v - 0.5, v + 0.5]`.
 */
export function histogramEdges(min: number, max: number, type: NumericType): number[] {
  if (min === max) return [min - 0.5, max + 0.5];
  if (type === 'integer' && max - min < HISTOGRAM_BINS) {
    const edges: number[] = [];
    for (let v = min; v <= max + 1; v++) edges.push(v - 0.5);
    return edges;
  }
  const step = (max - min) / HISTOGRAM_BINS;
  const edges = new Array<number>(HISTOGRAM_BINS + 1);
  for (let i = 0; i < HISTOGRAM_BINS; i++) edges[i] = i * step + min;
  edges[HISTOGRAM_BINS] = max;
  return edges;
}

/**
 * Counts ascending `sorted` values into bins `[edges[i], edges[i + 1])`, the
 * last bin closed on the right (NumPy's rule); values outside are not
 * counted. Sorted input makes this one binary search per edge.
 *
 * @example
 * histogramSorted(new Float64Array([0, 1, 1, 2]), [0, 1, 2]) // { edges: [0, 1, 2], counts: [1, 3] }
 */
export function histogramSorted(sorted: Float64Array, edges: number[]): Histogram {
  const counts = new Array<number>(edges.length - 1);
  let previous = lowerBound(sorted, edges[0]);
  for (let i = 1; i < edges.length; i++) {
    const last = i === edges.length - 1;
    const next = last ? upperBound(sorted, edges[i]) : lowerBound(sorted, edges[i]);
    counts[i - 1] = next - previous;
    previous = next;
  }
  return { edges, counts };
}

/** Index of the first value ≥ x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value > x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
