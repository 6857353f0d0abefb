/**
 * Random forest over typed arrays: sklearn's algorithm (bootstrap, CART with
 * Gini or squared error, random features per split), seeded, serializable.
 */
export { trainForest } from './train-forest.ts';
export { predictClass, predictProba, predictValue } from './predict-forest.ts';
export {
  deserializeForest,
  serializeForest,
  FOREST_FORMAT,
  FOREST_FORMAT_VERSION,
  type SerializedForest,
} from './serialize-forest.ts';
export { featuresPerSplit, resolveForestParams } from './forest-params.ts';
export type {
  ForestData,
  ForestModel,
  ForestParams,
  ForestTask,
  MaxFeatures,
  ResolvedForestParams,
  TreeArrays,
} from './forest-types.ts';
