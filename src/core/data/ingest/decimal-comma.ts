import { isNumericColumn, type Column } from '../types.ts';
import type { ColumnInference } from './inference-types.ts';

/** `1,5`, `-0,25`, `12`: a number with an optional decimal comma, no leading zeros, at most 15 digits before it. */
const DECIMAL_COMMA = /^[+-]?(?:0|[1-9]\d{0,14})(?:,(\d+))?$/;
/** Looser, for the hint: thousands separators (`1.234,5`, `1,234`) too. */
const COMMA_NUMBER = /^[+-]?\d{1,3}(?:[.,\u00a0 ]\d{3})*(?:,\d+)?$|^[+-]?\d+,\d+$/;

/**
 * In a `;`-delimited file a comma inside a number is a decimal comma, as
 * spreadsheets in most of Europe write them: a text column whose every value
 * is such a number (`1,5`, `-0,25`, `12`, at least one with a comma) is
 * read as numbers. Anything less clear-cut (thousands separators, leading
 * zeros, another delimiter where `1,234` may mean one thousand…) is left as
 * it is, with a {@link decimalCommaHint}.
 *
 * @example
 * // a ";" file with price = 1,5 / 2 / 0,25 → { type: 'number', values: [1.5, 2, 0.25] }
 */
export function readDecimalCommas(
  column: Column,
  inference: ColumnInference,
  delimiter: string,
): { column: Column; inference: ColumnInference; note: string } | null {
  if (delimiter !== ';' || isNumericColumn(column) || column.dictionary.length === 0) return null;
  const parsed = new Float64Array(column.dictionary.length);
  const hasComma = new Uint8Array(column.dictionary.length);
  let anyComma = false;
  for (let k = 0; k < column.dictionary.length; k++) {
    const match = DECIMAL_COMMA.exec(column.dictionary[k].trim());
    if (!match) return null;
    parsed[k] = Number(match[0].replace(',', '.'));
    if (match[1] !== undefined) hasComma[k] = 1;
    anyComma ||= match[1] !== undefined;
  }
  if (!anyComma) return null;
  const values = new Float64Array(column.codes.length);
  let missing = 0;
  let decimal = 0;
  column.codes.forEach((code, r) => {
    if (code < 0) {
      values[r] = NaN;
      missing++;
    } else {
      values[r] = parsed[code];
      decimal += hasComma[code];
    }
  });
  const integer = column.codes.length - missing - decimal;
  return {
    column: { name: column.name, type: 'number', values },
    inference: {
      name: column.name,
      type: 'number',
      counts: { missing, integer, decimal, boolean: 0, datetime: 0, text: 0 },
      nonConforming: [],
    },
    note: `Column "${column.name}": read decimal commas as numbers ("1,5" = 1.5), as the file is semicolon-delimited.`,
  };
}

/**
 * A note for a text column whose values all look like numbers written with
 * commas, saying why it is not numeric and what to do; null otherwise.
 */
export function decimalCommaHint(column: Column): string | null {
  if (isNumericColumn(column) || column.dictionary.length === 0) return null;
  let anyComma = false;
  for (const value of column.dictionary) {
    const v = value.trim();
    if (!COMMA_NUMBER.test(v)) return null;
    anyComma ||= v.includes(',');
  }
  if (!anyComma) return null;
  const example = column.dictionary.find((v) => v.includes(','))!.trim();
  return (
    `Column "${column.name}" looks numeric but its numbers are written with commas (e.g. "${example}": decimal commas or thousands separators), so it was read as text. ` +
    'To load it as numbers, save the file with decimal points and no thousands separators (1234.5), or, if the commas are decimal commas, with ";" as the delimiter.'
  );
}
