import { describe, expect, it } from 'vitest';
import { explicitSplit, randomSplit } from '../../../src/core/train/split.ts';
import { seededRng } from '../../../src/core/random/rng.ts';

describe('randomSplit', () => {
  it('puts ceil(n × fraction) rows in the test set, disjoint from train, covering every row', () => {
    const { train, test } = randomSplit(101, 0.2, seededRng(1));
    expect(test.length).toBe(21);
    expect(train.length).toBe(80);
    expect(new Set([...train, ...test]).size).toBe(101);
  });

  it('keeps class proportions when stratified, and every class in training', () => {
    const strata = Int32Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : i < 95 ? 1 : 2));
    const { train, test } = randomSplit(100, 0.2, seededRng(5), strata);
    const count = (rows: Int32Array, c: number) => [...rows].filter((r) => strata[r] === c).length;
    expect([count(test, 0), count(test, 1), count(test, 2)]).toEqual([14, 5, 1]);
    expect(count(train, 2)).toBe(4);
  });

  it('is reproducible from the seed and changes with it', () => {
    const a = randomSplit(50, 0.3, seededRng(9));
    expect(randomSplit(50, 0.3, seededRng(9))).toEqual(a);
    expect(randomSplit(50, 0.3, seededRng(10)).test).not.toEqual(a.test);
  });

  it('leaves out rows whose stratum is -1 (missing target)', () => {
    const strata = Int32Array.from([0, 1, -1, 0, 1, 0, 1, -1, 0, 1]);
    const { train, test } = randomSplit(10, 0.25, seededRng(2), strata);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual([0, 1, 3, 4, 5, 6, 8, 9]);
  });

  it('says when there are too few rows to split', () => {
    expect(() => randomSplit(1, 0.2, seededRng(1))).toThrow(/1 usable row cannot be split/);
    // Two rows of two classes: each must stay in training, so nothing is left to test on.
    expect(() => randomSplit(2, 0.5, seededRng(1), Int32Array.from([0, 1]))).toThrow(/No class has a row to spare/);
  });
});

describe('explicitSplit', () => {
  it('accepts disjoint in-range lists and refuses overlaps and bad indices', () => {
    expect(explicitSplit(5, [0, 1, 2], [3, 4]).test).toEqual(Int32Array.from([3, 4]));
    expect(() => explicitSplit(5, [0, 1], [1, 2])).toThrow(/Row 1 is in both/);
    expect(() => explicitSplit(5, [0, 9], [1])).toThrow(/rows 0 to 4/);
  });
});
