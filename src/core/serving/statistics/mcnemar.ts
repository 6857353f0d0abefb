import { chiSquared1Sf } from './normal-cdf.ts';

/** McNemar's test of two models on the same rows. */
export interface McNemarResult {
  /** Rows the first model got right and the second wrong. */
  b: number;
  /** Rows the second model got right and the first wrong. */
  c: number;
  /** `exact`: min(b, c); `chi-squared`: (|b − c| − 1)² / (b + c). */
  statistic: number;
  pValue: number;
  method: 'exact' | 'chi-squared';
}

/** Below this many discordant rows the chi-squared approximation is poor: use the exact binomial test. */
export const MCNEMAR_EXACT_BELOW = 25;

/**
 * McNemar's test on the discordant counts `b` and `c`: the exact two-sided
 * binomial test when b + c < 25, else the chi-squared test with continuity
 * correction — statsmodels' `mcnemar(table, exact=True)` and
 * `mcnemar(table, exact=False, correction=True)`. With no discordant row
 * the models cannot be told apart: p = 1.
 *
 * @example
 * mcnemar(3, 12); // { b: 3, c: 12, statistic: 3, pValue: 0.0351…, method: 'exact' }
 */
export function mcnemar(b: number, c: number): McNemarResult {
  const n = b + c;
  if (n < MCNEMAR_EXACT_BELOW) {
    const k = Math.min(b, c);
    return { b, c, statistic: k, pValue: Math.min(1, 2 * binomialCdfHalf(k, n)), method: 'exact' };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / n;
  return { b, c, statistic, pValue: chiSquared1Sf(statistic), method: 'chi-squared' };
}

/** P(X ≤ k) for X ~ Binomial(n, ½), summed exactly in log space (no overflow for large n). */
export function binomialCdfHalf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // Terms C(n, i) / 2ⁿ, built by the ratio C(n, i+1) / C(n, i) = (n − i) / (i + 1).
  let logTerm = -n * Math.LN2;
  let sum = Math.exp(logTerm);
  for (let i = 0; i < k; i++) {
    logTerm += Math.log((n - i) / (i + 1));
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}
