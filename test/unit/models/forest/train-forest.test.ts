import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../../src/core/errors.ts';
import { argsortFloat64 } from '../../../../src/core/models/forest/argsort.ts';
import { featuresPerSplit, resolveForestParams } from '../../../../src/core/models/forest/forest-params.ts';
import { predictProba, predictValue } from '../../../../src/core/models/forest/predict-forest.ts';
import { trainForest } from '../../../../src/core/models/forest/train-forest.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import { classification, column, matrix, regression } from './forest-helpers.ts';

/** One deterministic CART tree on all rows and features. */
const SINGLE_TREE = { trees: 1, bootstrap: false, maxFeatures: 'all' } as const;

describe('trainForest: one tree, known answers', () => {
  it('puts a single split midway between the two classes and makes pure leaves', () => {
    const model = trainForest(
      classification(column([1, 2, 3, 4]), [0, 0, 1, 1]),
      { task: 'classification', ...SINGLE_TREE },
      seededRng(1),
    );
    const tree = model.trees[0];
    expect(Array.from(tree.feature)).toEqual([0, -1, -1]);
    expect(tree.threshold[0]).toBe(2.5);
    expect(Array.from(tree.left)).toEqual([1, -1, -1]);
    expect(Array.from(tree.right)).toEqual([2, -1, -1]);
    expect(Array.from(tree.valueStart)).toEqual([0, 0, 1, 2]);
    expect(Array.from(tree.leafClass)).toEqual([0, 1]);
    expect(Array.from(tree.leafValue)).toEqual([1, 1]);
    // A row on the threshold goes left, as in sklearn (x <= threshold).
    expect(Array.from(predictProba(model, matrix(column([0, 2.5, 2.6, 10])), 4))).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
  });

  it('splits on the informative feature and ignores a noisy one', () => {
    const rows = [
      [1, 7],
      [2, 1],
      [3, 5],
      [4, 2],
      [5, 8],
      [6, 3],
    ];
    const model = trainForest(
      classification(rows, [0, 0, 0, 1, 1, 1]),
      { task: 'classification', ...SINGLE_TREE },
      seededRng(1),
    );
    expect(model.trees[0].feature[0]).toBe(0);
    expect(model.trees[0].threshold[0]).toBe(3.5);
    expect(model.trees[0].feature.length).toBe(3);
  });

  it('makes a single leaf when every row has the same class', () => {
    const model = trainForest(
      classification(column([1, 2, 3]), [1, 1, 1], 2),
      { task: 'classification', ...SINGLE_TREE },
      seededRng(1),
    );
    expect(Array.from(model.trees[0].feature)).toEqual([-1]);
    expect(Array.from(predictProba(model, matrix(column([0])), 1))).toEqual([0, 1]);
  });

  it('stops at maxDepth and keeps the class shares of the rows in each leaf', () => {
    // Alternating classes need many splits; depth 1 allows only the root's.
    const x = column([1, 2, 3, 4, 5, 6, 7, 8]);
    const y = [0, 1, 0, 1, 0, 1, 1, 1];
    const full = trainForest(classification(x, y), { task: 'classification', ...SINGLE_TREE }, seededRng(1));
    const stump = trainForest(
      classification(x, y),
      { task: 'classification', ...SINGLE_TREE, maxDepth: 1 },
      seededRng(1),
    );
    expect(full.trees[0].feature.length).toBeGreaterThan(3);
    expect(stump.trees[0].feature.length).toBe(3);
    expect(stump.trees[0].threshold[0]).toBe(5.5);
    expect(Array.from(predictProba(stump, matrix(column([0, 9])), 2))).toEqual([0.6, 0.4, 0, 1]);
  });

  it('keeps at least minSamplesLeaf rows in every leaf', () => {
    const x = column([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const y = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const model = trainForest(
      classification(x, y),
      { task: 'classification', ...SINGLE_TREE, minSamplesLeaf: 3 },
      seededRng(1),
    );
    // The lone class-0 row cannot have a leaf of its own: the best legal split keeps it with two others.
    expect(model.trees[0].threshold[0]).toBe(3.5);
    expect(model.trees[0].feature.length).toBe(3);
    const proba = predictProba(model, matrix(column([1])), 1);
    expect(proba[0]).toBeCloseTo(1 / 3, 15);
    expect(proba[1]).toBeCloseTo(2 / 3, 15);
  });

  it('fits leaf means for regression', () => {
    const model = trainForest(
      regression(column([1, 2, 3, 4, 5]), [1, 1, 5, 5, 6]),
      { task: 'regression', ...SINGLE_TREE, maxDepth: 1 },
      seededRng(1),
    );
    expect(model.trees[0].threshold[0]).toBe(2.5);
    expect(Array.from(predictValue(model, matrix(column([0, 100])), 2))).toEqual([1, 16 / 3]);
  });

  it('never places a threshold between equal values', () => {
    const model = trainForest(
      classification(column([1, 1, 2, 2]), [0, 1, 0, 1]),
      { task: 'classification', ...SINGLE_TREE },
      seededRng(1),
    );
    expect(model.trees[0].threshold[0]).toBe(1.5);
    expect(Array.from(predictProba(model, matrix(column([1, 2])), 2))).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('keeps looking past constant features until one can split (sklearn rule)', () => {
    const rows = [
      [0, 1, 9],
      [0, 2, 9],
      [0, 3, 9],
      [0, 4, 9],
    ];
    for (let seed = 0; seed < 10; seed++) {
      const model = trainForest(
        classification(rows, [0, 0, 1, 1]),
        { task: 'classification', trees: 1, bootstrap: false, maxFeatures: 1 },
        seededRng(seed),
      );
      expect(model.trees[0].feature[0]).toBe(1);
    }
  });
});

describe('trainForest: the forest', () => {
  const x: number[][] = [];
  const y: number[] = [];
  const rng = seededRng(7);
  for (let i = 0; i < 300; i++) {
    const row = [rng(), rng(), rng(), rng()];
    x.push(row);
    y.push(row[0] + row[1] + 0.3 * rng() > 1.1 ? 1 : 0);
  }
  const data = classification(x, y);

  it('is deterministic: same data, params and seed give identical trees and predictions', () => {
    const a = trainForest(data, { task: 'classification', trees: 20 }, seededRng(42));
    const b = trainForest(data, { task: 'classification', trees: 20 }, seededRng(42));
    expect(b.trees).toEqual(a.trees);
    expect(predictProba(b, data.x, data.rows)).toEqual(predictProba(a, data.x, data.rows));
    const c = trainForest(data, { task: 'classification', trees: 20 }, seededRng(43));
    expect(c.trees).not.toEqual(a.trees);
  });

  it('grows different trees from bootstrap samples and reports each tree built', () => {
    const progress: number[] = [];
    const model = trainForest(data, { task: 'classification', trees: 5 }, seededRng(1), (n) => progress.push(n));
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(model.trees[1].threshold).not.toEqual(model.trees[0].threshold);
    expect(model.params).toEqual({
      task: 'classification',
      trees: 5,
      maxDepth: null,
      minSamplesLeaf: 1,
      maxFeatures: 'sqrt',
      bootstrap: true,
    });
  });

  it('stops training when onProgress throws', () => {
    let built = 0;
    const stop = new Error('cancelled');
    expect(() =>
      trainForest(data, { task: 'classification', trees: 50 }, seededRng(1), (n) => {
        built = n;
        if (n === 3) throw stop;
      }),
    ).toThrow(stop);
    expect(built).toBe(3);
  });

  it('learns the rule well enough to classify its own training rows', () => {
    const model = trainForest(data, { task: 'classification', trees: 30 }, seededRng(3));
    const proba = predictProba(model, data.x, data.rows);
    let correct = 0;
    for (let r = 0; r < data.rows; r++) if ((proba[2 * r + 1] > 0.5 ? 1 : 0) === y[r]) correct++;
    expect(correct / data.rows).toBeGreaterThan(0.97);
  });
});

describe('forest params', () => {
  it('fills in sklearn defaults per task', () => {
    expect(resolveForestParams({ task: 'classification' })).toEqual({
      task: 'classification',
      trees: 100,
      maxDepth: null,
      minSamplesLeaf: 1,
      maxFeatures: 'sqrt',
      bootstrap: true,
    });
    expect(resolveForestParams({ task: 'regression' }).maxFeatures).toBe('all');
  });

  it('counts features per split as sklearn does', () => {
    expect(featuresPerSplit('sqrt', 16)).toBe(4);
    expect(featuresPerSplit('sqrt', 20)).toBe(4);
    expect(featuresPerSplit('log2', 20)).toBe(4);
    expect(featuresPerSplit('log2', 1)).toBe(1);
    expect(featuresPerSplit('all', 7)).toBe(7);
    expect(featuresPerSplit(0.5, 9)).toBe(4);
    expect(featuresPerSplit(0.01, 9)).toBe(1);
    expect(featuresPerSplit(3, 9)).toBe(3);
    expect(() => featuresPerSplit(10, 9)).toThrowError(/at most 9/);
  });

  it('rejects impossible params with a message that says what to use', () => {
    expect(() => resolveForestParams({ task: 'classification', trees: 0 })).toThrowError(/1 or more/);
    expect(() => resolveForestParams({ task: 'classification', maxDepth: 2.5 })).toThrowError(/maxDepth is 2.5/);
    expect(() => resolveForestParams({ task: 'classification', minSamplesLeaf: 0 })).toThrowError(/minSamplesLeaf/);
    expect(() => resolveForestParams({ task: 'classification', maxFeatures: 1.5 })).toThrowError(
      /'sqrt', 'log2', 'all'/,
    );
    expect(() => resolveForestParams({ task: 'clustering' as 'regression' })).toThrowError(WorkbenchError);
  });
});

describe('training data checks', () => {
  it('rejects NaN features, out-of-range classes and mismatched sizes', () => {
    const params = { task: 'classification' } as const;
    expect(() => trainForest(classification([[1], [NaN]], [0, 1]), params, seededRng(1))).toThrowError(
      /row 1, feature 0 is NaN.*impute/,
    );
    expect(() => trainForest(classification([[1], [2]], [0, 2], 2), params, seededRng(1))).toThrowError(/y\[1\] is 2/);
    const bad = { ...classification([[1], [2]], [0, 1]), rows: 3 };
    expect(() => trainForest(bad, params, seededRng(1))).toThrowError(/x holds 2 values/);
    expect(() => trainForest(regression([[1], [2]], [0, NaN]), { task: 'regression' }, seededRng(1))).toThrowError(
      /y\[1\] is NaN/,
    );
    expect(() => trainForest(regression([[1], [2]], [0, 1]), params, seededRng(1))).toThrowError(
      /make the two tasks agree/,
    );
  });
});

describe('argsortFloat64', () => {
  it('orders by value, keeps index order among equal values, and handles signs and zeros', () => {
    const values = Float64Array.from([3, -1, 2, -1, 0, -0, -1e300, 1e-300, -2.5, 1e300, 2]);
    expect(Array.from(argsortFloat64(values))).toEqual([6, 8, 1, 3, 4, 5, 7, 2, 10, 0, 9]);
  });

  it('agrees with a comparator sort on many random values', () => {
    const rng = seededRng(9);
    const values = Float64Array.from({ length: 5000 }, () => Math.round((rng() - 0.5) * 1000) / 7);
    const expected = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
    expect(Array.from(argsortFloat64(values))).toEqual(expected);
  });
});
