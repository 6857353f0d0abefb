import type { Column, DataTable } from '../../data/types.ts';
import { isNumericColumn } from '../../data/types.ts';
import { categoryCounts } from './categorical-drift.ts';
import { upperBound } from './deciles.ts';
import { sortWith, type SortedCache } from './sorted-cache.ts';

/** What the dashboard draws for one column: reference and current overlaid. */
export type ColumnDistribution =
  | {
      name: string;
      kind: 'numeric';
      /** Bin edges (bins + 1 values) shared by both histograms, over both samples' range. */
      edges: number[];
      /** Share of each sample per bin. */
      reference: number[];
      current: number[];
      /** The ECDFs at shared x positions: F_ref(x), F_cur(x). */
      ecdf: { x: number[]; reference: number[]; current: number[] };
    }
  | {
      name: string;
      kind: 'categorical';
      /** The most frequent categories (by both samples together), then "(other)" when some were left out. */
      categories: string[];
      reference: number[];
      current: number[];
    };

const BINS = 30;
const ECDF_POINTS = 101;
const TOP_CATEGORIES = 20;

/**
 * Histograms and ECDFs of the named columns (those both tables have, of the
 * same kind), small enough to send to the UI: 30 shared bins and 101 ECDF
 * points per numeric column, the top 20 categories per categorical one.
 */
export function columnDistributions(
  reference: DataTable,
  current: DataTable,
  names: string[],
  cache?: SortedCache,
): ColumnDistribution[] {
  const ref = new Map(reference.columns.map((c) => [c.name, c]));
  const cur = new Map(current.columns.map((c) => [c.name, c]));
  const out: ColumnDistribution[] = [];
  for (const name of names) {
    const a = ref.get(name);
    const b = cur.get(name);
    if (!a || !b) continue;
    const d = distribution(name, a, b, sortWith(cache));
    if (d) out.push(d);
  }
  return out;
}

function distribution(
  name: string,
  a: Column,
  b: Column,
  sort: (values: Float64Array) => Float64Array,
): ColumnDistribution | null {
  if (isNumericColumn(a) && isNumericColumn(b)) {
    const ra = sort(a.values);
    const rb = sort(b.values);
    if (ra.length === 0 || rb.length === 0) return null;
    const lo = Math.min(ra[0], rb[0]);
    const hi = Math.max(ra[ra.length - 1], rb[rb.length - 1]);
    const width = hi > lo ? (hi - lo) / BINS : 1;
    const edges = Array.from({ length: BINS + 1 }, (_, i) =>
      i === BINS ? Math.max(hi, lo + width * BINS) : lo + width * i,
    );
    const shares = (s: Float64Array): number[] => {
      const out: number[] = [];
      let previous = 0;
      for (let i = 1; i <= BINS; i++) {
        // The last bin is closed on the right, as numpy's histogram.
        const upTo = i === BINS ? s.length : lowerBound(s, edges[i]);
        out.push((upTo - previous) / s.length);
        previous = upTo;
      }
      return out;
    };
    const x = Array.from({ length: ECDF_POINTS }, (_, i) => lo + ((hi - lo) * i) / (ECDF_POINTS - 1));
    return {
      name,
      kind: 'numeric',
      edges,
      reference: shares(ra),
      current: shares(rb),
      ecdf: {
        x,
        reference: x.map((v) => upperBound(ra, v) / ra.length),
        current: x.map((v) => upperBound(rb, v) / rb.length),
      },
    };
  }
  if (!isNumericColumn(a) && !isNumericColumn(b)) {
    const counts = categoryCounts(a, b);
    const nr = counts.reference.reduce((s, c) => s + c, 0) || 1;
    const nc = counts.current.reduce((s, c) => s + c, 0) || 1;
    const order = counts.categories
      .map((_, i) => i)
      .sort(
        (i, j) => counts.reference[j] / nr + counts.current[j] / nc - counts.reference[i] / nr - counts.current[i] / nc,
      );
    const top = order.slice(0, TOP_CATEGORIES);
    const rest = order.slice(TOP_CATEGORIES);
    const sum = (side: Float64Array, idx: number[]) => idx.reduce((s, i) => s + side[i], 0);
    return {
      name,
      kind: 'categorical',
      categories: [...top.map((i) => counts.categories[i]), ...(rest.length ? ['(other)'] : [])],
      reference: [
        ...top.map((i) => counts.reference[i] / nr),
        ...(rest.length ? [sum(counts.reference, rest) / nr] : []),
      ],
      current: [...top.map((i) => counts.current[i] / nc), ...(rest.length ? [sum(counts.current, rest) / nc] : [])],
    };
  }
  return null;
}

/** Number of values < x in an ascending array. */
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
