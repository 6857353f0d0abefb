import { cellText, isNumericColumn, type Column } from '../../data/types.ts';

/**
 * Entity keys of two tables as small integers: rows with the same key text
 * get the same group id in both, whatever the column types (an integer key
 * `7` matches a text key `"7"`); -1 marks a row with a missing key part.
 */
export interface KeyGroups {
  entityGroups: Int32Array;
  sourceGroups: Int32Array;
  groupCount: number;
}

/** Assigns group ids to the keys of the source rows first, then of the entity rows. */
export function groupKeys(
  entityKeys: Column[],
  sourceKeys: Column[],
  entityRows: number,
  sourceRows: number,
): KeyGroups {
  const ids = new Map<string, number>();
  const sourceGroups = keyCodes(sourceKeys, sourceRows, ids, true);
  const groupCount = ids.size;
  // Entity keys that no source row has stay -1: they can never match.
  const entityGroups = keyCodes(entityKeys, entityRows, ids, false);
  return { entityGroups, sourceGroups, groupCount };
}

const SEPARATOR = '\u001f';

/**
 * The key text of one row, as the join compares it: each part's cell text,
 * joined by U+001F; '' when a part is missing. Online-store rows are keyed by it.
 *
 * @example
 * keyTextAt([customerId], 0) // '1042'
 */
export function keyTextAt(columns: Column[], row: number): string {
  let text = '';
  for (let c = 0; c < columns.length; c++) {
    const part = cellText(columns[c], row);
    if (part === '') return '';
    text += c === 0 ? part : SEPARATOR + part;
  }
  return text;
}

function keyCodes(columns: Column[], rowCount: number, ids: Map<string, number>, add: boolean): Int32Array {
  const out = new Int32Array(rowCount);
  const lookup = (text: string): number => {
    let id = ids.get(text);
    if (id === undefined) {
      if (!add) return -1;
      id = ids.size;
      ids.set(text, id);
    }
    return id;
  };
  if (columns.length === 1 && !isNumericColumn(columns[0])) {
    // Dictionary-encoded: look each distinct value up once, not each row.
    const column = columns[0];
    const byCode = Int32Array.from(column.dictionary, (value) => lookup(value));
    for (let r = 0; r < rowCount; r++) {
      const code = column.codes[r];
      out[r] = code < 0 ? -1 : byCode[code];
    }
    return out;
  }
  const only = columns.length === 1 ? columns[0] : null;
  if (only !== null && isNumericColumn(only)) {
    const column = only;
    const byValue = new Map<number, number>();
    for (let r = 0; r < rowCount; r++) {
      const v = column.values[r];
      if (Number.isNaN(v)) {
        out[r] = -1;
        continue;
      }
      let id = byValue.get(v);
      if (id === undefined) {
        id = lookup(cellText(column, r));
        byValue.set(v, id);
      }
      out[r] = id;
    }
    return out;
  }
  for (let r = 0; r < rowCount; r++) {
    const text = keyTextAt(columns, r);
    out[r] = text === '' ? -1 : lookup(text);
  }
  return out;
}
