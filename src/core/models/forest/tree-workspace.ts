import { argsortFloat64 } from './argsort.ts';
import type { ForestData } from './forest-types.ts';

/**
 * Everything a tree is grown in, allocated once per forest and reused by
 * every tree: the features column by column, each feature's row order sorted
 * by value (computed once, so no node ever sorts), and per-tree buffers.
 *
 * `order` and the two `buffers` hold one segment of `rows` entries per
 * feature. A node owns the same range [start, end) in every feature's segment
 * of one buffer, each segment listing the node's rows in ascending value of
 * that feature; splitting a node partitions every segment stably into the
 * other buffer, which keeps them sorted.
 */
export interface TreeWorkspace {
  rows: number;
  features: number;
  /** Column-major copy of x: feature f, row r at `cols[f * rows + r]`. */
  cols: Float64Array;
  /** Rows sorted by each feature's value (ties by row index), fixed for the forest. */
  order: Int32Array;
  /** The current tree's in-bag rows, per feature, partitioned node by node, back and forth. */
  buffers: [Int32Array, Int32Array];
  /** The buffer holding the node being split. */
  idx: Int32Array;
  /** How many times the current tree drew each row (0 = out of bag). */
  weight: Float64Array;
  /** Number of distinct in-bag rows of the current tree. */
  inBag: number;
  /** Scratch for partitioning: 1 when a row of the node being split goes left. */
  goLeft: Uint8Array;
  /** Feature indices, shuffled in place as splits draw from them. */
  featureOrder: Int32Array;
}

/** Builds the column copy and the per-feature sorted orders once for the whole forest. */
export function createTreeWorkspace(data: ForestData): TreeWorkspace {
  const { x, rows, features } = data;
  const cols = new Float64Array(rows * features);
  for (let r = 0; r < rows; r++) {
    const rowBase = r * features;
    for (let f = 0; f < features; f++) cols[f * rows + r] = x[rowBase + f];
  }
  const order = new Int32Array(rows * features);
  for (let f = 0; f < features; f++) order.set(argsortFloat64(cols.subarray(f * rows, (f + 1) * rows)), f * rows);
  const buffers: [Int32Array, Int32Array] = [new Int32Array(rows * features), new Int32Array(rows * features)];
  const featureOrder = new Int32Array(features);
  for (let f = 0; f < features; f++) featureOrder[f] = f;
  return {
    rows,
    features,
    cols,
    order,
    buffers,
    idx: buffers[0],
    weight: new Float64Array(rows),
    inBag: 0,
    goLeft: new Uint8Array(rows),
    featureOrder,
  };
}

/**
 * Draws the next tree's rows. With `bootstrap`, `rows` draws with replacement
 * (sklearn's bootstrap): a row drawn k times weighs k, a row never drawn is
 * left out; without it every row weighs 1. Then keeps the in-bag rows of each
 * presorted segment, in order.
 */
export function sampleTreeRows(ws: TreeWorkspace, bootstrap: boolean, rng: () => number): void {
  const { rows, features, weight, order, goLeft } = ws;
  const idx = ws.buffers[0];
  ws.idx = idx;
  if (bootstrap) {
    weight.fill(0);
    for (let i = 0; i < rows; i++) weight[Math.floor(rng() * rows)] += 1;
  } else {
    weight.fill(1);
  }
  // A byte per row is cheaper to look up than its weight in the filter below;
  // goLeft is free scratch until the first split.
  const inBagFlag = goLeft;
  for (let i = 0; i < rows; i++) inBagFlag[i] = weight[i] > 0 ? 1 : 0;
  let inBag = rows;
  for (let f = 0; f < features; f++) {
    const base = f * rows;
    let j = base;
    for (let t = base; t < base + rows; t++) {
      const s = order[t];
      idx[j] = s; // branch-free filter: advance only past in-bag rows
      j += inBagFlag[s];
    }
    inBag = j - base;
  }
  ws.inBag = inBag;
}
