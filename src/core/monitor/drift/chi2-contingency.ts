import { chiSquaredSf } from './chi-squared-sf.ts';
import type { Chi2Result } from './types.ts';

/**
 * Pearson's chi-squared test of independence on the 2 × K table of counts
 * (reference row, current row), as `scipy.stats.chi2_contingency` computes
 * it: expected counts from the margins, dof = K − 1, and — as SciPy does by
 * default, only when dof = 1 — Yates' continuity correction (each observed
 * count moved up to 0.5 toward its expected count). One category: dof 0,
 * statistic 0, p-value 1. Categories must have a count in at least one row.
 *
 * @example
 * chi2Contingency(Float64Array.of(10, 20, 30), Float64Array.of(20, 20, 20)); // { statistic: 5.33…, dof: 2, pValue: 0.0694… }
 */
export function chi2Contingency(reference: Float64Array, current: Float64Array): Chi2Result {
  const k = reference.length;
  const dof = k - 1;
  if (dof === 0) return { statistic: 0, dof: 0, pValue: 1 };
  let nr = 0;
  let nc = 0;
  for (let i = 0; i < k; i++) {
    nr += reference[i];
    nc += current[i];
  }
  const total = nr + nc;
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const column = reference[i] + current[i];
    statistic += term(reference[i], (nr * column) / total, dof);
    statistic += term(current[i], (nc * column) / total, dof);
  }
  return { statistic, dof, pValue: chiSquaredSf(statistic, dof) };
}

function term(observed: number, expected: number, dof: number): number {
  let o = observed;
  if (dof === 1) {
    const diff = expected - observed;
    o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
  }
  return (o - expected) ** 2 / expected;
}
