/**
 * The alternative forest considered: the npm package ml-random-forest
 * (mljs). It is NOT a project dependency; the benchmark uses it only when it
 * was installed by hand in a scratch folder:
 *
 *   mkdir -p /tmp/mlrf && cd /tmp/mlrf && npm init -y && npm install ml-random-forest
 *
 * Its trees (ml-cart) re-scan every row for every candidate threshold, so a
 * node costs O(rows²) per feature: one tree on 1,000 rows of the 26-class set
 * takes seconds. A full 100-tree, 20,000-row run would take hours, so it is
 * timed on small slices and the full run is projected from them.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { predictClass, trainForest } from '../../src/core/models/forest/index.ts';
import { seededRng } from '../../src/core/random/rng.ts';
import type { BenchSet } from './mlp-case.ts';

/** Where the scratch install puts it (override with ML_RANDOM_FOREST=<path to random-forest.js>). */
export const ML_RANDOM_FOREST_PATH =
  process.env.ML_RANDOM_FOREST ?? '/tmp/mlrf/node_modules/ml-random-forest/random-forest.js';

/** One slice, timed with both forests at the same tree count. */
export interface ForestSliceSample {
  rows: number;
  trees: number;
  mlRandomForestMs: number;
  mlRandomForestAccuracy: number;
  workbenchMs: number;
  workbenchAccuracy: number;
}

export type MlRandomForestResult =
  | { installed: false; path: string }
  | {
      installed: true;
      path: string;
      version: string;
      slices: ForestSliceSample[];
      projectedFullMs: number;
      fullRows: number;
      fullTrees: number;
    };

interface MlRandomForestClassifier {
  train(x: number[][], y: number[]): void;
  predict(x: number[][]): number[];
}
type Constructor = new (options: object) => MlRandomForestClassifier;

/**
 * Times ml-random-forest and the workbench forest on the first rows of `set`
 * (accuracy on up to 2,000 held-out rows), and projects ml-random-forest's
 * time for `fullTrees` trees on all training rows.
 */
export async function compareWithMlRandomForest(
  set: BenchSet,
  slices: { rows: number; trees: number }[],
  fullTrees: number,
  log: (line: string) => void,
): Promise<MlRandomForestResult> {
  const path = ML_RANDOM_FOREST_PATH;
  if (!existsSync(path)) return { installed: false, path };
  const module = (await import(path)) as {
    RandomForestClassifier?: Constructor;
    default?: { RandomForestClassifier: Constructor };
  };
  const RandomForestClassifier = module.RandomForestClassifier ?? module.default!.RandomForestClassifier;
  const { createRequire } = await import('node:module');
  const version = (createRequire(path)('./package.json') as { version: string }).version;

  const p = set.features;
  const testRows = Math.min(set.testRows, 2_000);
  const testX = set.x.subarray(set.trainRows * p, (set.trainRows + testRows) * p);
  const testY = set.y.subarray(set.trainRows, set.trainRows + testRows);
  const testArrays = toArrays(testX, testRows, p);
  const accuracy = (predicted: ArrayLike<number>) => {
    let ok = 0;
    for (let i = 0; i < testRows; i++) if (predicted[i] === testY[i]) ok++;
    return ok / testRows;
  };

  const samples: ForestSliceSample[] = [];
  for (const { rows, trees } of slices) {
    const x = set.x.subarray(0, rows * p);
    const y = set.y.subarray(0, rows);
    // Its defaults, with OOB scoring off (the workbench forest does not compute it either).
    const theirs = new RandomForestClassifier({ nEstimators: trees, seed: 42, noOOB: true });
    const arrays = toArrays(x, rows, p);
    const labels = Array.from(y);
    const t0 = performance.now();
    theirs.train(arrays, labels);
    const mlRandomForestMs = performance.now() - t0;
    const t1 = performance.now();
    const ours = trainForest(
      { task: 'classification', x, rows, features: p, y, classCount: set.classes },
      { task: 'classification', trees },
      seededRng(42),
    );
    const workbenchMs = performance.now() - t1;
    const sample = {
      rows,
      trees,
      mlRandomForestMs,
      mlRandomForestAccuracy: accuracy(theirs.predict(testArrays)),
      workbenchMs,
      workbenchAccuracy: accuracy(predictClass(ours, testX, testRows)),
    };
    log(
      `  ml-random-forest ${rows} rows × ${trees} trees: ${(mlRandomForestMs / 1000).toFixed(2)} s (workbench ${(workbenchMs / 1000).toFixed(3)} s)`,
    );
    samples.push(sample);
  }
  // Linear in rows from the largest slice. Each node's scan is quadratic in its rows, so the real
  // time grows faster than this: the projection is a lower bound.
  const largest = samples[samples.length - 1];
  const projectedFullMs = (largest.mlRandomForestMs / largest.trees) * fullTrees * (set.trainRows / largest.rows);
  return { installed: true, path, version, slices: samples, projectedFullMs, fullRows: set.trainRows, fullTrees };
}

function toArrays(x: Float64Array, rows: number, p: number): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from(x.subarray(r * p, r * p + p)));
}
