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
});
