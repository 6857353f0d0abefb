import { cellText, isNumericColumn, type Column } from '../../data/types.ts';
import { keyTextAt } from '../join/key-groups.ts';

/** The entity keys of the training rows and of a view's source rows as codes in one space, and each code's text. */
export interface TimelineKeys {
  /** Per training row; -1: a key part is missing. */
  entity: Int32Array;
  /** Per source row; -1: a key part is missing. */
  source: Int32Array;
  /** The key text of each code (parts joined by U+001F, as the join compares them). */
  texts: string[];
}

/**
 * Codes every key of both tables, so the timeline groups rows by integers:
 * a dictionary column's distinct values are looked up once, not each row.
 *
 * @example
 * keyCodes([entityCustomer], [sourceCustomer], rows, sourceRows).texts // ['c1', 'c2', …]
 */
export function keyCodes(entity: Column[], source: Column[], entityRows: number, sourceRows: number): TimelineKeys {
  const ids = new Map<string, number>();
  const texts: string[] = [];
  const lookup = (text: string): number => {
    if (text === '') return -1;
    let id = ids.get(text);
    if (id === undefined) {
      id = texts.length;
      ids.set(text, id);
      texts.push(text);
    }
    return id;
  };
  return { entity: codesOf(entity, entityRows, lookup), source: codesOf(source, sourceRows, lookup), texts };
}

/** Codes from key texts (tests and small inputs). */
export function keyCodesFromTexts(entity: string[], source: string[]): TimelineKeys {
  const ids = new Map<string, number>();
  const texts: string[] = [];
  const code = (text: string) => {
    if (text === '') return -1;
    if (!ids.has(text)) {
      ids.set(text, texts.length);
      texts.push(text);
    }
    return ids.get(text)!;
  };
  return { entity: Int32Array.from(entity, code), source: Int32Array.from(source, code), texts };
}

function codesOf(columns: Column[], rows: number, lookup: (text: string) => number): Int32Array {
  const out = new Int32Array(rows);
  const only = columns.length === 1 ? columns[0] : null;
  if (only !== null && !isNumericColumn(only)) {
    const byCode = only.dictionary.map((value) => lookup(value));
    for (let r = 0; r < rows; r++) out[r] = only.codes[r] < 0 ? -1 : byCode[only.codes[r]];
    return out;
  }
  if (only !== null) {
    const byValue = new Map<number, number>();
    for (let r = 0; r < rows; r++) {
      const v = only.values[r];
      let id = byValue.get(v);
      if (id === undefined) {
        id = Number.isNaN(v) ? -1 : lookup(cellText(only, r));
        byValue.set(v, id);
      }
      out[r] = id;
    }
    return out;
  }
  for (let r = 0; r < rows; r++) out[r] = lookup(keyTextAt(columns, r));
  return out;
}
