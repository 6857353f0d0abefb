import type { ColumnInference } from './inference-types.ts';
import type { Column, StringType } from '../types.ts';
import { MISSING_TOKENS, NumberKind, readBoolean, readDateTime, readNumber, type NumberRead } from './cell-parsers.ts';
import { unescape } from './scan-csv.ts';
import { TextDictionary } from './text-dictionary.ts';
import { booleanSpelling } from './boolean-spelling.ts';

const KINDS = ['missing', 'integer', 'decimal', 'boolean', 'datetime', 'text'] as const;
const MISSING = 0;
const INTEGER = 1;
const DECIMAL = 2;
const BOOLEAN = 3;
const DATETIME = 4;
const TEXT = 5;

/**
 * Types one CSV column from *every* cell, as the scanner hands them over
 * (while their text is in cache), then materialises it. A column is numeric,
 * boolean or datetime only when every non-missing cell is; otherwise its
 * cells are kept as text and the counts say how mixed it was, so nothing is
 * silently turned into a missing value.
 */
export class ColumnTyper {
  #starts: Uint32Array<ArrayBuffer>;
  #ends: Uint32Array<ArrayBuffer>;
  #numbers: Float64Array<ArrayBuffer>;
  /** Booleans and datetimes read on the way, so a column of them needs no second pass. */
  #others: Float64Array<ArrayBuffer> | null = null;
  #escaped: Set<number> | null = null;
  /** The first true and false cells as written, so a boolean column keeps the file's spelling. */
  #trueText: string | null = null;
  #falseText: string | null = null;
  readonly #counts = new Int32Array(KINDS.length);
  readonly #examples: number[][] = KINDS.map(() => []);
  readonly #read: NumberRead = { kind: NumberKind.NotNumber, value: 0 };

  constructor(
    readonly name: string,
    capacity: number,
  ) {
    this.#starts = new Uint32Array(capacity);
    this.#ends = new Uint32Array(capacity);
    this.#numbers = new Float64Array(capacity);
  }

  /** Classifies cell `row` = `text[s, e)` and keeps what is needed to build the column. */
  add(text: string, row: number, s: number, e: number, escaped: boolean): void {
    if (row >= this.#starts.length) this.#grow(row);
    this.#starts[row] = s;
    this.#ends[row] = e;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    let kind: number;
    let number = NaN;
    if (isMissingToken(text, s, e)) kind = MISSING;
    else if (escaped) {
      (this.#escaped ??= new Set()).add(row);
      kind = TEXT;
    } else {
      const read = this.#read;
      readNumber(text, s, e, read);
      if (read.kind !== NumberKind.NotNumber) {
        number = read.value;
        kind = read.kind === NumberKind.Integer ? INTEGER : DECIMAL;
      } else {
        let other = readBoolean(text, s, e);
        kind = BOOLEAN;
        if (Number.isNaN(other)) {
          other = readDateTime(text, s, e);
          kind = Number.isNaN(other) ? TEXT : DATETIME;
        }
        if (kind !== TEXT) (this.#others ??= new Float64Array(this.#numbers.length).fill(NaN))[row] = other;
        if (kind === BOOLEAN) {
          if (other) this.#trueText ??= text.slice(s, e);
          else this.#falseText ??= text.slice(s, e);
        }
      }
    }
    this.#numbers[row] = number;
    this.#counts[kind]++;
    if (this.#examples[kind].length < 3) this.#examples[kind].push(row);
  }

  /** The typed column and what inference saw, once all `rowCount` rows were added. */
  finish(text: string, rowCount: number): { column: Column; inference: ColumnInference } {
    const { name } = this;
    const c = this.#counts;
    const present = rowCount - c[MISSING];
    let column: Column;
    if (present > 0 && c[BOOLEAN] === present) {
      const spelling = booleanSpelling(this.#trueText, this.#falseText);
      column = { name, type: 'boolean', values: this.#others!.slice(0, rowCount), ...(spelling && { spelling }) };
    } else if (present > 0 && c[INTEGER] === present)
      column = { name, type: 'integer', values: this.#numbers.slice(0, rowCount) };
    else if (present > 0 && c[INTEGER] + c[DECIMAL] === present)
      column = { name, type: 'number', values: this.#numbers.slice(0, rowCount) };
    else if (present > 0 && c[DATETIME] === present)
      column = { name, type: 'datetime', values: this.#others!.slice(0, rowCount) };
    else {
      const { codes, dictionary } = this.#encodeText(text, rowCount);
      column = { name, type: stringTypeOf(dictionary, present), codes, dictionary };
    }

    // The surprising cells are those outside the column's majority group (integers and decimals are one group).
    const group = (k: number) => (k === DECIMAL ? INTEGER : k);
    const groupCount = (k: number) => (k === INTEGER || k === DECIMAL ? c[INTEGER] + c[DECIMAL] : c[k]);
    let majority = TEXT;
    for (let k = 1; k < KINDS.length; k++) if (groupCount(k) > groupCount(majority)) majority = k;
    const nonConforming: number[] = [];
    for (let k = 1; k < KINDS.length; k++) if (group(k) !== group(majority)) nonConforming.push(...this.#examples[k]);
    nonConforming.sort((a, b) => a - b);

    const counts = {
      missing: c[MISSING],
      integer: c[INTEGER],
      decimal: c[DECIMAL],
      boolean: c[BOOLEAN],
      datetime: c[DATETIME],
      text: c[TEXT],
    };
    return {
      column,
      inference: {
        name,
        type: column.type,
        counts,
        nonConforming: nonConforming.slice(0, 3).map((row) => ({ row, value: this.#cellString(text, row) ?? '' })),
      },
    };
  }

  /** Dictionary codes of the cells as text (untrimmed, quotes unescaped), −1 for missing tokens. */
  #encodeText(text: string, rowCount: number): { codes: Int32Array; dictionary: string[] } {
    const dict = new TextDictionary();
    const codes = new Int32Array(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const s = this.#starts[r];
      const e = this.#ends[r];
      let ts = s;
      let te = e;
      while (ts < te && isSpace(text.charCodeAt(ts))) ts++;
      while (te > ts && isSpace(text.charCodeAt(te - 1))) te--;
      if (isMissingToken(text, ts, te)) codes[r] = -1;
      else if (this.#escaped?.has(r)) codes[r] = dict.codeOf(unescape(text.slice(s, e), true));
      else codes[r] = dict.codeOfRange(text, s, e);
    }
    return { codes, dictionary: dict.dictionary };
  }

  /** The cell's text (quotes unescaped), or null when it is a missing-value token. */
  #cellString(text: string, row: number): string | null {
    const raw = text.slice(this.#starts[row], this.#ends[row]);
    const trimmed = raw.trim();
    if (trimmed.length <= 4 && MISSING_TOKENS.has(trimmed)) return null;
    return unescape(raw, this.#escaped?.has(row) ?? false);
  }

  #grow(row: number): void {
    const capacity = Math.max(row + 1, this.#starts.length * 2);
    const grow = <T extends Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(capacity);
      next.set(a);
      return next;
    };
    this.#starts = grow(this.#starts);
    this.#ends = grow(this.#ends);
    this.#numbers = grow(this.#numbers);
    if (this.#others) {
      const others = grow(this.#others);
      others.fill(NaN, this.#others.length);
      this.#others = others;
    }
  }
}

/**
 * Category, identifier or free text, from the shape of the values: all
 * distinct and short → identifier; long or sentence-like → text; else category.
 */
export function stringTypeOf(dictionary: string[], present: number): StringType {
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
