import {
  isConstant,
  resetSplit,
  scanGini,
  scanSquaredError,
  type ClassNodeStats,
  type RegressionNodeStats,
  type SplitRecord,
} from './best-split.ts';
import type { TreeArrays } from './forest-types.ts';
import type { TreeWorkspace } from './tree-workspace.ts';

/** sklearn's EPSILON: a node whose impurity is at most this is pure and becomes a leaf. */
const EPSILON = 2.220446049250313e-16;

/** The target and stopping rules one tree is grown with. */
export interface GrowOptions {
  target: { task: 'classification'; y: Int32Array; classCount: number } | { task: 'regression'; y: Float64Array };
  maxDepth: number | null;
  minSamplesLeaf: number;
  /** Features drawn per split (already resolved from maxFeatures). */
  featuresPerSplit: number;
}

/**
 * Grows one CART tree depth-first (left child first, node ids in that order,
 * as sklearn's DepthFirstTreeBuilder) over the rows `sampleTreeRows` put in
 * the workspace. Each node draws features at random without replacement
 * until it has looked at `featuresPerSplit` of them and at least one that is
 * not constant (sklearn's rule), takes the best threshold among them, and
 * stops at pure nodes, `maxDepth`, fewer than 2 rows, or fewer than
 * 2 × `minSamplesLeaf` rows.
 */
export function growTree(ws: TreeWorkspace, options: GrowOptions, rng: () => number): TreeArrays {
  const { target, maxDepth, minSamplesLeaf } = options;
  const depthLimit = maxDepth ?? Infinity;
  const k = target.task === 'classification' ? target.classCount : 1;
  const cls: ClassNodeStats = {
    counts: new Float64Array(k),
    weight: 0,
    sumSq: 0,
    left: new Float64Array(k),
  };
  const reg: RegressionNodeStats = { sum: 0, weight: 0 };
  const best: SplitRecord = { feature: -1, pos: -1, threshold: 0, proxy: -Infinity, leftPure: false, rightPure: false };
  const out = { feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[] };
  const valueStart: number[] = [];
  const leafClass: number[] = [];
  const leafValue: number[] = [];

  // Stack of pending nodes: start, end, depth, parent (-1 root), isLeft, the
  // buffer holding the node's segments, and the one feature whose segment is
  // valid when the parent skipped partitioning (-1 = all).
  const stack: number[] = [0, ws.inBag, 0, -1, 0, 0, -1];
  while (stack.length > 0) {
    const validFeature = stack.pop()!;
    const buffer = stack.pop()!;
    const isLeft = stack.pop()!;
    const parent = stack.pop()!;
    const depth = stack.pop()!;
    const end = stack.pop()!;
    const start = stack.pop()!;
    ws.idx = ws.buffers[buffer];
    const id = out.feature.length;
    if (parent >= 0) (isLeft ? out.left : out.right)[parent] = id;
    valueStart.push(leafValue.length);
    out.feature.push(-1);
    out.threshold.push(0);
    out.left.push(-1);
    out.right.push(-1);

    const statsFeature = validFeature >= 0 ? validFeature : 0;
    const impurity =
      target.task === 'classification'
        ? classStats(ws, target.y, statsFeature, start, end, cls)
        : regressionStats(ws, target.y, statsFeature, start, end, reg);
    const n = end - start;
    let leaf = validFeature >= 0 || depth >= depthLimit || n < 2 || n < 2 * minSamplesLeaf || impurity <= EPSILON;
    if (!leaf) {
      findSplit(ws, options, start, end, cls, reg, best, rng);
      leaf = best.feature < 0;
    }
    if (leaf) {
      if (target.task === 'classification') {
        // Walk the rows rather than the classes (small leaves, many classes),
        // zeroing each class once written, which also clears counts for the next node.
        const { counts } = cls;
        const base = statsFeature * ws.rows;
        for (let j = start; j < end; j++) {
          const c = target.y[ws.idx[base + j]];
          if (counts[c] > 0) {
            leafClass.push(c);
            leafValue.push(counts[c] / cls.weight);
            counts[c] = 0;
          }
        }
      } else {
        leafValue.push(reg.sum / reg.weight);
      }
      continue;
    }

    if (target.task === 'classification') clearCounts(ws, target.y, statsFeature, start, end, cls.counts);
    out.feature[id] = best.feature;
    out.threshold[id] = best.threshold;
    const pos = best.pos;
    const childDepth = depth + 1;
    const leftLeaf = childWillBeLeaf(pos - start, childDepth, depthLimit, minSamplesLeaf, best.leftPure);
    const rightLeaf = childWillBeLeaf(end - pos, childDepth, depthLimit, minSamplesLeaf, best.rightPure);
    // Leaves only need their own rows, which the split feature's segment already
    // holds in order: partition the others only when a child will split again.
    const childValid = leftLeaf && rightLeaf ? best.feature : -1;
    const childBuffer = childValid < 0 ? 1 - buffer : buffer;
    if (childValid < 0) partition(ws, ws.buffers[childBuffer], best.feature, start, pos, end);
    stack.push(pos, end, childDepth, id, 0, childBuffer, childValid);
    stack.push(start, pos, childDepth, id, 1, childBuffer, childValid);
  }
  valueStart.push(leafValue.length);
  return {
    feature: new Int32Array(out.feature),
    threshold: new Float64Array(out.threshold),
    left: new Int32Array(out.left),
    right: new Int32Array(out.right),
    valueStart: new Int32Array(valueStart),
    leafClass: new Int32Array(leafClass),
    leafValue: new Float64Array(leafValue),
  };
}

