/* Numerically stable link functions shared by the logistic loss and prediction. */

/**
 * Replaces `k` scores starting at `offset` by their softmax and returns the
 * log-sum-exp of the original scores. Shifting by the maximum keeps exp()
 * from overflowing whatever the scores' size.
 *
 * @example
 * const s = new Float64Array([1000, 1000]);
 * softmaxInPlace(s, 0, 2); // 1000 + ln 2; s is now [0.5, 0.5]
 */
export function softmaxInPlace(scores: Float64Array, offset: number, k: number): number {
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (scores[offset + c] > max) max = scores[offset + c];
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(scores[offset + c] - max);
    scores[offset + c] = e;
    sum += e;
  }
  const inv = 1 / sum;
  for (let c = 0; c < k; c++) scores[offset + c] *= inv;
  return max + Math.log(sum);
}

/** The logistic function 1 / (1 + e^−z), without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) (softplus), accurate for large and very negative z. */
export function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
