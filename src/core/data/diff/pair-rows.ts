import type { ColumnProfile } from '../profile/profile-types.ts';
import { cellText, type Column, type ColumnSchema, type DataTable } from '../types.ts';

/** How changed rows were told apart from added and removed ones. */
export type RowPairing = { kind: 'key'; column: string } | { kind: 'position' } | { kind: 'none' };

/** Two rows, one from each version, that stand for the same record. */
export interface RowPair {
  from: number;
  to: number;
}

/** Column types that can identify a row (decimals and booleans are not names). */
const KEY_TYPES = new Set(['identifier', 'integer', 'category', 'datetime']);

/**
 * A shared column that names every row in both versions: complete and
 * unique in both stored profiles, and of a type that can be a key (an
 * `entity` role first, then identifiers, then the rest in column order).
 * Null when none is.
 */
export function keyColumn(
  shared: string[],
  from: { schema: ColumnSchema[]; profile: ColumnProfile[]; rowCount: number },
  to: { schema: ColumnSchema[]; profile: ColumnProfile[]; rowCount: number },
): string | null {
  const names = (side: typeof from) =>
    new Set(
      side.profile
        .filter((p) => KEY_TYPES.has(p.type) && p.missing === 0 && p.distinct === side.rowCount && side.rowCount > 0)
        .map((p) => p.name),
    );
  const inFrom = names(from);
  const inTo = names(to);
  const candidates = shared.filter((name) => inFrom.has(name) && inTo.has(name));
  const rank = (name: string) => {
    const schema = to.schema.find((c) => c.name === name);
    return schema?.role === 'entity' ? 0 : schema?.type === 'identifier' ? 1 : 2;
  };
  return candidates.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/**
 * Pairs the rows left over after identical rows were matched: by the key
 * column's text when there is one, otherwise in order when both sides have
 * the same number of left-over rows (a one-cell edit leaves one each).
 * Unpaired rows are added (to) or removed (from).
 */
export function pairLeftovers(
  from: DataTable,
  to: DataTable,
  fromRows: number[],
  toRows: number[],
  key: string | null,
): { pairing: RowPairing; pairs: RowPair[]; added: number[]; removed: number[] } {
  if (key) {
    const fromKey = from.columns.find((c) => c.name === key)!;
    const toKey = to.columns.find((c) => c.name === key)!;
    const byKey = new Map(fromRows.map((r) => [cellText(fromKey, r), r]));
    const pairs: RowPair[] = [];
    const added: number[] = [];
    for (const r of toRows) {
      const match = byKey.get(cellText(toKey, r));
      if (match === undefined) added.push(r);
      else {
        pairs.push({ from: match, to: r });
        byKey.delete(cellText(toKey, r));
      }
    }
    return { pairing: { kind: 'key', column: key }, pairs, added, removed: [...byKey.values()].sort((a, b) => a - b) };
  }
  if (fromRows.length === toRows.length && from.rowCount === to.rowCount) {
    return {
      pairing: { kind: 'position' },
      pairs: fromRows.map((r, i) => ({ from: r, to: toRows[i] })),
      added: [],
      removed: [],
    };
  }
  return { pairing: { kind: 'none' }, pairs: [], added: toRows, removed: fromRows };
}

/** Indexes (in `columns`) of the cells that differ between two paired rows, compared as displayed. */
export function changedCells(fromColumns: Column[], toColumns: Column[], pair: RowPair): number[] {
  const changed: number[] = [];
  for (let c = 0; c < fromColumns.length; c++)
    if (cellText(fromColumns[c], pair.from) !== cellText(toColumns[c], pair.to)) changed.push(c);
  return changed;
}
