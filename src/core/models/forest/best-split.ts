import type { TreeWorkspace } from './tree-workspace.ts';

/**
 * Values closer than this count as equal, as sklearn's FEATURE_THRESHOLD: no
 * threshold is placed between them and a feature spanning less is constant.
 */
export const FEATURE_THRESHOLD = 1e-7;

/** The best split found so far at a node; `feature` is -1 until one is found. */
export interface SplitRecord {
  feature: number;
  /** First position (in the feature's segment) of the right child. */
  pos: number;
  threshold: number;
  /** sklearn's proxy impurity improvement; only compared within one node. */
  proxy: number;
  leftPure: boolean;
  rightPure: boolean;
}

/**
 * A node's class weights, their total and sum of squares, as the Gini scan
 * needs them. `left` is scratch that must be all zeros between scans.
 */
export interface ClassNodeStats {
  counts: Float64Array;
  weight: number;
  sumSq: number;
  left: Float64Array;
}

/** A node's weighted target sum and total weight, as the squared-error scan needs them. */
export interface RegressionNodeStats {
  sum: number;
  weight: number;
}

/** Starts a node's search with no split. */
export function resetSplit(best: SplitRecord): void {
  best.feature = -1;
  best.pos = -1;
  best.threshold = 0;
  best.proxy = -Infinity;
  best.leftPure = false;
  best.rightPure = false;
}

/**
 * True when feature f takes (nearly) one value over the node's rows: its
 * segment is sorted, so the ends tell.
 */
export function isConstant(ws: TreeWorkspace, f: number, start: number, end: number): boolean {
  const base = f * ws.rows;
  const first = ws.cols[base + ws.idx[base + start]];
  const last = ws.cols[base + ws.idx[base + end - 1]];
  return last <= first + FEATURE_THRESHOLD;
}

/**
 * Tries every threshold of feature f between distinct consecutive values,
 * keeping the Gini split with the best proxy if it beats `best`. The proxy is
 * computed exactly as sklearn's `proxy_impurity_improvement`, and class
 * weights are whole bootstrap counts, so both rank candidate splits the same.
 */
export function scanGini(
  ws: TreeWorkspace,
  y: Int32Array,
  f: number,
  start: number,
  end: number,
  minLeaf: number,
  node: ClassNodeStats,
  best: SplitRecord,
): void {
  const { idx, cols, weight } = ws;
  const base = f * ws.rows;
  const { left, counts } = node;
  const nodeWeight = node.weight;
  let sumSqL = 0;
  let sumSqR = node.sumSq;
  let wL = 0;
  // sklearn's proxy equals sumSqL/wL + sumSqR/wR − nodeWeight. Positions are
  // screened without dividing (sumSqL·wR + sumSqR·wL against bestScore·wL·wR, with
  // slack for rounding) and the survivors get sklearn's exact formula, so
  // near-ties break as they do in sklearn.
  let bestScore = best.proxy + nodeWeight;
  const lastLeftEnd = end - minLeaf; // the left child may end no later than this
  let s = idx[base + start];
  let v = cols[base + s];
  for (let j = start; j < lastLeftEnd; j++) {
    const w = weight[s];
    const c = y[s];
    const a = left[c];
    left[c] = a + w;
    sumSqL += w * (2 * a + w);
    sumSqR -= w * (2 * (counts[c] - a) - w);
    wL += w;
    const nextS = idx[base + j + 1];
    const next = cols[base + nextS];
    if (j + 1 - start >= minLeaf && next > v + FEATURE_THRESHOLD) {
      const wR = nodeWeight - wL;
      const lr = wL * wR;
      if (sumSqL * wR + sumSqR * wL >= (bestScore - 1e-9 * (nodeWeight + Math.abs(bestScore))) * lr) {
        const proxy = -wR * (1 - sumSqR / (wR * wR)) - wL * (1 - sumSqL / (wL * wL));
        if (proxy > best.proxy) {
          best.proxy = proxy;
          bestScore = sumSqL / wL + sumSqR / wR;
          best.feature = f;
          best.pos = j + 1;
          best.threshold = midpoint(v, next);
          best.leftPure = sumSqL === wL * wL;
          best.rightPure = sumSqR === wR * wR;
        }
      }
    }
    s = nextS;
    v = next;
  }
  if (end - start < left.length) {
    for (let j = start; j < end; j++) left[y[idx[base + j]]] = 0;
  } else {
    left.fill(0);
  }
}

/**
 * Same scan for regression with sklearn's squared-error proxy
 * (sum_left² / w_left + sum_right² / w_right).
 */
export function scanSquaredError(
  ws: TreeWorkspace,
  y: Float64Array,
  f: number,
  start: number,
  end: number,
  minLeaf: number,
  node: RegressionNodeStats,
  best: SplitRecord,
): void {
  const { idx, cols, weight } = ws;
  const base = f * ws.rows;
  let sumL = 0;
  let wL = 0;
  const lastLeftEnd = end - minLeaf;
  let s = idx[base + start];
  let v = cols[base + s];
  for (let j = start; j < lastLeftEnd; j++) {
    const w = weight[s];
    sumL += w * y[s];
    wL += w;
    const nextS = idx[base + j + 1];
    const next = cols[base + nextS];
    if (j + 1 - start >= minLeaf && next > v + FEATURE_THRESHOLD) {
      const sumR = node.sum - sumL;
      const wR = node.weight - wL;
      // Screen without dividing (slack for rounding), then sklearn's exact proxy decides.
      const screen = sumL * sumL * wR + sumR * sumR * wL;
      if (screen >= (best.proxy - 1e-9 * Math.abs(best.proxy)) * wL * wR) {
        const proxy = (sumL * sumL) / wL + (sumR * sumR) / wR;
        if (proxy > best.proxy) {
          best.proxy = proxy;
          best.feature = f;
          best.pos = j + 1;
          best.threshold = midpoint(v, next);
          best.leftPure = false;
          best.rightPure = false;
        }
      }
    }
    s = nextS;
    v = next;
  }
}

/** sklearn's threshold: the halves' sum (no overflow), or the lower value when rounding lands on the upper. */
function midpoint(low: number, high: number): number {
  const t = low / 2 + high / 2;
  return t === high || !Number.isFinite(t) ? low : t;
}
