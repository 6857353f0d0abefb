/**
 * Exact number of distinct values in ascending, NaN-free `sorted` values
 * (`-0` and `0` count as one value).
 *
 * @example
 * distinctSorted(new Float64Array([1, 1, 2, 5])) // 3
 */
export function distinctSorted(sorted: Float64Array): number {
  if (sorted.length === 0) return 0;
  let distinct = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}

/**
 * How many times each dictionary code occurs in `codes` (missing cells,
 * code -1, are skipped): the basis of a string column's distinct count and
 * top values.
 *
 * @example
 * codeCounts(new Int32Array([0, 1, 0, -1]), 3) // Int32Array [2, 1, 0]
 */
export function codeCounts(codes: Int32Array, dictionarySize: number): Int32Array {
  const counts = new Int32Array(dictionarySize);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0) counts[c]++;
  }
  return counts;
}

/**
 * Exact distinct count of a dictionary-encoded column from its
 * {@link codeCounts}: the entries that occur at least once. Dictionary
 * entries are unique strings by contract, and may be unused after rows are
 * filtered out, so the dictionary length alone is not the answer.
 */
export function distinctFromCounts(counts: Int32Array): number {
  let distinct = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) distinct++;
  return distinct;
}
