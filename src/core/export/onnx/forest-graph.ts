import type { ForestModel, TreeArrays } from '../../models/forest/forest-types.ts';
import { doubleTensor, GraphBuilder, uint8Tensor } from './onnx-graph.ts';

/** The flat arrays of ai.onnx.ml TreeEnsemble (opset 5): interior nodes, then leaves. */
interface EnsembleArrays {
  roots: number[];
  feature: number[];
  split: number[];
  trueId: number[];
  trueLeaf: number[];
  falseId: number[];
  falseLeaf: number[];
  leafTarget: number[];
  leafWeight: number[];
}

/**
 * The forest as one ai.onnx.ml `TreeEnsemble` (opset 5, double thresholds
 * and leaf weights) summing over trees, divided by the tree count: the
 * workbench's `predictProba`/`predictValue` step for step. A TreeEnsemble
 * leaf feeds one target, so a classifier gets one copy of each tree per
 * class, whose leaves hold that class's share. Returns rows × classCount
 * (or rows × 1) doubles.
 */
export function addForest(g: GraphBuilder, x: string, model: ForestModel): string {
  const arrays: EnsembleArrays = {
    roots: [],
    feature: [],
    split: [],
    trueId: [],
    trueLeaf: [],
    falseId: [],
    falseLeaf: [],
    leafTarget: [],
    leafWeight: [],
  };
  const targets = model.task === 'classification' ? model.classCount : 1;
  for (const tree of model.trees)
    for (let t = 0; t < targets; t++) addTree(arrays, tree, model.task === 'classification' ? t : null);
  const sum = g.op(
    'TreeEnsemble',
    [x],
    {
      aggregate_function: { int: 1 }, // SUM
      post_transform: { int: 0 },
      n_targets: { int: targets },
      tree_roots: { ints: arrays.roots },
      nodes_featureids: { ints: arrays.feature },
      nodes_modes: { tensor: uint8Tensor(new Uint8Array(arrays.feature.length)) }, // all BRANCH_LEQ: x <= split goes left
      nodes_splits: { tensor: doubleTensor(arrays.split) },
      nodes_truenodeids: { ints: arrays.trueId },
      nodes_trueleafs: { ints: arrays.trueLeaf },
      nodes_falsenodeids: { ints: arrays.falseId },
      nodes_falseleafs: { ints: arrays.falseLeaf },
      leaf_targetids: { ints: arrays.leafTarget },
      leaf_weights: { tensor: doubleTensor(arrays.leafWeight) },
    },
    { domain: 'ai.onnx.ml' },
  );
  return g.op('Div', [sum, g.constant('tree_count', doubleTensor([model.trees.length]))]);
}

/** Appends one tree (for class `target`, or the regression value when null). */
function addTree(out: EnsembleArrays, tree: TreeArrays, target: number | null): void {
  const interior = new Map<number, number>();
  const leaves = new Map<number, number>();
  const nodeCount = tree.feature.length;
  for (let node = 0; node < nodeCount; node++) {
    if (tree.feature[node] >= 0) interior.set(node, out.feature.length + interior.size);
  }
  for (let node = 0; node < nodeCount; node++) {
    if (tree.feature[node] >= 0) continue;
    leaves.set(node, out.leafTarget.length);
    out.leafTarget.push(target ?? 0);
    out.leafWeight.push(leafWeight(tree, node, target));
  }
  if (interior.size === 0) {
    // A tree that is one leaf: TreeEnsemble roots are interior nodes, so add a split both of whose branches reach it.
    out.roots.push(out.feature.length);
    pushNode(out, 0, Infinity, [leaves.get(0)!, 1], [leaves.get(0)!, 1]);
    return;
  }
  out.roots.push(interior.get(0)!);
  for (let node = 0; node < nodeCount; node++) {
    if (tree.feature[node] < 0) continue;
    const branch = (child: number): [number, number] =>
      tree.feature[child] >= 0 ? [interior.get(child)!, 0] : [leaves.get(child)!, 1];
    pushNode(out, tree.feature[node], tree.threshold[node], branch(tree.left[node]), branch(tree.right[node]));
  }
}

function pushNode(
  out: EnsembleArrays,
  feature: number,
  split: number,
  [trueId, trueLeaf]: [number, number],
  [falseId, falseLeaf]: [number, number],
): void {
  out.feature.push(feature);
  out.split.push(split);
  out.trueId.push(trueId);
  out.trueLeaf.push(trueLeaf);
  out.falseId.push(falseId);
  out.falseLeaf.push(falseLeaf);
}

/** A leaf's share of `target` (0 when it holds none), or its regression mean. */
function leafWeight(tree: TreeArrays, leaf: number, target: number | null): number {
  const start = tree.valueStart[leaf];
  if (target === null) return tree.leafValue[start];
  for (let e = start; e < tree.valueStart[leaf + 1]; e++) if (tree.leafClass[e] === target) return tree.leafValue[e];
  return 0;
}
