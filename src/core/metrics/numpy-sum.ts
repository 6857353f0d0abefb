/**
 * Sums that round the way NumPy's `np.sum` / `np.mean` do on a contiguous
 * float64 array (pairwise summation with an 8-way unrolled base case), so our
 * metrics agree with scikit-learn's to the last bit rather than only to 1e-13.
 */

/** NumPy's block size below which it stops splitting (PW_BLOCKSIZE). */
const BLOCK = 128;

function pairwise(values: ArrayLike<number>, start: number, n: number): number {
  if (n < 8) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[start + i];
    return sum;
  }
  if (n <= BLOCK) {
    const r = new Float64Array(8);
    for (let j = 0; j < 8; j++) r[j] = values[start + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += values[start + i + j];
    }
    // prettier-ignore
    let sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) sum += values[start + i];
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwise(values, start, half) + pairwise(values, start + half, n - half);
}

/**
 * Sum of `values` in NumPy's pairwise order (`np.add.reduce` on float64).
 *
 * @example
 * pairwiseSum([0.1, 0.2, 0.3]); // 0.6000000000000001, as np.sum gives
 */
export function pairwiseSum(values: ArrayLike<number>): number {
  return pairwise(values, 0, values.length);
}

/** Arithmetic mean in NumPy's order (`np.mean`): pairwise sum, then one division. */
export function numpyMean(values: ArrayLike<number>): number {
  return pairwiseSum(values) / values.length;
}

/**
 * Weighted mean as `np.average(values, weights)` computes it:
 * `sum(values * weights) / sum(weights)`, both sums pairwise.
 */
export function numpyWeightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const products = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) products[i] = values[i] * weights[i];
  return pairwiseSum(products) / pairwiseSum(weights);
}
