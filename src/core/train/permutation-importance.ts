import type { Rng } from '../random/rng.ts';
import { shuffleInPlace } from '../random/shuffle.ts';
import { stepWidth, type Preprocessor } from './preprocess.ts';

export interface FeatureImportance {
  feature: string;
  /** Mean drop of the score when the feature's values are shuffled among the held-out rows. */
  mean: number;
  std: number;
}

/**
 * Permutation importance on held-out rows (as scikit-learn's
 * `permutation_importance`): shuffle one input column — its whole one-hot
 * block together — across rows, re-score, and report the mean and standard
 * deviation of the score drop over `repeats` shuffles.
 */
export async function permutationImportance(
  pre: Preprocessor,
  x: Float64Array,
  rows: number,
  width: number,
  score: (x: Float64Array) => Promise<number>,
  rng: Rng,
  repeats = 5,
): Promise<FeatureImportance[]> {
  const baseline = await score(x);
  const result: FeatureImportance[] = [];
  let offset = 0;
  for (const step of pre.steps) {
    const span = stepWidth(step);
    const drops: number[] = [];
    for (let rep = 0; rep < repeats && span > 0; rep++) {
      const order = shuffleInPlace(
        Int32Array.from({ length: rows }, (_, i) => i),
        rng,
      );
      const shuffled = x.slice();
      for (let r = 0; r < rows; r++) {
        const from = order[r] * width + offset;
        shuffled.set(x.subarray(from, from + span), r * width + offset);
      }
      drops.push(baseline - (await score(shuffled)));
    }
    const mean = drops.length ? drops.reduce((a, b) => a + b, 0) / drops.length : 0;
    const std = drops.length ? Math.sqrt(drops.reduce((a, d) => a + (d - mean) ** 2, 0) / drops.length) : 0;
    result.push({ feature: step.name, mean, std });
    offset += span;
  }
  return result.sort((a, b) => b.mean - a.mean);
}
