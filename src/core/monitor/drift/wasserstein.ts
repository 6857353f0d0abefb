/**
 * The first Wasserstein (earth mover's) distance between two ascending
 * samples: ∫ |F_u(x) − F_v(x)| dx, as `scipy.stats.wasserstein_distance(u, v)`
 * computes it — the empirical CDFs compared between consecutive pooled values.
 *
 * @example
 * wasserstein(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8)); // 5
 */
export function wasserstein(u: Float64Array, v: Float64Array): number {
  const nu = u.length;
  const nv = v.length;
  let i = 0;
  let j = 0;
  let sum = 0;
  let carry = 0; // Neumaier compensation: a million small terms
  while (i < nu || j < nv) {
    const x = j >= nv || (i < nu && u[i] <= v[j]) ? u[i] : v[j];
    while (i < nu && u[i] <= x) i++;
    while (j < nv && v[j] <= x) j++;
    if (i === nu && j === nv) break;
    const next = j >= nv || (i < nu && u[i] <= v[j]) ? u[i] : v[j];
    const term = Math.abs(i / nu - j / nv) * (next - x);
    const t = sum + term;
    carry += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + carry;
}

/** The population standard deviation (numpy's `std`, ddof 0), two passes. */
export function populationStd(values: Float64Array): number {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return Math.sqrt(ss / n);
}
