import { WorkbenchError } from '../errors.ts';
import { normalQuantile } from '../metrics/normal-quantile.ts';

/** A mean with its confidence interval. */
export interface MeanInterval {
  estimate: number;
  low: number;
  high: number;
  confidence: number;
}

/**
 * Normal-approximation interval for the mean of `values`:
 * mean ± z·s/√n with s the sample standard deviation (n − 1), as
 * `scipy.stats.norm.interval(confidence, loc=mean, scale=scipy.stats.sem(values))`.
 * The normal (not Student t) quantile suits the test sets a model card
 * reports on (tens of rows or more); say so wherever it is shown.
 */
export function meanInterval(values: ArrayLike<number>, confidence = 0.95): MeanInterval {
  const n = values.length;
  if (n < 2)
    throw new WorkbenchError(
      'metrics.bad_count',
      `An interval for a mean needs at least 2 values, got ${n}. Evaluate on more rows.`,
    );
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values[i] - mean) ** 2;
  const sem = Math.sqrt(sq / (n - 1)) / Math.sqrt(n);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return { estimate: mean, low: mean - z * sem, high: mean + z * sem, confidence };
}

/**
 * Intervals for MAE and RMSE from the held-out errors (actual − predicted):
 * MAE by {@link meanInterval} of |e| (low clipped at 0); RMSE as the square
 * root of the interval for the mean of e² (a monotone transform keeps the
 * coverage; low clipped at 0).
 */
export function regressionErrorIntervals(
  errors: ArrayLike<number>,
  confidence = 0.95,
): { mae: MeanInterval; rmse: MeanInterval } {
  const abs = Float64Array.from(errors as ArrayLike<number>, Math.abs);
  const squared = Float64Array.from(errors as ArrayLike<number>, (e) => e * e);
  const mae = meanInterval(abs, confidence);
  const mse = meanInterval(squared, confidence);
  return {
    mae: { ...mae, low: Math.max(0, mae.low) },
    rmse: {
      estimate: Math.sqrt(mse.estimate),
      low: Math.sqrt(Math.max(0, mse.low)),
      high: Math.sqrt(mse.high),
      confidence,
    },
  };
}
