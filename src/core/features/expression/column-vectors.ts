import { isNumericColumn, type Column } from '../../data/types.ts';
import { exprTypeOf } from './checker.ts';
import { compactStrings, numeric, stringAt, type NumericVector, type Vector } from './vectors.ts';

/** A table column as an evaluator vector; the arrays are shared, never copied (the evaluator does not write to them). */
export function columnVector(column: Column): Vector {
  if (!isNumericColumn(column)) return { type: 'string', codes: column.codes, dictionary: column.dictionary };
  return numeric(exprTypeOf(column.type) as NumericVector['type'], column.values);
}

/** The result vector as a table column: numbers as 'number', text as 'category' with a first-appearance dictionary. */
export function toColumn(vector: Vector, name: string): Column {
  if (vector.type !== 'string') return { name, type: vector.type, values: vector.values };
  const compact = compactStrings(vector.codes.length, (r) => stringAt(vector, r));
  return { name, type: 'category', codes: compact.codes, dictionary: compact.dictionary };
}
