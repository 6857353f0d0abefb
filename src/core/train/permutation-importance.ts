import type { Rng } from '../random/rng.ts';
import { shuffleInPlace } from '../random/shuffle.ts';
import { stepWidth, type Preprocessor } from './preprocess.ts';

export interface FeatureImportance {
  feature: string;
  /** Mean drop of the score when the feature's values are shuffled among the held-out rows. */
  mean: number;
  std: number;
  /** 95% interval of the mean drop over the repeats (Student's t), when there are at least two. */
  low?: number;
  high?: number;
}

/** How many held-out rows importance re-scored, of how many, and how often. */
export interface ImportanceSample {
  rows: number;
  of: number;
  repeats: number;
}

/**
 * At most this many held-out rows are re-scored per permutation. Measured
 * on a letter-like table (4,000 held-out rows × 16 features, 5 repeats):
 * re-scoring every row took the forest twice as long as training it;
 * a 1,000-row sample cuts that four-fold, and the 95% interval reported
 * with each importance shows what the sample costs in precision.
 */
export const IMPORTANCE_MAX_ROWS = 1000;
const REPEATS = 5;
/** Student's t, two-sided 95%, by degrees of freedom (repeats − 1). */
const T95 = [NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262];

export interface ImportanceOptions {
  repeats?: number;
  maxRows?: number;
  /** After each permutation is scored: `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Permutation importance on held-out rows (as scikit-learn's
 * `permutation_importance`): shuffle one input column — its whole one-hot
 * block together — across rows, re-score, and report the mean and standard
 * deviation of the score drop over `repeats` shuffles. With more than
 * `maxRows` rows, a seeded sample of `maxRows` of them is used (the same
 * for every feature); `score` gets the matrix and which of the `rows` its
 * rows are.
 */
export async function permutationImportance(
  pre: Preprocessor,
  x: Float64Array,
  rows: number,
  width: number,
  score: (x: Float64Array, rowsOfX: Int32Array) => Promise<number>,
  rng: Rng,
  options: ImportanceOptions = {},
): Promise<{ importance: FeatureImportance[]; sample: ImportanceSample }> {
  const repeats = options.repeats ?? REPEATS;
  const maxRows = options.maxRows ?? IMPORTANCE_MAX_ROWS;
  const all = Int32Array.from({ length: rows }, (_, i) => i);
  // Drawn only when sampling, so a small test set gives the same shuffles as before sampling existed.
  const picked = rows > maxRows ? shuffleInPlace(all, rng).slice(0, maxRows).sort() : all;
  const n = picked.length;
  const xs = n === rows ? x : gatherRows(x, picked, width);
  const baseline = await score(xs, picked);
  const scored = pre.steps.filter((s) => stepWidth(s) > 0).length * repeats;
  let done = 0;
  const result: FeatureImportance[] = [];
  let offset = 0;
  for (const step of pre.steps) {
    const span = stepWidth(step);
    const drops: number[] = [];
    for (let rep = 0; rep < repeats && span > 0; rep++) {
      const order = shuffleInPlace(
        Int32Array.from({ length: n }, (_, i) => i),
        rng,
      );
      const shuffled = xs.slice();
      for (let r = 0; r < n; r++) {
        const from = order[r] * width + offset;
        shuffled.set(xs.subarray(from, from + span), r * width + offset);
      }
      drops.push(baseline - (await score(shuffled, picked)));
      options.onProgress?.(++done, scored);
    }
    result.push({ feature: step.name, ...summarize(drops) });
    offset += span;
  }
  return { importance: result.sort((a, b) => b.mean - a.mean), sample: { rows: n, of: rows, repeats } };
}

function summarize(drops: number[]): Omit<FeatureImportance, 'feature'> {
  const k = drops.length;
  const mean = k ? drops.reduce((a, b) => a + b, 0) / k : 0;
  const ss = drops.reduce((a, d) => a + (d - mean) ** 2, 0);
  // std as scikit-learn's importances_std (population); the interval uses the sample std.
  const std = k ? Math.sqrt(ss / k) : 0;
  if (k < 2) return { mean, std };
  const half = (T95[k - 1] ?? 1.96) * Math.sqrt(ss / (k - 1) / k);
  return { mean, std, low: mean - half, high: mean + half };
}

function gatherRows(x: Float64Array, rows: Int32Array, width: number): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((r, i) => out.set(x.subarray(r * width, (r + 1) * width), i * width));
  return out;
}
