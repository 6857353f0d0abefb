import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numeric, strings, table } from '../helpers/tables.ts';
import { profileTable } from '../../../src/core/data/profile/profile.ts';
import { sortValues } from '../../../src/core/data/profile/sort-values.ts';
import { quantileSorted } from '../../../src/core/data/profile/quantile.ts';
import { canonicalJson } from '../../../src/core/hash/canonical-json.ts';
import type { NumericStats } from '../../../src/core/data/profile/profile-types.ts';
import type { Column, NumericType } from '../../../src/core/data/types.ts';

function expectClose(actual: number, expected: number): void {
  const tolerance = Math.max(1e-12, Math.abs(expected) * 1e-12);
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

interface ReferenceCase {
  name: string;
  type: NumericType;
  values: (number | null)[];
  count: number;
  missing: number;
  distinct: number;
  stats: NumericStats;
  histogram: { edges: number[]; counts: number[] };
}

const reference = JSON.parse(readFileSync(new URL('../../fixtures/reference/stats.json', import.meta.url), 'utf8')) as {
  cases: ReferenceCase[];
};

describe('profileTable numeric statistics against NumPy (test/fixtures/reference/stats.json)', () => {
  it.each(reference.cases.map((c) => [c.name, c] as const))('matches NumPy for %s', (_, ref) => {
    const profile = profileTable(table(numeric('x', ref.values, ref.type)), { roles: {} }).columns[0];
    expect(profile.count).toBe(ref.count);
    expect(profile.missing).toBe(ref.missing);
    expect(profile.distinct).toBe(ref.distinct);
    for (const stat of ['min', 'max', 'mean', 'std', 'q1', 'median', 'q3'] as const) {
      expectClose(profile.numeric![stat], ref.stats[stat]);
    }
    expect(profile.histogram!.edges.length).toBe(ref.histogram.edges.length);
    profile.histogram!.edges.forEach((edge, i) => expectClose(edge, ref.histogram.edges[i]));
    expect(profile.histogram!.counts).toEqual(ref.histogram.counts);
  });
});

describe('profileTable', () => {
  it('counts missing and distinct cells and lists top values of a category, ties in first-appearance order', () => {
    const profile = profileTable(table(strings('c', ['b', 'a', null, 'a', 'c', 'b', null, 'd'])), { roles: {} });
    const c = profile.columns[0];
    expect([c.count, c.missing, c.distinct]).toEqual([6, 2, 4]);
    expect(c.top).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 2 },
      { value: 'c', count: 1 },
      { value: 'd', count: 1 },
    ]);
    expect(c.numeric).toBeUndefined();
    expect(c.histogram).toBeUndefined();
  });

  it('keeps only the 10 most frequent values and ignores dictionary entries no row uses', () => {
    const values = Array.from({ length: 30 }, (_, i) => `v${i % 12}`);
    const column = strings('c', values) as Extract<Column, { codes: Int32Array }>;
    column.dictionary.push('unused');
    const c = profileTable(table(column), { roles: {} }).columns[0];
    expect(c.distinct).toBe(12);
    expect(c.top!.map((t) => t.value)).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9']);
    expect(c.top![0].count).toBe(3);
    expect(c.top![9].count).toBe(2);
  });

  it('profiles booleans with top values and the share of true as the mean, without a histogram', () => {
    const c = profileTable(table(numeric('b', [0, 1, 1, null, 1], 'boolean')), { roles: {} }).columns[0];
    expect(c.top).toEqual([
      { value: 'true', count: 3 },
      { value: 'false', count: 1 },
    ]);
    expect(c.numeric!.mean).toBe(0.75);
    expect(c.histogram).toBeUndefined();
  });

  it('gives an integer column with few values one unit-wide bin per value', () => {
    const c = profileTable(table(numeric('n', [1, 3, 3, 2, 3, null], 'integer')), { roles: {} }).columns[0];
    expect(c.histogram).toEqual({ edges: [0.5, 1.5, 2.5, 3.5], counts: [1, 1, 3] });
  });

  it('reports datetime statistics in epoch milliseconds with a 20-bin histogram', () => {
    const day = 86_400_000;
    const start = Date.UTC(2024, 0, 1);
    const c = profileTable(table(numeric('t', [start, start + day, start + 3 * day, null], 'datetime')), { roles: {} })
      .columns[0];
    expect(c.numeric!.min).toBe(start);
    expect(c.numeric!.max).toBe(start + 3 * day);
    expect(c.numeric!.median).toBe(start + day);
    expect(c.histogram!.counts).toHaveLength(20);
    expect(c.histogram!.counts.reduce((a, b) => a + b)).toBe(3);
  });

  it('gives a constant column a single bin and a zero std, and stays JSON-safe with one value or none', () => {
    const profile = profileTable(
      table(numeric('k', [4, 4, 4]), numeric('one', [null, 7, null]), numeric('none', [null, null, null])),
      { roles: {} },
    );
    expect(profile.columns[0].histogram).toEqual({ edges: [3.5, 4.5], counts: [3] });
    expect(profile.columns[1].numeric!.std).toBe(0);
    expect(profile.columns[2].numeric).toBeUndefined();
    expect(() => canonicalJson(profile)).not.toThrow();
  });

  it('records inferred types and roles, defaulting to the current type and to feature', () => {
    const t = table(strings('zip', ['01', '02', '01']), numeric('y', [1, 2, 3]));
    const profile = profileTable(t, { roles: { y: 'target' }, inferredTypes: { zip: 'integer' } });
    expect(profile.columns.map((c) => [c.name, c.type, c.inferredType, c.role])).toEqual([
      ['zip', 'category', 'integer', 'feature'],
      ['y', 'number', 'number', 'target'],
    ]);
  });

  it('counts rows repeating an earlier row in every column', () => {
    const t = table(strings('s', ['a', 'a', 'b', 'a', null, null]), numeric('n', [1, 1, 1, 1, null, null]));
    const profile = profileTable(t, { roles: {} });
    expect(profile.duplicateRows).toBe(3);
    expect([profile.rowCount, profile.columnCount]).toEqual([6, 2]);
  });
});

describe('sortValues', () => {
  it('drops NaN and sorts like the built-in sort above the radix threshold, negatives and -0 included', () => {
    let seed = 7;
    const values = new Float64Array(20_000).map((_, i) => {
      seed = (seed * 16807) % 2147483647;
      if (i % 97 === 0) return NaN;
      if (i % 101 === 0) return -0;
      return i % 3 === 0 ? (seed % 1000) - 500 : (seed / 2147483647 - 0.5) * 10 ** ((seed % 40) - 20);
    });
    const expected = values.filter((v) => !Number.isNaN(v)).sort();
    const actual = sortValues(values);
    expect(actual.length).toBe(expected.length);
    expect(Array.from(actual)).toEqual(Array.from(expected));
    expect(Object.is(actual[actual.indexOf(0)], -0)).toBe(true);
  });
});

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics like NumPy', () => {
    const sorted = new Float64Array([1, 2, 4, 8]);
    expect(quantileSorted(sorted, 0.25)).toBe(1.75);
    expect(quantileSorted(sorted, 0.5)).toBe(3);
    expect(quantileSorted(sorted, 1)).toBe(8);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});
