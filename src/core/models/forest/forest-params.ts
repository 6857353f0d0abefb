import { WorkbenchError } from '../../errors.ts';
import type { ForestParams, MaxFeatures, ResolvedForestParams } from './forest-types.ts';

/**
 * Fills in sklearn's defaults and rejects values that cannot train a forest.
 *
 * @example
 * resolveForestParams({ task: 'regression' }).maxFeatures; // 'all'
 */
export function resolveForestParams(params: ForestParams): ResolvedForestParams {
  if (params.task !== 'classification' && params.task !== 'regression') {
    fail(`task is ${JSON.stringify(params.task)}; use 'classification' or 'regression'.`);
  }
  const resolved: ResolvedForestParams = {
    task: params.task,
    trees: params.trees ?? 100,
    maxDepth: params.maxDepth ?? null,
    minSamplesLeaf: params.minSamplesLeaf ?? 1,
    maxFeatures: params.maxFeatures ?? (params.task === 'classification' ? 'sqrt' : 'all'),
    bootstrap: params.bootstrap ?? true,
  };
  if (!isPositiveInteger(resolved.trees))
    fail(`trees is ${resolved.trees}; use a whole number of trees, 1 or more (100 is usual).`);
  if (resolved.maxDepth !== null && !isPositiveInteger(resolved.maxDepth)) {
    fail(`maxDepth is ${resolved.maxDepth}; use a whole number, 1 or more, or leave it empty to grow full trees.`);
  }
  if (!isPositiveInteger(resolved.minSamplesLeaf)) {
    fail(`minSamplesLeaf is ${resolved.minSamplesLeaf}; use a whole number of rows, 1 or more.`);
  }
  checkMaxFeatures(resolved.maxFeatures);
  if (typeof resolved.bootstrap !== 'boolean')
    fail(`bootstrap is ${JSON.stringify(resolved.bootstrap)}; use true or false.`);
  return resolved;
}

/**
 * How many features a split looks at, given `maxFeatures` and the feature
 * count p — sklearn's rule, so a forest means the same thing in both.
 *
 * @example
 * featuresPerSplit('sqrt', 16); // 4
 * featuresPerSplit(0.5, 9); // 4
 */
export function featuresPerSplit(maxFeatures: MaxFeatures, features: number): number {
  let count: number;
  if (maxFeatures === 'sqrt') count = Math.floor(Math.sqrt(features));
  else if (maxFeatures === 'log2') count = Math.floor(Math.log2(features));
  else if (maxFeatures === 'all') count = features;
  else if (maxFeatures < 1) count = Math.floor(maxFeatures * features);
  else count = maxFeatures;
  if (count > features) {
    fail(
      `maxFeatures is ${maxFeatures} but the data has only ${features} features; use at most ${features}, or 'all'.`,
    );
  }
  return Math.max(1, count);
}

function checkMaxFeatures(value: MaxFeatures): void {
  if (value === 'sqrt' || value === 'log2' || value === 'all') return;
  const ok = typeof value === 'number' && ((value > 0 && value < 1) || isPositiveInteger(value));
  if (!ok) {
    fail(
      `maxFeatures is ${JSON.stringify(value)}; use 'sqrt', 'log2', 'all', a whole number of features, or a share between 0 and 1.`,
    );
  }
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function fail(message: string): never {
  throw new WorkbenchError('forest.invalid_params', `Random forest: ${message}`);
}
