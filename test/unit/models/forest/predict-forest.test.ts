import { describe, expect, it } from 'vitest';
import { predictClass, predictProba, predictValue } from '../../../../src/core/models/forest/predict-forest.ts';
import { trainForest } from '../../../../src/core/models/forest/train-forest.ts';
import type { ForestModel } from '../../../../src/core/models/forest/forest-types.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import { classification, column, matrix, regression } from './forest-helpers.ts';

/** A hand-built forest of two stumps on feature 0, so every prediction is known. */
function twoStumps(): ForestModel {
  const stump = (
    threshold: number,
    leftClasses: number[],
    leftShares: number[],
    rightClasses: number[],
    rightShares: number[],
  ) => ({
    feature: Int32Array.from([0, -1, -1]),
    threshold: Float64Array.from([threshold, 0, 0]),
    left: Int32Array.from([1, -1, -1]),
    right: Int32Array.from([2, -1, -1]),
    valueStart: Int32Array.from([0, 0, leftClasses.length, leftClasses.length + rightClasses.length]),
    leafClass: Int32Array.from([...leftClasses, ...rightClasses]),
    leafValue: Float64Array.from([...leftShares, ...rightShares]),
  });
  return {
    task: 'classification',
    features: 2,
    classCount: 3,
    params: { task: 'classification', trees: 2, maxDepth: 1, minSamplesLeaf: 1, maxFeatures: 'all', bootstrap: false },
    trees: [stump(0.5, [0], [1], [1, 2], [0.5, 0.5]), stump(1.5, [0, 1], [0.25, 0.75], [2], [1])],
  };
}

describe('predictProba', () => {
  it('averages the leaf class shares of all trees', () => {
    const proba = predictProba(
      twoStumps(),
      matrix([
        [0, 9],
        [1, 9],
        [2, 9],
      ]),
      3,
    );
    expect(Array.from(proba)).toEqual([0.625, 0.375, 0, 0.125, 0.625, 0.25, 0, 0.25, 0.75]);
  });

  it('gives rows that sum to one on a trained forest', () => {
    const rng = seededRng(5);
    const rows = Array.from({ length: 120 }, () => [rng(), rng()]);
    const y = rows.map((r) => (r[0] > 0.66 ? 2 : r[0] > 0.33 ? 1 : 0));
    const model = trainForest(classification(rows, y), { task: 'classification', trees: 10 }, seededRng(1));
    const proba = predictProba(model, matrix(rows), rows.length);
    for (let r = 0; r < rows.length; r++) expect(proba[3 * r] + proba[3 * r + 1] + proba[3 * r + 2]).toBeCloseTo(1, 12);
  });

  it('refuses rows with the wrong width or missing values', () => {
    expect(() => predictProba(twoStumps(), matrix([[1, 2, 3]]), 1)).toThrowError(/3 values but 1 rows × 2 features/);
    expect(() => predictProba(twoStumps(), matrix([[NaN, 2]]), 1)).toThrowError(/impute/);
  });

  it('returns nothing for zero rows', () => {
    expect(predictProba(twoStumps(), new Float64Array(0), 0).length).toBe(0);
  });
});

describe('predictClass', () => {
  it('takes the most probable class, the lower index on a tie', () => {
    expect(
      Array.from(
        predictClass(
          twoStumps(),
          matrix([
            [0, 0],
            [1, 0],
            [2, 0],
          ]),
          3,
        ),
      ),
    ).toEqual([0, 1, 2]);
    const tie = trainForest(
      classification(column([1, 1]), [0, 1]),
      { task: 'classification', trees: 1, bootstrap: false },
      seededRng(1),
    );
    expect(Array.from(predictClass(tie, matrix(column([1])), 1))).toEqual([0]);
  });
});

describe('predictValue', () => {
  it('averages the trees of a regressor and refuses the wrong task', () => {
    const model = trainForest(
      regression(column([1, 2, 3, 4]), [10, 10, 20, 20]),
      { task: 'regression', trees: 3, bootstrap: false },
      seededRng(1),
    );
    expect(Array.from(predictValue(model, matrix(column([1.5, 3.5])), 2))).toEqual([10, 20]);
    expect(() => predictProba(model, matrix(column([1])), 1)).toThrowError(/call predictValue/);
    expect(() => predictValue(twoStumps(), matrix([[1, 2]]), 1)).toThrowError(/predictProba or predictClass/);
  });
});

describe('a model crossing a worker boundary', () => {
  it('survives structuredClone and predicts the same', () => {
    const model = trainForest(
      classification(column([1, 2, 3, 4, 5, 6]), [0, 0, 1, 1, 2, 2]),
      { task: 'classification', trees: 5 },
      seededRng(2),
    );
    const copy = structuredClone(model);
    const x = matrix(column([0, 2.5, 3.5, 7]));
    expect(predictProba(copy, x, 4)).toEqual(predictProba(model, x, 4));
  });
});
