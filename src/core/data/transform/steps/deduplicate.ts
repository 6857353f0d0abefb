import { rowHashes } from '../../row-hash.ts';
import { isNumericColumn, type Column } from '../../types.ts';
import type { Stage } from '../stage.ts';
import { takeRows } from './take-rows.ts';

/**
 * Keeps the first row of each group of rows equal over `names` (all columns
 * when empty), in the original order. Rows are grouped by a 53-bit row hash
 * and then compared cell by cell, so a hash collision never drops a
 * distinct row. Two missing cells count as equal.
 */
export function deduplicate(stage: Stage, names: readonly string[]): Stage {
  const { table } = stage;
  const keyNames = names.length > 0 ? [...names] : table.columns.map((c) => c.name);
  const keys = keyNames.map((n) => table.columns.find((c) => c.name === n) as Column);
  const hashes = rowHashes(table, keyNames);
  const firstByHash = new Map<number, number[]>();
  const kept: number[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const seen = firstByHash.get(hashes[r]);
    if (seen?.some((s) => sameRow(keys, s, r))) continue;
    if (seen) seen.push(r);
    else firstByHash.set(hashes[r], [r]);
    kept.push(r);
  }
  if (kept.length === table.rowCount) return stage;
  return { table: takeRows(table, Uint32Array.from(kept)), schema: stage.schema };
}

function sameRow(columns: Column[], a: number, b: number): boolean {
  for (const c of columns) {
    if (isNumericColumn(c)) {
      const x = c.values[a];
      const y = c.values[b];
      if (x !== y && !(x !== x && y !== y)) return false;
    } else if (c.codes[a] !== c.codes[b]) return false;
  }
  return true;
}
