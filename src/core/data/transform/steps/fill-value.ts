import { NumberKind, readBoolean, readDateTime, readNumber, type NumberRead } from '../../ingest/cell-parsers.ts';
import type { ColumnType } from '../../types.ts';
import type { FillMethod } from '../recipe.ts';

/** Which fill methods a column type allows. */
export function fillMethodsFor(type: ColumnType): FillMethod[] {
  if (type === 'number' || type === 'integer') return ['value', 'mean', 'median', 'mode'];
  if (type === 'datetime') return ['value', 'median', 'mode'];
  return ['value', 'mode'];
}

/**
 * The fill text read as the column's type, the way the CSV loader reads a
 * cell: a number, true/false/yes/no, an ISO date; text as it is. An error
 * message when it cannot be read.
 *
 * @example
 * readFillValue('2.5', 'number') // { ok: true, value: 2.5 }
 */
export function readFillValue(
  text: string,
  type: ColumnType,
): { ok: true; value: number | string } | { ok: false; message: string } {
  const t = text.trim();
  switch (type) {
    case 'number':
    case 'integer': {
      const out: NumberRead = { kind: NumberKind.NotNumber, value: NaN };
      readNumber(t, 0, t.length, out);
      if (out.kind === NumberKind.NotNumber)
        return { ok: false, message: `'${text}' is not a number: write e.g. 0 or 2.5` };
      if (type === 'integer' && !Number.isInteger(out.value)) {
        return { ok: false, message: `'${text}' is not a whole number, and the column holds integers` };
      }
      return { ok: true, value: out.value };
    }
    case 'boolean': {
      const v = readBoolean(t, 0, t.length);
      return Number.isNaN(v) ? { ok: false, message: `'${text}' is not true or false` } : { ok: true, value: v };
    }
    case 'datetime': {
      const v = readDateTime(t, 0, t.length);
      return Number.isNaN(v)
        ? { ok: false, message: `'${text}' is not a date: write e.g. 2024-01-31` }
        : { ok: true, value: v };
    }
    default:
      return text === ''
        ? { ok: false, message: 'Write the text to put in the empty cells' }
        : { ok: true, value: text };
  }
}
