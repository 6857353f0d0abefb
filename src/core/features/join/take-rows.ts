import { isNumericColumn, type Column } from '../../data/types.ts';

/**
 * The cells of `column` at `rows`, in that order, as a new column named
 * `name`; a row index of -1 gives a missing cell.
 *
 * @example
 * takeRows(ages, Int32Array.of(2, -1, 0)).values // [ages[2], NaN, ages[0]]
 */
export function takeRows(column: Column, rows: Int32Array, name = column.name): Column {
  if (isNumericColumn(column)) {
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = rows[i] < 0 ? NaN : column.values[rows[i]];
    return { name, type: column.type, values };
  }
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = rows[i] < 0 ? -1 : column.codes[rows[i]];
  return { name, type: column.type, codes, dictionary: column.dictionary };
}
