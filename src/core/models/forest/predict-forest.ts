import { argmaxRows } from '../argmax-rows.ts';
import { WorkbenchError } from '../../errors.ts';
import type { ForestModel, TreeArrays } from './forest-types.ts';
import { checkFiniteMatrix } from './validate-forest-data.ts';

/**
 * Class probabilities, `rows × classCount` row-major: the mean over trees of
 * each tree's leaf class shares, as sklearn's `predict_proba`.
 *
 * @example
 * const proba = predictProba(model, x, 2); // [p(0|row0), p(1|row0), p(0|row1), p(1|row1)]
 */
export function predictProba(model: ForestModel, x: Float64Array, rows: number): Float64Array {
  if (model.task !== 'classification') {
    throw new WorkbenchError(
      'forest.wrong_task',
      'This forest is a regressor and has no class probabilities; call predictValue instead.',
    );
  }
  checkInput(model, x, rows);
  const k = model.classCount;
  const proba = new Float64Array(rows * k);
  for (const tree of model.trees) {
    for (let r = 0; r < rows; r++) {
      const leaf = findLeaf(tree, x, r * model.features);
      const out = r * k;
      for (let e = tree.valueStart[leaf]; e < tree.valueStart[leaf + 1]; e++)
        proba[out + tree.leafClass[e]] += tree.leafValue[e];
    }
  }
  const count = model.trees.length;
  for (let i = 0; i < proba.length; i++) proba[i] /= count;
  return proba;
}

/** The most probable class of each row (ties to the lower index, as sklearn). */
export function predictClass(model: ForestModel, x: Float64Array, rows: number): Int32Array {
  return argmaxRows(predictProba(model, x, rows), model.classCount);
}

/** The mean over trees of each row's leaf mean, as sklearn's regressor `predict`. */
export function predictValue(model: ForestModel, x: Float64Array, rows: number): Float64Array {
  if (model.task !== 'regression') {
    throw new WorkbenchError(
      'forest.wrong_task',
      'This forest is a classifier; call predictProba or predictClass instead.',
    );
  }
  checkInput(model, x, rows);
  const values = new Float64Array(rows);
  for (const tree of model.trees) {
    for (let r = 0; r < rows; r++) values[r] += tree.leafValue[tree.valueStart[findLeaf(tree, x, r * model.features)]];
  }
  const count = model.trees.length;
  for (let r = 0; r < rows; r++) values[r] /= count;
  return values;
}

/** Walks one row (starting at `rowBase` in x) down to its leaf. */
function findLeaf(tree: TreeArrays, x: Float64Array, rowBase: number): number {
  const { feature, threshold, left, right } = tree;
  let node = 0;
  let f = feature[0];
  while (f >= 0) {
    node = x[rowBase + f] <= threshold[node] ? left[node] : right[node];
    f = feature[node];
  }
  return node;
}

function checkInput(model: ForestModel, x: Float64Array, rows: number): void {
  if (!Number.isInteger(rows) || rows < 0 || x.length !== rows * model.features) {
    throw new WorkbenchError(
      'forest.invalid_data',
      `Random forest: x holds ${x.length} values but ${rows} rows × ${model.features} features need ${rows * model.features}; ` +
        'pass rows with the features the model was trained on, in the same order.',
    );
  }
  checkFiniteMatrix(x, model.features);
}
