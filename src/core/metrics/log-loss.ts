import { numpyMean, pairwiseSum } from './numpy-sum.ts';
import { checkClassCount, checkClassIndices, checkNonEmpty, checkProbabilities } from './validate.ts';

/** Float64 machine epsilon: sklearn 1.2's `eps="auto"` for float64 probabilities. */
export const LOG_LOSS_EPS = Number.EPSILON;

/**
 * Mean negative log-likelihood of the actual classes (cross-entropy), equal
 * to sklearn 1.2's `log_loss(y, proba, labels=range(k))`.
 *
 * As sklearn 1.2 does: every probability is first clipped to
 * `[eps, 1 - eps]` with `eps = 2.22e-16` (float64 epsilon; sklearn < 1.2 used
 * 1e-15), then each row is divided by its sum, so a confident wrong answer
 * costs about 36 rather than Infinity and rows that do not quite sum to 1 are
 * renormalised. Natural logarithm; mean over rows.
 *
 * @param yTrue actual class indices (0..k-1)
 * @param proba row-major `n × k` predicted probabilities
 * @param k number of classes (at least 2)
 * @example
 * logLoss([1, 0, 0, 1], [0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65], 2); // 0.21616…
 */
export function logLoss(yTrue: ArrayLike<number>, proba: ArrayLike<number>, k: number): number {
  checkNonEmpty(yTrue, 'yTrue');
  checkClassCount(k);
  checkClassIndices(yTrue, k, 'yTrue');
  checkProbabilities(proba, yTrue.length, k);
  const n = yTrue.length;
  const row = new Float64Array(k);
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) row[c] = Math.min(Math.max(proba[i * k + c], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    losses[i] = -Math.log(row[yTrue[i]] / pairwiseSum(row));
  }
  return numpyMean(losses);
}
