import { WorkbenchError } from '../../errors.ts';

/**
 * Solves A·x = b for a symmetric positive-definite n × n matrix A (row-major;
 * only its lower triangle is read) by Cholesky factorization A = L·Lᵀ.
 * Throws `model.singular` when A is not positive definite, or so close to
 * singular (a pivot below 1e-12 of its diagonal entry) that the solution
 * would be rounding noise.
 *
 * @example
 * solveCholesky(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2); // [0.5, 0]
 */
export function solveCholesky(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let q = 0; q < j; q++) s -= l[i * n + q] * l[j * n + q];
      if (i === j) {
        // Relative test: exact collinearity leaves rounding noise, not zero, on the pivot.
        if (!(s > 1e-12 * Math.abs(a[i * n + i]))) {
          throw new WorkbenchError(
            'model.singular',
            'The normal equations are singular: some features are constant or exact combinations of others. Raise alpha above 0 or drop the redundant features.',
          );
        }
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
  }
  // Forward (L·z = b), then back (Lᵀ·x = z) substitution.
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let q = 0; q < i; q++) s -= l[i * n + q] * x[q];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let q = i + 1; q < n; q++) s -= l[q * n + i] * x[q];
    x[i] = s / l[i * n + i];
  }
  return x;
}
