import { describe, expect, it } from 'vitest';
import type { DataTable, NumericColumn, StringColumn } from '../../../../src/core/data/types.ts';
import { encodeStrings } from '../../../../src/core/data/string-column.ts';
import { WorkbenchError } from '../../../../src/core/errors.ts';
import { computeDriftReport } from '../../../../src/core/monitor/drift/index.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';

function numeric(name: string, values: number[] | Float64Array): NumericColumn {
  return { name, type: 'number', values: Float64Array.from(values) };
}

function category(name: string, values: (string | null)[]): StringColumn {
  return { name, type: 'category', ...encodeStrings(values.length, (r) => values[r]) };
}

function table(...columns: (NumericColumn | StringColumn)[]): DataTable {
  const rowCount =
    columns[0].type === 'category'
      ? (columns[0] as StringColumn).codes.length
      : (columns[0] as NumericColumn).values.length;
  return { rowCount, columns };
}

/** n standard normal draws (Box–Muller) from a seeded rng. */
function normals(rng: () => number, n: number, mean = 0, sd = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - rng();
    out[i] = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  }
  return out;
}

function picks(rng: () => number, n: number, weights: Record<string, number>): string[] {
  const entries = Object.entries(weights);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return Array.from({ length: n }, () => {
    let x = rng() * total;
    for (const [k, w] of entries) if ((x -= w) < 0) return k;
    return entries[entries.length - 1][0];
  });
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkbenchError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('computeDriftReport', () => {
  it('stays quiet when both samples come from the same distributions (no-drift control)', () => {
    const rng = seededRng(7);
    const make = (n: number) =>
      table(
        numeric('age', normals(rng, n, 40, 10)),
        numeric('income', normals(rng, n, 50_000, 8_000)),
        category('plan', picks(rng, n, { basic: 5, plus: 3, pro: 2 })),
        category('churned', picks(rng, n, { yes: 1, no: 4 })),
      );
    for (const [nRef, nCur] of [
      [800, 300],
      [5000, 2000],
    ]) {
      const report = computeDriftReport(make(nRef), make(nCur));
      expect(report.columns.filter((c) => c.drifted).map((c) => c.name)).toEqual([]);
      expect(report.driftShare).toBe(0);
      expect(report.datasetDrift).toBe(false);
    }
  });

  it('chooses tests as Evidently does on a small reference, and flags a shifted column', () => {
    const rng = seededRng(11);
    const ref = table(
      numeric('age', normals(rng, 500, 40, 10)),
      category('plan', picks(rng, 500, { basic: 5, plus: 3, pro: 2 })),
      category('churned', picks(rng, 500, { yes: 1, no: 4 })),
      numeric('flag', picks(rng, 500, { '0': 1, '1': 1 }).map(Number)),
    );
    const cur = table(
      numeric('age', normals(rng, 400, 46, 10)),
      category('plan', picks(rng, 400, { basic: 5, plus: 3, pro: 2 })),
      category('churned', picks(rng, 400, { yes: 1, no: 4 })),
      numeric('flag', picks(rng, 400, { '0': 1, '1': 1 }).map(Number)),
    );
    const report = computeDriftReport(ref, cur);
    const byName = Object.fromEntries(report.columns.map((c) => [c.name, c]));
    expect(byName.age.test).toBe('ks');
    expect(byName.age.reason).toContain('small reference');
    expect(byName.age.drifted).toBe(true);
    expect(byName.plan.test).toBe('chisquare');
    expect(byName.churned.test).toBe('z');
    expect(byName.flag.test).toBe('z');
    expect(byName.flag.kind).toBe('numeric');
    expect(report.driftShare).toBe(0.25);
    expect(report.datasetDrift).toBe(false);
    expect(computeDriftReport(ref, cur, { driftShareThreshold: 0.25 }).datasetDrift).toBe(true);
  });

  it('uses normalized Wasserstein and Jensen–Shannon on a large reference', () => {
    const rng = seededRng(3);
    const ref = table(numeric('x', normals(rng, 3000)), category('c', picks(rng, 3000, { a: 1, b: 1, c: 1 })));
    const cur = table(numeric('x', normals(rng, 3000, 0.5)), category('c', picks(rng, 3000, { a: 3, b: 1, c: 1 })));
    const [x, c] = computeDriftReport(ref, cur).columns;
    expect(x.test).toBe('wasserstein');
    expect(x.kind === 'numeric' && x.wassersteinNormalized).toBeGreaterThan(0.4);
    expect(x.drifted).toBe(true);
    expect(c.test).toBe('jensenshannon');
    expect(c.score).toBe(c.jensenShannon);
    expect(c.drifted).toBe(true);
  });

  it('lets the user override a column’s test and threshold', () => {
    const rng = seededRng(5);
    // A small shift on large samples: KS flags it, the normalized Wasserstein distance does not.
    const ref = table(numeric('x', normals(rng, 20_000)));
    const cur = table(numeric('x', normals(rng, 20_000, 0.06)));
    const auto = computeDriftReport(ref, cur).columns[0];
    expect(auto.test).toBe('wasserstein');
    expect(auto.drifted).toBe(false);
    const ks = computeDriftReport(ref, cur, { tests: { x: 'ks' } }).columns[0];
    expect(ks.test).toBe('ks');
    expect(ks.reason).toContain('chosen by the user');
    expect(ks.drifted).toBe(true);
    const psi = computeDriftReport(ref, cur, { tests: { x: { test: 'psi', threshold: 0.5 } } }).columns[0];
    expect(psi.threshold).toBe(0.5);
    expect(psi.score).toBe(psi.psi);
  });

  it('ignores missing cells and matches categories by name across dictionaries', () => {
    const ref = table(category('c', ['a', 'b', null, 'a', 'b', 'c']));
    const cur = table(category('c', ['c', 'b', 'a', null, null, 'a']));
    const [c] = computeDriftReport(ref, cur).columns;
    expect(c.referenceCount).toBe(5);
    expect(c.currentCount).toBe(4);
    // a: 2 vs 2, b: 2 vs 1, c: 1 vs 1
    expect(c.kind === 'categorical' && c.chi2.dof).toBe(2);
  });

  it('explains bad input with typed codes', () => {
    const two = (name: string, v: number[]) => table(numeric(name, v));
    expect(code(() => computeDriftReport(two('a', [1, 2]), two('b', [1, 2])))).toBe('drift.no_common_columns');
    expect(code(() => computeDriftReport(two('a', [1, 2]), table(category('a', ['x', 'y']))))).toBe(
      'drift.type_mismatch',
    );
    expect(code(() => computeDriftReport(two('a', [NaN, NaN]), two('a', [1, 2])))).toBe('drift.all_missing');
    expect(code(() => computeDriftReport(two('a', [1, 2, 3]), two('a', [1])))).toBe('drift.too_few_rows');
    expect(code(() => computeDriftReport(two('a', [1, 2]), two('a', [1, 2]), { columns: ['b'] }))).toBe(
      'drift.unknown_column',
    );
    const cat = table(category('c', ['x', 'y']));
    expect(code(() => computeDriftReport(cat, cat, { tests: { c: 'ks' } }))).toBe('drift.bad_test');
    expect(code(() => computeDriftReport(cat, cat, { driftShareThreshold: 2 }))).toBe('drift.bad_threshold');
  });
});
