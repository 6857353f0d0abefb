import { isNumericColumn, type DataTable } from '../../data/types.ts';
import type { DriftComparison } from './drift-comparison.ts';
import { selectColumns, summarize, DEFAULT_DRIFT_SHARE } from './drift-report.ts';
import type { DriftOptions } from './types.ts';

/** A numeric column costs two sorts and a merge; a categorical one a counting pass (measured ~20× cheaper). */
const NUMERIC_COST = 20;

/**
 * Splits the columns a report compares into at most `parts` groups of about
 * equal work, so that workers can compute one group each: a report's
 * columns are independent, and on a million rows their sorts are most of
 * its time. Greedy, largest first, onto the least loaded group; each group
 * keeps the reference's column order. Empty groups are dropped.
 *
 * @throws WorkbenchError as computeDriftReport does for the column choice
 */
export function splitColumns(
  reference: DataTable,
  current: DataTable,
  options: DriftOptions,
  parts: number,
): string[][] {
  const pairs = selectColumns(reference, current, options.columns);
  const order = new Map(pairs.map(([ref], i) => [ref.name, i]));
  const cost = pairs.map(([ref, cur]) => ({
    name: ref.name,
    cost: (isNumericColumn(ref) ? NUMERIC_COST : 1) * (reference.rowCount + current.rowCount),
  }));
  cost.sort((a, b) => b.cost - a.cost || order.get(a.name)! - order.get(b.name)!);
  const groups = Array.from({ length: Math.max(1, parts) }, () => ({ load: 0, names: [] as string[] }));
  for (const c of cost) {
    const lightest = groups.reduce((min, g) => (g.load < min.load ? g : min));
    lightest.load += c.cost;
    lightest.names.push(c.name);
  }
  return groups.filter((g) => g.names.length > 0).map((g) => g.names.sort((a, b) => order.get(a)! - order.get(b)!));
}

/**
 * One comparison from the comparisons of column groups (see splitColumns):
 * the columns back in the reference's order (or `options.columns`'), and the dataset verdict over
 * all of them, exactly as one report over every column would give.
 */
export function mergeComparisons(
  reference: DataTable,
  parts: DriftComparison[],
  options: DriftOptions = {},
): DriftComparison {
  const names = options.columns ?? reference.columns.map((c) => c.name);
  const order = new Map(names.map((name, i) => [name, i]));
  const rank = (name: string) => order.get(name) ?? Number.MAX_SAFE_INTEGER;
  const columns = parts.flatMap((p) => p.report.columns).sort((a, b) => rank(a.name) - rank(b.name));
  const distributions = parts.flatMap((p) => p.distributions).sort((a, b) => rank(a.name) - rank(b.name));
  return { report: summarize(columns, options.driftShareThreshold ?? DEFAULT_DRIFT_SHARE), distributions };
}
