/**
 * The exact null distribution of the two-sample Kolmogorov–Smirnov statistic
 * (two-sided), as SciPy's `ks_2samp(method='exact')` computes it.
 */

/**
 * Pr(D_{n,n} ≥ h/n) for equal sample sizes: the alternating binomial sum
 * 2·Σ (−1)^{k−1} C(2n, n − kh)/C(2n, n), nested Horner-style to avoid
 * cancellation (SciPy's `_compute_prob_outside_square`).
 */
export function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}

/**
 * Pr(D_{m,n} ≥ h/lcm(m, n)) for unequal sizes: one minus the share of
 * lattice paths from (0,0) to (m,n) that stay strictly inside |x/m − y/n| <
 * h/lcm, by Hodges' inside method with Viehmann's (2021) recursion for the
 * complement — SciPy's `_compute_outer_prob_inside_method`, with g = gcd(m, n).
 */
export function probOutsideInside(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1];
}
