import { encodeStrings } from '../../data/string-column.ts';
import { isNumericColumn, type Column, type DataTable } from '../../data/types.ts';

/**
 * The rows `rows` of `table` (in that order), keeping only `columns` that
 * the table has. Dictionaries are shared, so a category keeps its code.
 */
export function takeRows(table: DataTable, rows: ArrayLike<number>, columns: string[]): DataTable {
  const wanted = new Set(columns);
  const picked: Column[] = table.columns
    .filter((c) => wanted.has(c.name))
    .map((c) =>
      isNumericColumn(c)
        ? { name: c.name, type: c.type, values: Float64Array.from(rows, (r) => c.values[r]) }
        : { name: c.name, type: c.type, codes: Int32Array.from(rows, (r) => c.codes[r]), dictionary: c.dictionary },
    );
  return { rowCount: rows.length, columns: picked };
}

/** A one-column categorical table of `values` (e.g. a model's outputs), for a prediction-drift report. */
export function categoricalTable(name: string, values: string[]): DataTable {
  const { codes, dictionary } = encodeStrings(values.length, (r) => values[r]);
  return { rowCount: values.length, columns: [{ name, type: 'category', codes, dictionary }] };
}
