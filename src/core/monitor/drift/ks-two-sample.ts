import { ecdfMerge } from './ecdf-merge.ts';
import { kolmogorovSf } from './kolmogorov-sf.ts';
import { probOutsideInside, probOutsideSquare } from './ks-exact.ts';
import type { KsResult } from './types.ts';

/** SciPy's `ks_2samp` default: exact when both samples have at most this many values. */
export const KS_EXACT_MAX_N = 10_000;

/**
 * The two-sided two-sample Kolmogorov–Smirnov test on two ascending samples,
 * matching `scipy.stats.ks_2samp(a, b)` (method 'auto'): D = sup |F_a − F_b|
 * over the pooled values (ties handled by stepping past equal values at
 * once); the exact p-value when max(n₁, n₂) ≤ 10,000, else SciPy's
 * asymptotic one, `kstwo.sf(D, round(n₁n₂/(n₁+n₂)))`. In exact mode D is
 * rounded to the lattice h/lcm(n₁, n₂) as SciPy returns it. Pass `statistic`
 * when D is known already (the drift report takes it from `ecdfMerge`).
 *
 * @example
 * ksTwoSample(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)); // { statistic: 1, pValue: 0.1, method: 'exact' }
 */
export function ksTwoSample(a: Float64Array, b: Float64Array, statistic = ksStatistic(a, b)): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('Both samples need at least one value.');
  let d = statistic;
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) return { statistic: d, pValue: 1, method: 'exact' };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideInside(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic: d, pValue: p, method: 'exact' };
    // SciPy falls back to the asymptotic distribution when the exact sum fails.
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  const p = kolmogorovSf(roundHalfEven(en), d);
  return { statistic: d, pValue: Math.min(1, Math.max(0, p)), method: 'asymptotic' };
}

/** sup |F_a(x) − F_b(x)| of the two empirical CDFs (right-continuous), both inputs sorted. */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  return ecdfMerge(a, b).ks;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** numpy's `round`: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
