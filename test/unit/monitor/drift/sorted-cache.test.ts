import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../../../src/core/data/types.ts';
import {
  cachedDriftFunction,
  columnDistributions,
  computeDriftReport,
  SortedCache,
} from '../../../../src/core/monitor/drift/index.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';

function numericTable(seed: number, n: number, shift = 0): DataTable {
  const rng = seededRng(seed);
  const column = (name: string) => ({
    name,
    type: 'number' as const,
    values: Float64Array.from({ length: n }, () => rng() + shift),
  });
  return { rowCount: n, columns: [column('a'), column('b'), column('c')] };
}

describe('the sorted-reference cache', () => {
  it('sorts the reference once across windows, with reports equal to uncached ones', () => {
    const reference = numericTable(1, 5000);
    const windows = [numericTable(2, 300), numericTable(3, 300, 0.2), numericTable(4, 300)];
    const cache = new SortedCache();
    const cached = windows.map((w) => computeDriftReport(reference, w, {}, { cache }));
    // Three reference columns sorted in the first window, reused in the other two.
    expect(cache.hits).toBe(6);
    expect(cached).toEqual(windows.map((w) => computeDriftReport(reference, w)));
    expect(cached[1].columns.every((c) => c.drifted)).toBe(true);
    expect(cached[0].driftShare).toBe(0);
  });

  it('lets the histograms reuse the columns the report sorted', () => {
    const reference = numericTable(5, 2000);
    const current = numericTable(6, 2000, 0.1);
    const cache = new SortedCache();
    const report = computeDriftReport(reference, current, {}, { cache });
    const names = report.columns.map((c) => c.name);
    expect(columnDistributions(reference, current, names, cache)).toEqual(
      columnDistributions(reference, current, names),
    );
    expect(cache.hits).toBe(6);
  });

  it('as the monitor port, passes the per-column tests through and reports progress per column', () => {
    const reference = numericTable(7, 400);
    const current = numericTable(8, 400);
    const drift = cachedDriftFunction();
    const report = drift(reference, current, { tests: { b: { test: 'psi', threshold: 0.0001 } } });
    expect(report.columns.map((c) => [c.name, c.test, c.drifted])).toEqual([
      ['a', 'ks', false],
      ['b', 'psi', true],
      ['c', 'ks', false],
    ]);
    const seen: string[] = [];
    computeDriftReport(
      reference,
      current,
      {},
      { onColumn: (done, total, name) => seen.push(`${done}/${total} ${name}`) },
    );
    expect(seen).toEqual(['1/3 a', '2/3 b', '3/3 c']);
  });
});