function childWillBeLeaf(n: number, depth: number, depthLimit: number, minLeaf: number, pure: boolean): boolean {
  return pure || depth >= depthLimit || n < 2 || n < 2 * minLeaf;
}

/** Draws features the sklearn way and scans each non-constant one into `best`. */
function findSplit(
  ws: TreeWorkspace,
  options: GrowOptions,
  start: number,
  end: number,
  cls: ClassNodeStats,
  reg: RegressionNodeStats,
  best: SplitRecord,
  rng: () => number,
): void {
  resetSplit(best);
  const order = ws.featureOrder;
  const p = ws.features;
  const { target, minSamplesLeaf, featuresPerSplit } = options;
  let visited = 0;
  let nonConstant = 0;
  for (let i = 0; i < p && (visited < featuresPerSplit || nonConstant === 0); i++) {
    const j = i + Math.floor(rng() * (p - i));
    const f = order[j];
    order[j] = order[i];
    order[i] = f;
    visited++;
    if (isConstant(ws, f, start, end)) continue;
    nonConstant++;
    if (target.task === 'classification') scanGini(ws, target.y, f, start, end, minSamplesLeaf, cls, best);
    else scanSquaredError(ws, target.y, f, start, end, minSamplesLeaf, reg, best);
  }
}

/** Adds up the node's class weights into `counts` (which must be all zeros); returns its Gini impurity. */
function classStats(
  ws: TreeWorkspace,
  y: Int32Array,
  f: number,
  start: number,
  end: number,
  cls: ClassNodeStats,
): number {
  const { idx, weight } = ws;
  const base = f * ws.rows;
  const counts = cls.counts;
  let total = 0;
  let sumSq = 0;
  for (let j = start; j < end; j++) {
    const s = idx[base + j];
    const w = weight[s];
    const c = y[s];
    sumSq += w * (2 * counts[c] + w);
    counts[c] += w;
    total += w;
  }
  cls.weight = total;
  cls.sumSq = sumSq;
  return 1 - sumSq / (total * total);
}

/** Zeroes `counts` after a node, by its rows when they are fewer than the classes. */
function clearCounts(
  ws: TreeWorkspace,
  y: Int32Array,
  f: number,
  start: number,
  end: number,
  counts: Float64Array,
): void {
  if (end - start >= counts.length) {
    counts.fill(0);
    return;
  }
  const base = f * ws.rows;
  for (let j = start; j < end; j++) counts[y[ws.idx[base + j]]] = 0;
}

/** Fills the node's weighted target sum; returns its variance (sklearn's MSE impurity). */
function regressionStats(
  ws: TreeWorkspace,
  y: Float64Array,
  f: number,
  start: number,
  end: number,
  reg: RegressionNodeStats,
): number {
  const { idx, weight } = ws;
  const base = f * ws.rows;
  let total = 0;
  let sum = 0;
  let sumSq = 0;
  for (let j = start; j < end; j++) {
    const s = idx[base + j];
    const w = weight[s];
    const v = y[s];
    total += w;
    sum += w * v;
    sumSq += w * v * v;
  }
  reg.sum = sum;
  reg.weight = total;
  const mean = sum / total;
  return sumSq / total - mean * mean;
}

/**
 * Writes [start, end) of every feature's segment into the other buffer `dst`,
 * split stably into the rows going left ([start, pos) of the split feature's
 * segment) and the rest, so each child again owns one sorted range per
 * feature. Writing to a second buffer saves copying the right-hand rows back;
 * the range in `dst` is free because pending nodes own disjoint ranges.
 */
function partition(
  ws: TreeWorkspace,
  dst: Int32Array,
  splitFeature: number,
  start: number,
  pos: number,
  end: number,
): void {
  const { idx, goLeft, rows, features } = ws;
  const splitBase = splitFeature * rows;
  for (let j = start; j < pos; j++) goLeft[idx[splitBase + j]] = 1;
  for (let j = pos; j < end; j++) goLeft[idx[splitBase + j]] = 0;
  for (let f = 0; f < features; f++) {
    const base = f * rows;
    if (f === splitFeature) {
      for (let j = base + start; j < base + end; j++) dst[j] = idx[j];
      continue;
    }
    let l = base + start;
    let r = base + pos;
    // Branch-free (measured faster than an if/else: the side a row goes is hard to predict).
    for (let j = base + start; j < base + end; j++) {
      const s = idx[j];
      const g = goLeft[s];
      dst[r + g * (l - r)] = s;
      l += g;
      r += 1 - g;
    }
  }
}
