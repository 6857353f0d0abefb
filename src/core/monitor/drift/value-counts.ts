/**
 * Counts per distinct value over two ascending samples, aligned on the union
 * of their values: what the discrete tests and distances compare.
 */
export interface PairedCounts {
  values: number[];
  reference: Float64Array;
  current: Float64Array;
}

export function pairedValueCounts(a: Float64Array, b: Float64Array): PairedCounts {
  const values: number[] = [];
  const ref: number[] = [];
  const cur: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    const i0 = i;
    const j0 = j;
    while (i < a.length && a[i] <= v) i++;
    while (j < b.length && b[j] <= v) j++;
    values.push(v);
    ref.push(i - i0);
    cur.push(j - j0);
  }
  return { values, reference: Float64Array.from(ref), current: Float64Array.from(cur) };
}

/** Distinct values over both ascending samples, counting no further than `limit` + 1. */
export function distinctUpTo(a: Float64Array, b: Float64Array, limit: number): number {
  let i = 0;
  let j = 0;
  let distinct = 0;
  while ((i < a.length || j < b.length) && distinct <= limit) {
    const v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
    while (i < a.length && a[i] <= v) i++;
    while (j < b.length && b[j] <= v) j++;
    distinct++;
  }
  return distinct;
}
