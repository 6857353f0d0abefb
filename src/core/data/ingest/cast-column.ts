import { NumberKind, readBoolean, readDateTime, readNumber, type NumberRead } from './cell-parsers.ts';
import { encodeStrings } from '../string-column.ts';
import { cellText, isNumericColumn, isNumericType, type Column, type ColumnType, type NumericType } from '../types.ts';

/**
 * Converts a column to another type, as when the user overrides an inferred
 * type. Values that cannot be read as the new type become missing and are
 * counted in `unreadable`, so the UI can say how many were lost.
 * Numbers become datetimes as milliseconds since 1970-01-01 UTC.
 */
export function castColumn(column: Column, type: ColumnType): { column: Column; unreadable: number } {
  if (column.type === type) return { column, unreadable: 0 };
  const { name } = column;
  if (!isNumericType(type)) {
    if (!isNumericColumn(column)) return { column: { ...column, type }, unreadable: 0 };
    const { codes, dictionary } = encodeStrings(column.values.length, (r) =>
      Number.isNaN(column.values[r]) ? null : cellText(column, r),
    );
    return { column: { name, type, codes, dictionary }, unreadable: 0 };
  }
  const rowCount = isNumericColumn(column) ? column.values.length : column.codes.length;
  const values = new Float64Array(rowCount);
  let unreadable = 0;
  if (isNumericColumn(column)) {
    for (let r = 0; r < rowCount; r++) {
      const v = column.values[r];
      const next = Number.isNaN(v) ? NaN : fromNumber(v, type);
      if (Number.isNaN(next) && !Number.isNaN(v)) unreadable++;
      values[r] = next;
    }
  } else {
    // Read each distinct text once, then map the codes.
    const converted = column.dictionary.map((text) => fromText(text.trim(), type));
    for (let r = 0; r < rowCount; r++) {
      const code = column.codes[r];
      values[r] = code < 0 ? NaN : converted[code];
      if (code >= 0 && Number.isNaN(values[r])) unreadable++;
    }
  }
  return { column: { name, type, values }, unreadable };
}

function fromNumber(v: number, type: NumericType): number {
  switch (type) {
    case 'integer':
      return Number.isInteger(v) ? v : NaN;
    case 'boolean':
      return v === 0 || v === 1 ? v : NaN;
    default:
      return v;
  }
}

const read: NumberRead = { kind: NumberKind.NotNumber, value: 0 };

function fromText(text: string, type: NumericType): number {
  switch (type) {
    case 'boolean': {
      const b = readBoolean(text, 0, text.length);
      if (!Number.isNaN(b)) return b;
      return text === '1' ? 1 : text === '0' ? 0 : NaN;
    }
    case 'datetime':
      return readDateTime(text, 0, text.length);
    default: {
      readNumber(text, 0, text.length, read);
      if (read.kind === NumberKind.NotNumber) {
        // Overriding is a deliberate choice: accept what JavaScript reads as a finite number (e.g. 007).
        const n = text === '' ? NaN : Number(text);
        if (!Number.isFinite(n)) return NaN;
        return type === 'integer' && !Number.isInteger(n) ? NaN : n;
      }
      return type === 'integer' && read.kind !== NumberKind.Integer ? NaN : read.value;
    }
  }
}
