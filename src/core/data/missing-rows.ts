import { isMissing, type DataTable } from './types.ts';

/**
 * How many rows miss a value in at least one of `columns` (names the table
 * lacks are ignored): what dropping incomplete rows would remove.
 *
 * @example
 * rowsMissingAny(titanic, ['age', 'fare']) // 263
 */
export function rowsMissingAny(table: DataTable, columns: string[]): number {
  const picked = table.columns.filter((c) => columns.includes(c.name));
  let count = 0;
  for (let r = 0; r < table.rowCount; r++) if (picked.some((c) => isMissing(c, r))) count++;
  return count;
}
