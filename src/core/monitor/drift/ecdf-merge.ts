/**
 * The two statistics that compare whole empirical CDFs, from one merge of
 * two ascending samples: the Kolmogorov–Smirnov statistic sup |F_u − F_v|
 * and the first Wasserstein distance ∫ |F_u − F_v| dx. Both step through
 * the same pooled distinct values, so the drift report walks the two
 * million-value arrays once instead of twice (the walk costs about as much
 * as a radix sort pass).
 *
 * - KS, as `scipy.stats.ks_2samp`: the CDFs are right-continuous and equal
 *   values are stepped past at once (ties).
 * - Wasserstein, as `scipy.stats.wasserstein_distance(u, v)`: the CDF gap
 *   times the distance to the next pooled value, summed with Neumaier
 *   compensation (a million small terms).
 *
 * @example
 * ecdfMerge(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8)); // { ks: 1, wasserstein: 5 }
 */
export function ecdfMerge(u: Float64Array, v: Float64Array): { ks: number; wasserstein: number } {
  const nu = u.length;
  const nv = v.length;
  let i = 0;
  let j = 0;
  let maxUp = 0;
  let maxDown = 0;
  let sum = 0;
  let carry = 0;
  while (i < nu || j < nv) {
    const x = j >= nv || (i < nu && u[i] <= v[j]) ? u[i] : v[j];
    while (i < nu && u[i] <= x) i++;
    while (j < nv && v[j] <= x) j++;
    const gap = i / nu - j / nv;
    // Once one sample is used up the gap only closes, so the maxima are final.
    if (gap > maxUp) maxUp = gap;
    if (-gap > maxDown) maxDown = -gap;
    if (i === nu && j === nv) break;
    const next = j >= nv || (i < nu && u[i] <= v[j]) ? u[i] : v[j];
    const term = Math.abs(gap) * (next - x);
    const t = sum + term;
    carry += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return { ks: maxDown > maxUp ? Math.min(maxDown, 1) : maxUp, wasserstein: sum + carry };
}
