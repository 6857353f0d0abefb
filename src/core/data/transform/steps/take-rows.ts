import { encodeStrings } from '../../string-column.ts';
import { isNumericColumn, type Column, type DataTable } from '../../types.ts';

/**
 * The table with only the given rows, in the given order. Text columns get a
 * fresh first-appearance dictionary without unused entries, exactly as if
 * the rows had been loaded from a file, so the version id depends on the
 * data alone.
 */
export function takeRows(table: DataTable, rows: Uint32Array): DataTable {
  return { rowCount: rows.length, columns: table.columns.map((c) => takeColumn(c, rows)) };
}

function takeColumn(column: Column, rows: Uint32Array): Column {
  if (isNumericColumn(column)) {
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = column.values[rows[i]];
    return { ...column, values };
  }
  const { codes, dictionary } = column;
  return {
    ...column,
    ...encodeStrings(rows.length, (i) => {
      const code = codes[rows[i]];
      return code < 0 ? null : dictionary[code];
    }),
  };
}

/** The indices of the rows where `keep` is 1 (0 or NaN: dropped). */
export function rowsWhere(keep: Float64Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i] === 1) count++;
  const rows = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i] === 1) rows[k++] = i;
  return rows;
}
