import { isNumericColumn, type Column } from './types.ts';

/** Each row's value as a small dense integer (-1 when missing), for counting by value without objects. */
export interface ValueIndex {
  index: Int32Array;
  /** Indices run from 0 to size − 1 (some may be unused). */
  size: number;
}

/** Integer spans up to this width index by offset instead of through a Map. */
const MAX_DIRECT_SPAN = 1 << 16;

/**
 * Maps each row of `column` to a dense index of its value: dictionary codes
 * for strings, `value − min` for booleans and integers in a short span,
 * otherwise first-appearance order through a Map (one entry per distinct
 * value, not per row).
 *
 * @example
 * valueIndex({ name: 'n', type: 'number', values: new Float64Array([2.5, NaN, 2.5, 7]) }) // { index: [0, -1, 0, 1], size: 2 }
 */
export function valueIndex(column: Column): ValueIndex {
  if (!isNumericColumn(column)) return { index: column.codes, size: column.dictionary.length };
  const values = column.values;
  const index = new Int32Array(values.length);
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  if (min > max) return { index: index.fill(-1), size: 0 };
  if (integers && max - min < MAX_DIRECT_SPAN) {
    for (let i = 0; i < values.length; i++) index[i] = values[i] === values[i] ? values[i] - min : -1;
    return { index, size: max - min + 1 };
  }
  const seen = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) {
      index[i] = -1;
      continue;
    }
    // `+ 0` turns -0 into 0 so both land on one key.
    let k = seen.get(v + 0);
    if (k === undefined) seen.set(v + 0, (k = seen.size));
    index[i] = k;
  }
  return { index, size: seen.size };
}
