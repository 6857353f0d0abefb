import { encodeStrings } from '../../data/string-column.ts';
import type { Column, DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';

/** One request as the Predict form or an API caller sends it: column name → value (null or '' = missing). */
export type RequestRow = Record<string, string | number | boolean | null>;

/**
 * Request rows as a table of text columns (numbers and booleans written as
 * text), which {@link conformTable} then reads as the trained types — one
 * path for a typed-in row and a CSV. Every row must hold the same columns.
 *
 * @example
 * rowsToTable([{ sepal_length: 5.1, species: 'setosa' }]).columns.map((c) => c.name); // ['sepal_length', 'species']
 */
export function rowsToTable(rows: RequestRow[]): DataTable {
  if (rows.length === 0) {
    throw new WorkbenchError('serving.no_rows', 'There is no row to score. Fill in at least one row.');
  }
  const names = Object.keys(rows[0]);
  rows.forEach((row, i) => {
    const keys = Object.keys(row);
    const extra = keys.filter((k) => !names.includes(k));
    const absent = names.filter((k) => !keys.includes(k));
    if (extra.length || absent.length) {
      throw new WorkbenchError(
        'serving.signature_mismatch',
        `Row ${i} has different columns from row 0 (${[...absent.map((n) => `"${n}" missing`), ...extra.map((n) => `"${n}" extra`)].join(', ')}). Give every row the same columns.`,
      );
    }
  });
  const columns: Column[] = names.map((name) => {
    const { codes, dictionary } = encodeStrings(rows.length, (r) => {
      const value = rows[r][name];
      return value === null || value === undefined || value === '' ? null : String(value);
    });
    return { name, type: 'category', codes, dictionary };
  });
  return { rowCount: rows.length, columns };
}
