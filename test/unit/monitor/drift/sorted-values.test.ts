import { describe, expect, it } from 'vitest';
import { sortedFiniteValues } from '../../../../src/core/monitor/drift/sorted-values.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';

describe('sortedFiniteValues', () => {
  it('radix-sorts a large sample exactly as Float64Array#sort, dropping NaN and infinities', () => {
    const rng = seededRng(42);
    const values = new Float64Array(50_000);
    for (let i = 0; i < values.length; i++) {
      const r = rng();
      values[i] =
        r < 0.02 ? NaN : r < 0.03 ? Infinity : r < 0.1 ? Math.round(r * 100) : (r - 0.5) * 10 ** (r * 20 - 10);
    }
    const expected = values.filter((v) => Number.isFinite(v)).sort();
    const sorted = sortedFiniteValues(values);
    expect(sorted.length).toBe(expected.length);
    expect(Array.from(sorted)).toEqual(Array.from(expected));
  });

  it('sorts small samples and leaves the input untouched', () => {
    const input = Float64Array.of(3, NaN, -1, 2);
    expect(Array.from(sortedFiniteValues(input))).toEqual([-1, 2, 3]);
    expect(Array.from(input)).toEqual([3, NaN, -1, 2]);
  });

  it('sorts large samples where some or all digits never vary, and leaves the input untouched', () => {
    const n = 10_000;
    const cases: Record<string, (i: number) => number> = {
      'one negative value': () => -2.5,
      'one positive value, some missing': (i) => (i % 7 === 0 ? NaN : 4),
      'signed zeros and small integers': (i) => [0, -0, -1, 1, -Infinity][i % 5],
      'negatives differing only in the high word': (i) => -(2 ** (i % 40)),
      'integers, ties everywhere': (i) => (i * 7919) % 13,
    };
    for (const [name, make] of Object.entries(cases)) {
      const values = Float64Array.from({ length: n }, (_, i) => make(i));
      const before = Array.from(values);
      const expected = values.filter((v) => Number.isFinite(v)).sort();
      expect(Array.from(sortedFiniteValues(values)), name).toEqual(Array.from(expected));
      expect(Array.from(values), name).toEqual(before);
    }
  });
});
