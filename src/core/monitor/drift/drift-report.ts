import type { Column, DataTable } from '../../data/types.ts';
import { isNumericColumn } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import { categoricalDrift } from './categorical-drift.ts';
import { numericDrift } from './numeric-drift.ts';
import type { SortedCache } from './sorted-cache.ts';
import type { ColumnDrift, DriftOptions, DriftReport } from './types.ts';

/** Evidently's default: the dataset drifts when at least half its columns do. */
export const DEFAULT_DRIFT_SHARE = 0.5;

/** How a report is computed, not what it says: never crosses a worker boundary. */
export interface DriftContext {
  /** Sorted columns kept between reports (e.g. the reference across monitoring windows). */
  cache?: SortedCache;
  /** Called after each column, e.g. to show progress. */
  onColumn?: (done: number, total: number, name: string) => void;
}

/**
 * Compares every shared column (or `options.columns`) of a current table
 * with the reference: all drift statistics per column, the verdict of the
 * test chosen for it, the share of drifted columns and whether the dataset
 * drifts (share ≥ `driftShareThreshold`). Columns keep the reference's order.
 *
 * @throws WorkbenchError drift.no_common_columns, drift.unknown_column,
 *   drift.type_mismatch, drift.all_missing, drift.too_few_rows,
 *   drift.bad_test, drift.bad_threshold
 * @example
 * const report = computeDriftReport(trainingTable, lastWeek, { columns: ['age', 'plan'] });
 * report.columns.filter((c) => c.drifted).map((c) => c.name);
 */
export function computeDriftReport(
  reference: DataTable,
  current: DataTable,
  options: DriftOptions = {},
  context: DriftContext = {},
): DriftReport {
  const driftShareThreshold = options.driftShareThreshold ?? DEFAULT_DRIFT_SHARE;
  if (!(driftShareThreshold > 0 && driftShareThreshold <= 1)) {
    throw new WorkbenchError(
      'drift.bad_threshold',
      `The dataset drift share ${driftShareThreshold} is not in (0, 1]. Give a share such as 0.5 (half the columns).`,
    );
  }
  for (const [side, table] of [
    ['reference', reference],
    ['current', current],
  ] as const) {
    if (table.rowCount < 2) {
      throw new WorkbenchError(
        'drift.too_few_rows',
        `The ${side} data has ${table.rowCount} row${table.rowCount === 1 ? '' : 's'}; drift needs at least two. Use a larger ${side === 'current' ? 'window' : 'reference'}.`,
      );
    }
  }
  const pairs = selectColumns(reference, current, options.columns);
  const columns: ColumnDrift[] = pairs.map(([ref, cur], i) => {
    const column = compareColumn(ref, cur, options, context.cache);
    context.onColumn?.(i + 1, pairs.length, ref.name);
    return column;
  });
  return summarize(columns, driftShareThreshold);
}

/** The report of `columns`: the share that drifted, and whether that reaches the dataset threshold. */
export function summarize(columns: ColumnDrift[], driftShareThreshold: number): DriftReport {
  const drifted = columns.filter((c) => c.drifted).length;
  const driftShare = drifted / columns.length;
  return { columns, driftShare, datasetDrift: driftShare >= driftShareThreshold, driftShareThreshold };
}

/**
 * The column pairs a report compares: `wanted` (each in both tables), or
 * every reference column the current table has too, in reference order.
 *
 * @throws WorkbenchError drift.unknown_column, drift.no_common_columns
 */
export function selectColumns(reference: DataTable, current: DataTable, wanted?: string[]): [Column, Column][] {
  const byName = new Map(current.columns.map((c) => [c.name, c]));
  if (wanted !== undefined) {
    const refNames = new Map(reference.columns.map((c) => [c.name, c]));
    if (wanted.length === 0)
      throw new WorkbenchError('drift.unknown_column', 'No columns given. Name at least one column both tables have.');
    return wanted.map((name) => {
      const ref = refNames.get(name);
      const cur = byName.get(name);
      if (!ref || !cur) {
        const missing = !ref && !cur ? 'either table' : !ref ? 'the reference' : 'the current data';
        throw new WorkbenchError(
          'drift.unknown_column',
          `Column "${name}" is not in ${missing}. Name columns both tables have: ${sharedNames(reference, current).join(', ') || '(none)'}.`,
          { details: { column: name } },
        );
      }
      return [ref, cur];
    });
  }
  const pairs: [Column, Column][] = [];
  for (const ref of reference.columns) {
    const cur = byName.get(ref.name);
    if (cur) pairs.push([ref, cur]);
  }
  if (pairs.length === 0) {
    throw new WorkbenchError(
      'drift.no_common_columns',
      `The reference (${preview(reference)}) and the current data (${preview(current)}) have no column name in common. Compare data with the same columns.`,
    );
  }
  return pairs;
}

function compareColumn(ref: Column, cur: Column, options: DriftOptions, cache?: SortedCache): ColumnDrift {
  const override = options.tests?.[ref.name];
  const refNumeric = isNumericColumn(ref);
  if (refNumeric !== isNumericColumn(cur)) {
    const [num, text] = refNumeric ? ['reference', 'current data'] : ['current data', 'reference'];
    throw new WorkbenchError(
      'drift.type_mismatch',
      `Column "${ref.name}" is numeric in the ${num} but text in the ${text} (${ref.type} vs ${cur.type}). Fix the values that are not numbers, or leave the column out.`,
      { details: { column: ref.name } },
    );
  }
  if (isNumericColumn(ref) && isNumericColumn(cur))
    return numericDrift(ref.name, ref.values, cur.values, override, cache);
  if (!isNumericColumn(ref) && !isNumericColumn(cur)) return categoricalDrift(ref.name, ref, cur, override);
  throw new Error('unreachable');
}

function sharedNames(a: DataTable, b: DataTable): string[] {
  const names = new Set(b.columns.map((c) => c.name));
  return a.columns.map((c) => c.name).filter((n) => names.has(n));
}

function preview(table: DataTable): string {
  const names = table.columns.map((c) => c.name);
  return names.length > 4 ? `${names.slice(0, 4).join(', ')}, …` : names.join(', ');
}
