import { cellText, isMissing, isNumericColumn, type Column } from '../../data/types.ts';

/**
 * A group id per row for the entity key columns (-1 where any key cell is
 * missing). One string column reuses its dictionary codes; otherwise the
 * cells are joined into a map key.
 */
export function entityGroups(keys: Column[], rowCount: number): Int32Array {
  if (keys.length === 1 && !isNumericColumn(keys[0])) return keys[0].codes;
  const ids = new Int32Array(rowCount);
  const seen = new Map<string, number>();
  for (let r = 0; r < rowCount; r++) {
    if (keys.some((k) => isMissing(k, r))) {
      ids[r] = -1;
      continue;
    }
    const key = keys.length === 1 ? cellText(keys[0], r) : keys.map((k) => cellText(k, r)).join('\u0000');
    let id = seen.get(key);
    if (id === undefined) {
      id = seen.size;
      seen.set(key, id);
    }
    ids[r] = id;
  }
  return ids;
}
