import { numpyMean, pairwiseSum } from './numpy-sum.ts';
import { checkFinite, checkNonEmpty, checkSameLength } from './validate.ts';

function checkRegression(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  checkNonEmpty(yTrue, 'yTrue');
  checkSameLength(yTrue, yPred, ['yTrue', 'yPred']);
  checkFinite(yTrue, 'yTrue');
  checkFinite(yPred, 'yPred');
}

/**
 * Mean absolute error, as sklearn's `mean_absolute_error`.
 *
 * @example
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegression(yTrue, yPred);
  const errors = new Float64Array(yTrue.length);
  for (let i = 0; i < errors.length; i++) errors[i] = Math.abs(yPred[i] - yTrue[i]);
  return numpyMean(errors);
}

/**
 * Root mean squared error, as sklearn's `mean_squared_error(squared=False)`.
 *
 * @example
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.6123…
 */
export function rootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegression(yTrue, yPred);
  return Math.sqrt(numpyMean(squaredErrors(yTrue, yPred)));
}

function squaredErrors(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Float64Array {
  const out = new Float64Array(yTrue.length);
  for (let i = 0; i < out.length; i++) {
    const d = yTrue[i] - yPred[i];
    out[i] = d * d;
  }
  return out;
}

/**
 * Coefficient of determination R², as sklearn's `r2_score` (with its default
 * `force_finite=True`): `1 - SS_res / SS_tot`. It can be negative for a model
 * worse than predicting the mean.
 *
 * Edge cases, all as sklearn: a constant `yTrue` (SS_tot = 0) gives **1** when
 * every prediction is exact and **0** otherwise (instead of NaN / -Infinity);
 * a single row gives **NaN** (R² is not defined for fewer than two samples).
 *
 * @example
 * r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9486…
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkRegression(yTrue, yPred);
  if (yTrue.length < 2) return NaN;
  const numerator = pairwiseSum(squaredErrors(yTrue, yPred));
  const mean = numpyMean(yTrue);
  const deviations = new Float64Array(yTrue.length);
  for (let i = 0; i < deviations.length; i++) {
    const d = yTrue[i] - mean;
    deviations[i] = d * d;
  }
  const denominator = pairwiseSum(deviations);
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}
