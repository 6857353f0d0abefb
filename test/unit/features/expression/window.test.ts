import { describe, expect, it } from 'vitest';
import { type DataTable } from '../../../../src/core/data/types.ts';
import { compileOrThrow, evaluateExpression } from '../../../../src/core/features/expression/index.ts';
import { windowAggregate } from '../../../../src/core/features/expression/window-aggregate.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import { numeric, strings, table } from '../../helpers/tables.ts';

const H = 3_600_000;
const D = 24 * H;
const t0 = Date.parse('2024-03-01T00:00:00Z');

// Hand-worked: customer a buys on days 0, 1, 1 (same time), 5 and 9; b on day 1 and 20.
// Rows are deliberately not in time order.
const purchases = table(
  strings('customer', ['a', 'b', 'a', 'a', 'a', 'b', 'a', null]),
  numeric('at', [t0 + 5 * D, t0 + D, t0, t0 + D, t0 + D, t0 + 20 * D, t0 + 9 * D, t0], 'datetime'),
  numeric('amount', [50, 7, 10, 20, null, 3, 100, 1]),
);
const context = { entityKey: ['customer'], timestamp: 'at' };

const values = (text: string, data: DataTable = purchases, ctx = context) => {
  const schema = data.columns.map((c) => ({ name: c.name, type: c.type }));
  const column = evaluateExpression(compileOrThrow(text, schema, { context: ctx }), data, ctx);
  if (!('values' in column)) throw new Error('numeric result expected');
  return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
};

describe('trailing-window aggregations', () => {
  // Windows are (t − length, t]. Row order: a@5, b@1, a@0, a@1, a@1(missing amount), b@20, a@9, (no customer)@0.
  it('counts rows of the same entity up to and including the row’s time', () => {
    expect(values('count(7d)')).toEqual([4, 1, 1, 3, 3, 1, 2, null]);
  });

  it('counts only present values when given a value', () => {
    expect(values('count(amount, 7d)')).toEqual([3, 1, 1, 2, 2, 1, 2, null]);
  });

  it('sums, averages and takes extremes over present values, never a later row', () => {
    expect(values('sum(amount, 7d)')).toEqual([80, 7, 10, 30, 30, 3, 150, null]);
    expect(values('mean(amount, 7d)')).toEqual([80 / 3, 7, 10, 15, 15, 3, 75, null]);
    expect(values('min(amount, 7d)')).toEqual([10, 7, 10, 10, 10, 3, 50, null]);
    expect(values('max(amount, 7d)')).toEqual([50, 7, 10, 20, 20, 3, 100, null]);
  });

  it('excludes the row exactly one window length earlier', () => {
    // a@5 with a 5-day window: (0, 5] drops a@0.
    expect(values('sum(amount, 5d)')[0]).toBe(70);
    expect(values('count(120h)')[0]).toBe(3);
    expect(values('sum(amount, 1h)')).toEqual([50, 7, 10, 20, 20, 3, 100, null]);
  });

  it('gives a missing value when no row in the window has a value', () => {
    const data = table(strings('k', ['x', 'x']), numeric('at', [t0, t0 + 3 * D], 'datetime'), numeric('v', [5, null]));
    const ctx = { entityKey: ['k'], timestamp: 'at' };
    expect(values('mean(v, 1d)', data, ctx)).toEqual([5, null]);
    expect(values('sum(v, 1d)', data, ctx)).toEqual([5, null]);
    expect(values('max(v, 1d)', data, ctx)).toEqual([5, null]);
    expect(values('count(v, 1d)', data, ctx)).toEqual([1, 0]);
  });

  it('groups by several key columns and skips rows with a missing time', () => {
    const data = table(
      strings('shop', ['s1', 's1', 's2', 's1']),
      numeric('till', [1, 1, 1, 2], 'integer'),
      numeric('at', [t0, t0 + H, t0 + 2 * H, null], 'datetime'),
      numeric('v', [1, 2, 4, 8]),
    );
    const ctx = { entityKey: ['shop', 'till'], timestamp: 'at' };
    expect(values('sum(v, 1d)', data, ctx)).toEqual([1, 3, 4, null]);
  });

  it('aggregates expressions, not only columns', () => {
    expect(values('sum(amount > 15, 7d)')).toEqual([2, 0, 0, 1, 1, 0, 2, null]);
  });

  it('refuses to run without an entity key and a timestamp', () => {
    const schema = purchases.columns.map((c) => ({ name: c.name, type: c.type }));
    expect(() => evaluateExpression(compileOrThrow('count(7d)', schema), purchases)).toThrow(
      /entity key and the timestamp/,
    );
  });

  it('agrees with a brute-force scan on random data', () => {
    const rng = seededRng(7);
    const n = 400;
    const groups = Int32Array.from({ length: n }, () => Math.floor(rng() * 6) - (rng() < 0.05 ? 10 : 0)).map((g) =>
      g < 0 ? -1 : g,
    );
    const times = Float64Array.from({ length: n }, () => (rng() < 0.03 ? NaN : Math.floor(rng() * 40) * H));
    const vals = Float64Array.from({ length: n }, () => (rng() < 0.1 ? NaN : Math.round(rng() * 1000) / 10));
    const window = 5 * H;
    for (const aggregate of ['count', 'sum', 'mean', 'min', 'max'] as const) {
      const got = windowAggregate(aggregate, vals, groups, times, window);
      for (let r = 0; r < n; r++) {
        if (groups[r] < 0 || Number.isNaN(times[r])) {
          expect(got[r]).toBeNaN();
          continue;
        }
        const inWindow: number[] = [];
        for (let s = 0; s < n; s++) {
          if (groups[s] === groups[r] && times[s] <= times[r] && times[s] > times[r] - window && !Number.isNaN(vals[s]))
            inWindow.push(vals[s]);
        }
        const expected =
          aggregate === 'count'
            ? inWindow.length
            : inWindow.length === 0
              ? NaN
              : aggregate === 'sum'
                ? inWindow.reduce((a, b) => a + b, 0)
                : aggregate === 'mean'
                  ? inWindow.reduce((a, b) => a + b, 0) / inWindow.length
                  : aggregate === 'min'
                    ? Math.min(...inWindow)
                    : Math.max(...inWindow);
        if (Number.isNaN(expected)) expect(got[r]).toBeNaN();
        else expect(got[r]).toBeCloseTo(expected, 9);
      }
    }
  });
});
