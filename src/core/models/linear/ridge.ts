import { checkDesign, checkPositive, checkRegression, type DesignMatrix, type RegressionData } from './linear-data.ts';
import { solveCholesky } from './cholesky.ts';

/** Hyperparameters of {@link fitRidge}. */
export interface RidgeOptions {
  /** L2 strength on the weights (not the intercept). Default 1, as sklearn's Ridge(). */
  alpha?: number;
}

/** A fitted ridge regression, plain JSON: prediction = intercept + coef · x. */
export interface RidgeModel {
  kind: 'ridge';
  features: number;
  alpha: number;
  coef: number[];
  intercept: number;
}

/**
 * Fits ridge regression exactly, as scikit-learn's `Ridge()`: center X and y,
 * solve (XcᵀXc + αI) w = Xcᵀyc by Cholesky, intercept = ȳ − x̄·w (so the
 * intercept is not penalized).
 *
 * @example
 * const model = fitRidge({ x, rows, features, y }, { alpha: 1 });
 * predictRidge(model, { x, rows, features });
 */
export function fitRidge(data: RegressionData, options: RidgeOptions = {}): RidgeModel {
  const alpha = options.alpha ?? 1;
  checkPositive('alpha', alpha, true);
  checkRegression(data);
  const { x, rows, features: p, y } = data;

  const xMean = new Float64Array(p);
  let yMean = 0;
  for (let i = 0; i < rows; i++) {
    const off = i * p;
    for (let j = 0; j < p; j++) xMean[j] += x[off + j];
    yMean += y[i];
  }
  for (let j = 0; j < p; j++) xMean[j] /= rows;
  yMean /= rows;

  // Gram matrix of the centered data (lower triangle) and Xcᵀyc; centering
  // each row before multiplying keeps the sums well conditioned.
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const row = new Float64Array(p);
  for (let i = 0; i < rows; i++) {
    const off = i * p;
    for (let j = 0; j < p; j++) row[j] = x[off + j] - xMean[j];
    const yc = y[i] - yMean;
    for (let a = 0; a < p; a++) {
      const va = row[a];
      xty[a] += va * yc;
      const base = a * p;
      for (let b = 0; b <= a; b++) gram[base + b] += va * row[b];
    }
  }
  for (let j = 0; j < p; j++) gram[j * p + j] += alpha;

  const w = solveCholesky(gram, xty, p);
  let intercept = yMean;
  for (let j = 0; j < p; j++) intercept -= xMean[j] * w[j];
  return { kind: 'ridge', features: p, alpha, coef: Array.from(w), intercept };
}

/** Predictions intercept + coef·xᵢ for every row. */
export function predictRidge(model: RidgeModel, m: DesignMatrix): Float64Array {
  checkDesign(m, model.features);
  const { x, rows, features: p } = m;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const off = i * p;
    let z = model.intercept;
    for (let j = 0; j < p; j++) z += model.coef[j] * x[off + j];
    out[i] = z;
  }
  return out;
}
