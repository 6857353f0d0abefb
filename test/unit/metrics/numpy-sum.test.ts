import { describe, expect, it } from 'vitest';
import { numpyMean, numpyWeightedMean, pairwiseSum } from '../../../src/core/metrics/numpy-sum.ts';

describe('pairwiseSum', () => {
  it('adds short arrays left to right, as np.sum does below 8 values', () => {
    expect(pairwiseSum([0.1, 0.2, 0.3])).toBe(0.1 + 0.2 + 0.3);
    expect(pairwiseSum([])).toBe(0);
  });

  it('combines eight running sums for 8–128 values, giving NumPy’s rounding', () => {
    // np.sum(0.1 * np.arange(1, n + 1)) for n = 9..13; a left-to-right loop is 1 ulp off on each.
    const numpy = { 9: 4.5, 10: 5.5, 11: 6.6, 12: 7.8, 13: 9.1 };
    for (const [n, expected] of Object.entries(numpy)) {
      const values = Array.from({ length: Number(n) }, (_, i) => 0.1 * (i + 1));
      expect(pairwiseSum(values)).toBe(expected);
      expect(values.reduce((a, b) => a + b, 0)).not.toBe(expected);
    }
  });

  it('splits long arrays in halves (multiples of 8) and stays exact on integers', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    expect(pairwiseSum(values)).toBe(499500);
  });
});

describe('numpyMean and numpyWeightedMean', () => {
  it('divide the pairwise sum once', () => {
    expect(numpyMean([1, 2, 3, 4])).toBe(2.5);
    expect(numpyWeightedMean([1, 0.5], [3, 1])).toBe(3.5 / 4);
  });
});
