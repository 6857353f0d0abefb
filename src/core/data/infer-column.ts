import type { ColumnInference } from './inference-types.ts';
import type { ScannedCsv } from './scan-csv.ts';
import type { Column, StringType } from './types.ts';
import { MISSING_TOKENS, NumberKind, readBoolean, readDateTime, readNumber, type NumberRead } from './cell-parsers.ts';
import { encodeStrings } from './string-column.ts';

const KINDS = ['missing', 'integer', 'decimal', 'boolean', 'datetime', 'text'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Types one column of a scanned CSV from *every* row (not a sample) and
 * materialises it. A column is numeric, boolean or datetime only when every
 * non-missing cell is; otherwise its cells are kept as text, and the counts
 * say how mixed it was, so nothing is silently turned into a missing value.
 */
export function inferColumn(csv: ScannedCsv, col: number): { column: Column; inference: ColumnInference } {
  const { text, starts, ends, escaped, rowCount, columnCount } = csv;
  const name = csv.header[col];
  const numbers = new Float64Array(rowCount);
  const counts: Record<Kind, number> = { missing: 0, integer: 0, decimal: 0, boolean: 0, datetime: 0, text: 0 };
  const examples: Record<Kind, number[]> = { missing: [], integer: [], decimal: [], boolean: [], datetime: [], text: [] };
  const read: NumberRead = { kind: NumberKind.NotNumber, value: 0 };
  // Booleans and datetimes read on the way, so a column of them needs no second pass.
  let others: Float64Array | null = null;

  for (let r = 0, k = col; r < rowCount; r++, k += columnCount) {
    let s = starts[k];
    let e = ends[k];
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    let kind: Kind;
    if (isMissingToken(text, s, e)) kind = 'missing';
    else if (escaped.has(k)) kind = 'text';
    else {
      readNumber(text, s, e, read);
      if (read.kind !== NumberKind.NotNumber) {
        numbers[r] = read.value;
        kind = read.kind === NumberKind.Integer ? 'integer' : 'decimal';
      } else {
        let other = readBoolean(text, s, e);
        kind = 'boolean';
        if (Number.isNaN(other)) {
          other = readDateTime(text, s, e);
          kind = Number.isNaN(other) ? 'text' : 'datetime';
        }
        if (kind !== 'text') (others ??= new Float64Array(rowCount).fill(NaN))[r] = other;
      }
    }
    if (kind !== 'integer' && kind !== 'decimal') numbers[r] = NaN;
    counts[kind]++;
    if (examples[kind].length < 3) examples[kind].push(r);
  }

  const present = rowCount - counts.missing;
  let column: Column;
  if (present > 0 && counts.boolean === present) {
    column = { name, type: 'boolean', values: others! };
  } else if (present > 0 && counts.integer === present) {
    column = { name, type: 'integer', values: numbers };
  } else if (present > 0 && counts.integer + counts.decimal === present) {
    column = { name, type: 'number', values: numbers };
  } else if (present > 0 && counts.datetime === present) {
    column = { name, type: 'datetime', values: others! };
  } else {
    const { codes, dictionary } = encodeStrings(rowCount, (r) => cellString(csv, col, r));
    column = { name, type: stringTypeOf(dictionary, present), codes, dictionary };
  }

  // The surprising cells are those outside the column's majority group (integers and decimals are one group).
  const group = (k: Kind) => (k === 'decimal' ? 'integer' : k);
  const groupCount = (k: Kind) => (k === 'integer' || k === 'decimal' ? counts.integer + counts.decimal : counts[k]);
  const majority = KINDS.filter((k) => k !== 'missing').reduce((a, b) => (groupCount(b) > groupCount(a) ? b : a), 'text' as Kind);
  const nonConforming = KINDS.filter((k) => k !== 'missing' && group(k) !== group(majority) && counts[k] > 0)
    .flatMap((k) => examples[k])
    .sort((a, b) => a - b)
    .slice(0, 3)
    .map((row) => ({ row, value: cellString(csv, col, row) ?? '' }));

  return { column, inference: { name, type: column.type, counts, nonConforming } };
}

/**
 * Category, identifier or free text, from the shape of the values: all
 * distinct and short → identifier; long or sentence-like → text; else category.
 */
function stringTypeOf(dictionary: string[], present: number): StringType {
  if (present === 0) return 'text';
  let totalLength = 0;
  let withSpaces = 0;
  for (const value of dictionary) {
    totalLength += value.length;
    if (value.trim().includes(' ')) withSpaces++;
  }
  const distinct = dictionary.length;
  const meanLength = totalLength / distinct;
  const sentenceLike = withSpaces / distinct > 0.5;
  if (meanLength > 40 || (sentenceLike && distinct > present * 0.5)) return 'text';
  if (distinct === present && present >= 10) return 'identifier';
  return 'category';
}

/** The cell's text (quotes unescaped), or null when it is a missing-value token. */
function cellString(csv: ScannedCsv, col: number, row: number): string | null {
  const k = row * csv.columnCount + col;
  const raw = csv.text.slice(csv.starts[k], csv.ends[k]);
  const trimmed = raw.trim();
  if (trimmed.length <= 4 && MISSING_TOKENS.has(trimmed)) return null;
  return csv.escaped.has(k) ? raw.replaceAll('""', '"') : raw;
}

/** Cheap pre-check before the set lookup: every missing token is short and starts with one of these. */
function isMissingToken(text: string, s: number, e: number): boolean {
  if (s === e) return true;
  if (e - s > 4) return false;
  const c = text.charCodeAt(s);
  if (c !== 78 && c !== 110 && c !== 35 && c !== 63) return false; // N n # ?
  return MISSING_TOKENS.has(text.slice(s, e));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
