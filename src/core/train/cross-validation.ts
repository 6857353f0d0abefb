import type { Rng } from '../random/rng.ts';
import { shuffleInPlace } from '../random/shuffle.ts';

/**
 * Assigns each usable row (stratum ≥ 0) to one of `folds` folds: rows of each
 * stratum are shuffled with the rng and dealt round-robin, so every fold gets
 * about the same share of each class (stratified k-fold). −1 = not used.
 */
export function assignFolds(strata: Int32Array, folds: number, rng: Rng): Int32Array {
  const fold = new Int32Array(strata.length).fill(-1);
  const groups = new Map<number, number[]>();
  strata.forEach((s, r) => {
    if (s >= 0) (groups.get(s) ?? groups.set(s, []).get(s)!).push(r);
  });
  let next = 0;
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    for (const r of shuffleInPlace(groups.get(key)!, rng)) fold[r] = next++ % folds;
  }
  return fold;
}

/** Mean and (population) standard deviation, as reported for k-fold scores. */
export function meanStd(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, std: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) };
}
