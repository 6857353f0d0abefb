/**
 * A large drift report computed by two threads: the drift worker keeps half
 * the columns and hands the other half to a part worker. A report's columns
 * are independent and, on a million rows, their sorts are nearly all of its
 * time, so two cores finish it in about half the time (bench/drift). The
 * part's column arrays are transferred, not copied.
 */
import type { Column, DataTable } from '../../core/data/types.ts';
import { mergeComparisons, splitColumns } from '../../core/monitor/drift/column-split.ts';
import { compareWithDistributions, type DriftComparison } from '../../core/monitor/drift/drift-comparison.ts';
import type { DriftOptions } from '../../core/monitor/drift/types.ts';
import type { DriftProgress } from './drift-protocol.ts';

/** Below this many rows (both tables together) a second thread costs more than it saves. */
export const SPLIT_FROM_ROWS = 200_000;

/** What the part worker does: one comparison over `options.columns`. */
export interface DriftPart {
  compareColumns(
    reference: DataTable,
    current: DataTable,
    options: DriftOptions,
    progress?: DriftProgress,
  ): Promise<DriftComparison>;
}

/**
 * Compares `reference` with `current`, on two threads when `part` is given
 * and the tables are large, else here alone. The part's tables may be
 * transferred by `part` (their arrays are not used here again).
 */
export async function compareSplit(
  reference: DataTable,
  current: DataTable,
  options: DriftOptions,
  progress: DriftProgress | undefined,
  part: DriftPart | null,
): Promise<DriftComparison> {
  const groups =
    part && reference.rowCount + current.rowCount >= SPLIT_FROM_ROWS
      ? splitColumns(reference, current, options, 2)
      : [];
  if (!part || groups.length < 2) return compareWithDistributions(reference, current, options, progress);
  const [mine, theirs] = groups;
  const total = mine.length + theirs.length;
  let done = 0;
  const tick: DriftProgress = (_d, _t, column) => progress?.(++done, total, column);
  // Posted before this thread starts its own half, so both run at once.
  const remote = part.compareColumns(
    only(reference, theirs),
    only(current, theirs),
    { ...options, columns: theirs },
    tick,
  );
  const local = compareWithDistributions(reference, current, { ...options, columns: mine }, tick);
  return mergeComparisons(reference, [local, await remote], options);
}

/** The table with only the named columns (the same arrays). */
function only(table: DataTable, names: string[]): DataTable {
  const wanted = new Set(names);
  return { rowCount: table.rowCount, columns: table.columns.filter((c: Column) => wanted.has(c.name)) };
}

/**
 * The buffers of `tables` that a column owns whole, to transfer: a buffer
 * shared with another column, or larger than its array, is copied instead.
 */
export function ownedBuffers(...tables: DataTable[]): ArrayBuffer[] {
  const seen = new Map<ArrayBufferLike, number>();
  const arrays = tables.flatMap((t) => t.columns.map((c) => ('values' in c ? c.values : c.codes)));
  for (const a of arrays) seen.set(a.buffer, (seen.get(a.buffer) ?? 0) + 1);
  return arrays
    .filter((a) => seen.get(a.buffer) === 1 && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength)
    .map((a) => a.buffer)
    .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
