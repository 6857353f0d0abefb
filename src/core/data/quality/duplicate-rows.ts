import type { DataTable } from '../types.ts';
import { rowHashes } from '../row-hash.ts';
import { sortValues } from '../profile/sort-values.ts';

/**
 * How many rows repeat an earlier row in every column (a row present three
 * times counts twice). Compares 53-bit row hashes, so the odds of a false
 * duplicate are those documented in row-hash.ts (≈ 6e-5 for a million rows).
 *
 * @example
 * duplicateRowCount(table) // 3
 */
export function duplicateRowCount(table: DataTable): number {
  if (table.rowCount < 2 || table.columns.length === 0) return 0;
  // Sorting the hashes is faster than a Set of a million numbers and allocates no per-row entries.
  const sorted = sortValues(
    rowHashes(
      table,
      table.columns.map((c) => c.name),
    ),
  );
  let duplicates = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) duplicates++;
  return duplicates;
}
