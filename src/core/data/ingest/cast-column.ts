import { NumberKind, readBoolean, readDateTime, readNumber, type NumberRead } from './cell-parsers.ts';
import { encodeStrings } from '../string-column.ts';
import { booleanSpelling } from './boolean-spelling.ts';
import {
  cellText,
  isNumericColumn,
  isNumericType,
  type BooleanSpelling,
  type Column,
  type ColumnType,
  type NumericType,
} from '../types.ts';

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
  if (type === 'boolean') return toBoolean(column, values);
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

/** Numbers 0/1 (spelled `1`/`0`) or the words true/false, yes/no, y/n, t/f, 1/0, keeping the spelling first seen. */
function toBoolean(column: Column, values: Float64Array): { column: Column; unreadable: number } {
  let unreadable = 0;
  let spelling: BooleanSpelling | undefined;
  if (isNumericColumn(column)) {
    column.values.forEach((v, r) => {
      values[r] = v === 0 || v === 1 ? v : NaN;
      if (Number.isNaN(values[r]) && !Number.isNaN(v)) unreadable++;
    });
    spelling = { true: '1', false: '0' };
  } else {
    const converted = column.dictionary.map((text) => textToBoolean(text.trim()));
    const first: [string | null, string | null] = [null, null];
    column.codes.forEach((code, r) => {
      values[r] = code < 0 ? NaN : converted[code];
      if (code >= 0 && Number.isNaN(values[r])) unreadable++;
      else if (code >= 0) first[values[r]] ??= column.dictionary[code].trim();
    });
    spelling = booleanSpelling(first[1], first[0]);
  }
  return { column: { name: column.name, type: 'boolean', values, ...(spelling && { spelling }) }, unreadable };
}

const SHORT_BOOLEANS: Record<string, number> = { '1': 1, '0': 0, y: 1, n: 0, t: 1, f: 0 };

function textToBoolean(text: string): number {
  const b = readBoolean(text, 0, text.length);
  return Number.isNaN(b) ? (SHORT_BOOLEANS[text.toLowerCase()] ?? NaN) : b;
}

function fromNumber(v: number, type: NumericType): number {
  return type === 'integer' && !Number.isInteger(v) ? NaN : v;
}

const read: NumberRead = { kind: NumberKind.NotNumber, value: 0 };

function fromText(text: string, type: NumericType): number {
  switch (type) {
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
