import type { Rng } from '../../random/rng.ts';
import { featuresPerSplit, resolveForestParams } from './forest-params.ts';
import type { ForestData, ForestModel, ForestParams, TreeArrays } from './forest-types.ts';
import { growTree, type GrowOptions } from './grow-tree.ts';
import { createTreeWorkspace, sampleTreeRows } from './tree-workspace.ts';
import { validateForestData } from './validate-forest-data.ts';
import { WorkbenchError } from '../../errors.ts';

/**
 * Trains a random forest (sklearn's RandomForestClassifier/Regressor
 * algorithm): each tree is a CART tree on a bootstrap sample, choosing every
 * split among a random subset of features. All randomness comes from `rng`,
 * so the same data, params and seeded rng give the same model.
 *
 * @param onProgress called after each tree with the number built so far and
 *   the nodes of all trees so far; it may throw to abandon training (nothing
 *   is returned then), e.g. when the forest outgrows its memory budget.
 * @example
 * const model = trainForest(
 *   { task: 'classification', x, rows, features, y, classCount: 3 },
 *   { task: 'classification', trees: 100 },
 *   seededRng(42),
 * );
 */
export function trainForest(
  data: ForestData,
  params: ForestParams,
  rng: Rng,
  onProgress?: (treesBuilt: number, nodes: number) => void,
): ForestModel {
  const resolved = resolveForestParams(params);
  if (data.task !== resolved.task) {
    throw new WorkbenchError(
      'forest.invalid_data',
      `Random forest: the data is for ${data.task} but the params ask for ${resolved.task}; make the two tasks agree.`,
    );
  }
  validateForestData(data);
  const options: GrowOptions = {
    target:
      data.task === 'classification'
        ? { task: data.task, y: data.y, classCount: data.classCount }
        : { task: data.task, y: data.y },
    maxDepth: resolved.maxDepth,
    minSamplesLeaf: resolved.minSamplesLeaf,
    featuresPerSplit: featuresPerSplit(resolved.maxFeatures, data.features),
  };
  const ws = createTreeWorkspace(data);
  const trees: TreeArrays[] = [];
  let nodes = 0;
  for (let t = 0; t < resolved.trees; t++) {
    sampleTreeRows(ws, resolved.bootstrap, rng);
    const tree = growTree(ws, options, rng);
    trees.push(tree);
    nodes += tree.feature.length;
    onProgress?.(t + 1, nodes);
  }
  return {
    task: data.task,
    features: data.features,
    classCount: data.task === 'classification' ? data.classCount : 1,
    params: resolved,
    trees,
  };
}
