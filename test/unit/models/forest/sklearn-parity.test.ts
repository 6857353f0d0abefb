/**
 * Our forest against scikit-learn (fixtures from
 * test/fixtures/sklearn-forest/make_forest_fixtures.py): single trees must be
 * the same tree, node for node; forests, grown from another RNG, must score
 * within a couple of points.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { predictClass, predictProba, predictValue } from '../../../../src/core/models/forest/predict-forest.ts';
import { trainForest } from '../../../../src/core/models/forest/train-forest.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import { classification, matrix, regression } from './forest-helpers.ts';

interface SingleTreeCase {
  name: string;
  params: { max_depth?: number; min_samples_leaf?: number };
  x: number[][];
  y: number[];
  xTest: number[][];
  tree: { feature: number[]; threshold: number[]; left: number[]; right: number[] };
  predictions: number[];
  proba?: number[][];
}

interface ForestCase {
  name: string;
  task: 'classification' | 'regression';
  classCount: number;
  xTrain: number[][];
  yTrain: number[];
  xTest: number[][];
  yTest: number[];
  seeds: number[];
  scores: number[];
  meanScore: number;
}

const fixtures = JSON.parse(
  readFileSync(new URL('../../../fixtures/sklearn-forest/forest.json', import.meta.url), 'utf8'),
) as {
  sklearn: string;
  singleTrees: SingleTreeCase[];
  forests: ForestCase[];
};

describe(`one tree, all features, no bootstrap = sklearn ${fixtures.sklearn} DecisionTree`, () => {
  it.each(fixtures.singleTrees.map((c) => [c.name, c] as const))(
    '%s: same nodes, thresholds and predictions',
    (_, c) => {
      const task = c.proba ? 'classification' : 'regression';
      const data = task === 'classification' ? classification(c.x, c.y) : regression(c.x, c.y);
      const model = trainForest(
        data,
        {
          task,
          trees: 1,
          bootstrap: false,
          maxFeatures: 'all',
          maxDepth: c.params.max_depth ?? null,
          minSamplesLeaf: c.params.min_samples_leaf ?? 1,
        },
        seededRng(0),
      );
      const tree = model.trees[0];
      expect(Array.from(tree.feature)).toEqual(c.tree.feature);
      expect(Array.from(tree.threshold)).toEqual(c.tree.threshold);
      expect(Array.from(tree.left)).toEqual(c.tree.left);
      expect(Array.from(tree.right)).toEqual(c.tree.right);
      const xTest = matrix(c.xTest);
      if (task === 'classification') {
        expect(Array.from(predictClass(model, xTest, c.xTest.length))).toEqual(c.predictions);
        const proba = predictProba(model, xTest, c.xTest.length);
        expect(Array.from(proba)).toEqual(c.proba!.flat());
      } else {
        const values = predictValue(model, xTest, c.xTest.length);
        c.predictions.forEach((expected, i) => expect(values[i]).toBeCloseTo(expected, 9));
      }
    },
  );
});

describe('100-tree forest scores like sklearn RandomForest (mean over five seeds)', () => {
  it.each(fixtures.forests.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const data =
      c.task === 'classification' ? classification(c.xTrain, c.yTrain, c.classCount) : regression(c.xTrain, c.yTrain);
    const xTest = matrix(c.xTest);
    const scores = c.seeds.map((seed) => {
      const model = trainForest(data, { task: c.task, trees: 100 }, seededRng(seed));
      return c.task === 'classification'
        ? accuracy(c.yTest, predictClass(model, xTest, c.xTest.length))
        : r2(c.yTest, predictValue(model, xTest, c.xTest.length));
    });
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(Math.abs(mean - c.meanScore)).toBeLessThan(0.02);
  });
});

function accuracy(actual: number[], predicted: Int32Array): number {
  return actual.filter((y, i) => y === predicted[i]).length / actual.length;
}

function r2(actual: number[], predicted: Float64Array): number {
  const mean = actual.reduce((a, b) => a + b, 0) / actual.length;
  let residual = 0;
  let total = 0;
  actual.forEach((y, i) => {
    residual += (y - predicted[i]) ** 2;
    total += (y - mean) ** 2;
  });
  return 1 - residual / total;
}
