import { isNumericColumn, type Column, type DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { Rng } from '../../random/rng.ts';

/** One change the Drift lab makes to a replay's traffic. */
export type DriftInjection =
  /** Adds `by` to every value of a numeric column (covariate shift). */
  | { kind: 'shift'; column: string; by: number }
  /** Multiplies a numeric column's distance from its mean by `factor` (spread changes, mean stays). */
  | { kind: 'scale'; column: string; factor: number }
  /** Resamples the rows so that rows of `category` are `weight` times as likely (prior shift). */
  | { kind: 'reweight'; column: string; category: string; weight: number }
  /** Gives a `fraction` of the rows another label (concept drift: the inputs look unchanged). */
  | { kind: 'flip_labels'; column: string; fraction: number };

/** A words-only name of an injection, for logs and the audit trail. */
export function describeInjection(i: DriftInjection): string {
  switch (i.kind) {
    case 'shift':
      return `shift ${i.column} by ${i.by}`;
    case 'scale':
      return `scale ${i.column} by ${i.factor}`;
    case 'reweight':
      return `reweight ${i.column}=${i.category} ×${i.weight}`;
    case 'flip_labels':
      return `flip ${Math.round(i.fraction * 100)}% of ${i.column}`;
  }
}

/**
 * Applies injections in order and returns a new table (the input is not
 * changed). Random choices (which rows, which labels) come from `rng`, so a
 * seed gives the same drifted traffic every time.
 *
 * @throws WorkbenchError `monitor.bad_injection` naming the column or value to fix
 */
export function injectDrift(table: DataTable, injections: DriftInjection[], rng: Rng): DataTable {
  return injections.reduce((t, i) => applyOne(t, i, rng), table);
}

function applyOne(table: DataTable, i: DriftInjection, rng: Rng): DataTable {
  const column = table.columns.find((c) => c.name === i.column);
  const bad = (why: string) => new WorkbenchError('monitor.bad_injection', `Cannot ${describeInjection(i)}: ${why}`);
  if (!column)
    throw bad(
      `the traffic has no column "${i.column}". Pick one of ${table.columns.map((c) => `"${c.name}"`).join(', ')}.`,
    );
  const replace = (next: Column) => ({ ...table, columns: table.columns.map((c) => (c === column ? next : c)) });
  switch (i.kind) {
    case 'shift':
    case 'scale': {
      if (!isNumericColumn(column))
        throw bad('it is not numeric. Shift or scale a numeric column, or reweight this one.');
      const values = column.values;
      let sum = 0;
      let n = 0;
      for (const v of values) if (!Number.isNaN(v)) ((sum += v), n++);
      const mean = n ? sum / n : 0;
      const f = i.kind === 'shift' ? (v: number) => v + i.by : (v: number) => mean + (v - mean) * i.factor;
      return replace({ ...column, values: values.map(f) });
    }
    case 'reweight': {
      if (!(i.weight >= 0 && Number.isFinite(i.weight))) throw bad('the weight must be a number, 0 or more.');
      const matches = (r: number) =>
        isNumericColumn(column)
          ? String(column.values[r]) === i.category
          : column.dictionary[column.codes[r]] === i.category;
      const weights = Array.from({ length: table.rowCount }, (_, r) => (matches(r) ? i.weight : 1));
      return resample(table, weights, rng);
    }
    case 'flip_labels': {
      if (isNumericColumn(column)) throw bad('labels to flip must be categories. Pick the target column.');
      if (!(i.fraction >= 0 && i.fraction <= 1)) throw bad('the fraction must be between 0 and 1.');
      const k = column.dictionary.length;
      if (k < 2) throw bad('it has a single label, so there is nothing to flip to.');
      const codes = column.codes.map((c) =>
        c >= 0 && rng() < i.fraction ? (c + 1 + Math.floor(rng() * (k - 1))) % k : c,
      );
      return replace({ ...column, codes });
    }
  }
}

/** The same number of rows drawn with replacement, row r with probability weights[r] / Σ weights. */
function resample(table: DataTable, weights: number[], rng: Rng): DataTable {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0))
    throw new WorkbenchError('monitor.bad_injection', 'Every row got weight 0. Give some rows a positive weight.');
  const cumulative = new Float64Array(weights.length);
  weights.reduce((acc, w, r) => (cumulative[r] = acc + w), 0);
  const rows = Array.from({ length: table.rowCount }, () => {
    const u = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  });
  return {
    rowCount: rows.length,
    columns: table.columns.map((c) =>
      isNumericColumn(c)
        ? { ...c, values: Float64Array.from(rows, (r) => c.values[r]) }
        : { ...c, codes: Int32Array.from(rows, (r) => c.codes[r]) },
    ),
  };
}
