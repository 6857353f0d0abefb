import { encodeStrings } from '../../data/string-column.ts';

/**
 * Intermediate values of the evaluator: one entry per table row. Numbers,
 * booleans (0/1) and datetimes (epoch ms) are Float64Arrays with NaN for
 * missing; text is dictionary-encoded like the table's string columns.
 */
export type NumericVector = { type: 'number' | 'boolean' | 'datetime'; values: Float64Array };
export type StringVector = { type: 'string'; codes: Int32Array; dictionary: string[] };
export type Vector = NumericVector | StringVector;

export const numeric = (type: NumericVector['type'], values: Float64Array): NumericVector => ({ type, values });

/** A constant repeated on every row. */
export function constant(value: number | string | boolean, rows: number, type?: NumericVector['type']): Vector {
  if (typeof value === 'string') return { type: 'string', codes: new Int32Array(rows), dictionary: [value] };
  const v = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  return numeric(type ?? (typeof value === 'boolean' ? 'boolean' : 'number'), new Float64Array(rows).fill(v));
}

/** The vector's cell as a string, or null when missing (string vectors only). */
export function stringAt(vector: StringVector, row: number): string | null {
  const code = vector.codes[row];
  return code < 0 ? null : vector.dictionary[code];
}

/** A string vector with a first-appearance dictionary and no unused entries, as dataset columns have. */
export function compactStrings(rows: number, valueAt: (row: number) => string | null): StringVector {
  return { type: 'string', ...encodeStrings(rows, valueAt) };
}

/** Applies `f` to each dictionary entry once; `f` returns a number (NaN = missing) per distinct string. */
export function mapDictionary(vector: StringVector, f: (s: string) => number): Float64Array {
  const mapped = vector.dictionary.map(f);
  const out = new Float64Array(vector.codes.length);
  for (let r = 0; r < out.length; r++) {
    const code = vector.codes[r];
    out[r] = code < 0 ? NaN : mapped[code];
  }
  return out;
}

/** True when row `row` of the vector has no value. */
export function missingAt(vector: Vector, row: number): boolean {
  return vector.type === 'string' ? vector.codes[row] < 0 : Number.isNaN(vector.values[row]);
}
