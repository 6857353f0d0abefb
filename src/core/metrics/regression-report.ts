import { meanAbsoluteError, r2Score, rootMeanSquaredError } from './regression.ts';
import type { RegressionReport } from './report-types.ts';

/**
 * All regression metrics of one evaluation (MAE, RMSE, R²), each equal to
 * scikit-learn's on the same predictions.
 *
 * @example
 * regressionReport([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // { task: 'regression', n: 4, mae: 0.5, rmse: 0.612…, r2: 0.948… }
 */
export function regressionReport(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionReport {
  return {
    task: 'regression',
    n: yTrue.length,
    mae: meanAbsoluteError(yTrue, yPred),
    rmse: rootMeanSquaredError(yTrue, yPred),
    r2: r2Score(yTrue, yPred),
  };
}
