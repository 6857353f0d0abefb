/**
 * The typed, columnar table every data capability works on.
 *
 * Numeric-like columns (number, integer, boolean, datetime) hold a
 * Float64Array with NaN for missing cells: booleans are 0/1, datetimes are
 * milliseconds since the Unix epoch (UTC). String-like columns (category,
 * text, identifier) are dictionary-encoded: `codes[i]` indexes `dictionary`,
 * -1 marks a missing cell, and the dictionary is in first-appearance order.
 * Typed arrays make the table cheap to hash, to store and to move between
 * threads (they transfer without copying).
 */
export const COLUMN_TYPES = ['number', 'integer', 'boolean', 'category', 'datetime', 'text', 'identifier'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const COLUMN_ROLES = ['feature', 'target', 'timestamp', 'entity', 'ignore'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export type NumericType = 'number' | 'integer' | 'boolean' | 'datetime';
export type StringType = 'category' | 'text' | 'identifier';

export interface NumericColumn {
  name: string;
  type: NumericType;
  values: Float64Array;
  /**
   * Boolean columns only: how the file spelled true and false (`yes`/`no`,
   * `Y`/`N`, `1`/`0`), so every view and file shows the user's own values.
   * Absent means `true`/`false`.
   */
  spelling?: BooleanSpelling;
}

/** The text a boolean column shows for its true and false values. */
export interface BooleanSpelling {
  true: string;
  false: string;
}

export interface StringColumn {
  name: string;
  type: StringType;
  codes: Int32Array;
  dictionary: string[];
}

export type Column = NumericColumn | StringColumn;

export interface DataTable {
  rowCount: number;
  columns: Column[];
}

/** Name, type and role of one column: what a dataset version records as its schema. */
export interface ColumnSchema {
  name: string;
  type: ColumnType;
  role: ColumnRole;
}

export function isNumericType(type: ColumnType): type is NumericType {
  return type === 'number' || type === 'integer' || type === 'boolean' || type === 'datetime';
}

export function isNumericColumn(column: Column): column is NumericColumn {
  return isNumericType(column.type);
}

/** True when row `row` of `column` has no value. */
export function isMissing(column: Column, row: number): boolean {
  return isNumericColumn(column) ? Number.isNaN(column.values[row]) : column.codes[row] < 0;
}

/** The cell as a display string ('' when missing); datetimes as ISO 8601. */
export function cellText(column: Column, row: number): string {
  if (!isNumericColumn(column)) {
    const code = column.codes[row];
    return code < 0 ? '' : column.dictionary[code];
  }
  const v = column.values[row];
  if (Number.isNaN(v)) return '';
  if (column.type === 'boolean') return booleanText(column, v);
  if (column.type === 'datetime') return new Date(v).toISOString();
  return String(v);
}

/**
 * A boolean value (0/1) of `column` as text in the spelling it was read
 * from. Every place that turns a boolean into text goes through here.
 * @example booleanText({ name: 'churn', type: 'boolean', values, spelling: { true: 'Yes', false: 'No' } }, 1) // 'Yes'
 */
export function booleanText(column: Pick<NumericColumn, 'spelling'>, value: number): string {
  return value ? (column.spelling?.true ?? 'true') : (column.spelling?.false ?? 'false');
}
