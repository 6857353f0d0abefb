import type { Column, DataTable, NumericType, StringType } from '../../../src/core/data/types.ts';

/** A numeric-like column from plain values (null = missing). */
export function numeric(name: string, values: (number | null)[], type: NumericType = 'number'): Column {
  return { name, type, values: Float64Array.from(values, (v) => (v === null ? NaN : v)) };
}

/** A dictionary-encoded column from plain strings (null = missing), first-appearance order. */
export function strings(name: string, values: (string | null)[], type: StringType = 'category'): Column {
  const dictionary: string[] = [];
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    const at = dictionary.indexOf(v);
    return at >= 0 ? at : dictionary.push(v) - 1;
  });
  return { name, type, codes, dictionary };
}

/** A table of the given columns (all of the first column's length). */
export function table(...columns: Column[]): DataTable {
  const first = columns[0];
  return { rowCount: 'values' in first ? first.values.length : first.codes.length, columns };
}
