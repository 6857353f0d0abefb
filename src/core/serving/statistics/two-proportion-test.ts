import { normalQuantile } from '../../metrics/normal-quantile.ts';
import { normalSf } from './normal-cdf.ts';

/** Successes out of trials in one group (correct predictions out of labelled requests). */
export interface Proportion {
  n: number;
  correct: number;
}

/** The two-sided test of `b − a` and its confidence interval. */
export interface TwoProportionResult {
  z: number;
  pValue: number;
  /** Share of `b` minus share of `a`. */
  difference: number;
  ci: [number, number];
}

/**
 * Two-sided z-test of two independent proportions, as statsmodels does it:
 * the z statistic and p-value use the pooled standard error (the null
 * hypothesis says both shares are equal) — `proportions_ztest` — and the
 * interval of the difference uses the unpooled (Wald) standard error —
 * `confint_proportions_2indep(method='wald', compare='diff')`.
 *
 * When the pooled error is 0 (both groups all right, or all wrong) the groups
 * do not differ: z is 0 and the p-value 1, where statsmodels gives NaN.
 *
 * @param level confidence level of the interval (default 0.95)
 * @example
 * twoProportionTest({ n: 500, correct: 400 }, { n: 500, correct: 430 }); // { z: 2.54…, pValue: 0.011…, difference: 0.06, ci: [0.0139…, 0.106…] }
 */
export function twoProportionTest(a: Proportion, b: Proportion, level = 0.95): TwoProportionResult {
  if (a.n <= 0 || b.n <= 0) throw new RangeError('Both groups need at least one labelled request.');
  const pa = a.correct / a.n;
  const pb = b.correct / b.n;
  const difference = pb - pa;
  const pooled = (a.correct + b.correct) / (a.n + b.n);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const z = pooledSe > 0 ? difference / pooledSe : 0;
  const pValue = pooledSe > 0 ? Math.min(1, 2 * normalSf(Math.abs(z))) : 1;
  const se = Math.sqrt((pa * (1 - pa)) / a.n + (pb * (1 - pb)) / b.n);
  const half = normalQuantile(1 - (1 - level) / 2) * se;
  return { z, pValue, difference, ci: [difference - half, difference + half] };
}
