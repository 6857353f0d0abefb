import { kolmogorovCdfDurbin } from './kolmogorov-durbin.ts';
import { kolmogorovCdfPelzGood } from './kolmogorov-pelz-good.ts';
import { kolmogorovCdfPomeranz } from './kolmogorov-pomeranz.ts';
import { smirnovSf } from './smirnov.ts';

// Stirling series coefficients B_2j / (2j(2j − 1)), j = 8 … 1 (as SciPy's).
// prettier-ignore
const STIRLING = [-2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
  8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3,
  8.3333333333333333333e-2];

/** log(n! / nⁿ) by Stirling's series, without the cancellation of n·log n. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
}

const clip = (p: number): number => Math.min(1, Math.max(0, p));

/**
 * Pr(D_n ≥ x): the survival function of the one-sample two-sided Kolmogorov
 * statistic for sample size n — SciPy's `kstwo.sf(x, n)`, with the same
 * choice of method by n and n·x² (Simard & L'Ecuyer 2011): Ruben–Gambino
 * closed forms at the ends, twice Smirnov's one-sided tail where the
 * two-sided events cannot overlap or barely do, Durbin's matrix, Pomeranz's
 * recursion, or the Pelz–Good asymptotic series.
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const cdf = n <= 140 ? product(n, 2 * t - 1) : Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 0.754693) return clip(1 - kolmogorovCdfDurbin(n, x));
    if (nx2 <= 4) return clip(1 - kolmogorovCdfPomeranz(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  let cdf: number;
  if (nx2 >= 18) cdf = 1;
  else if (n <= 100_000 && n * x ** 1.5 <= 1.4) cdf = kolmogorovCdfDurbin(n, x);
  else cdf = kolmogorovCdfPelzGood(n, x);
  return clip(1 - clip(cdf));
}

/** Π_{i=1..n} (i/n)·base, in SciPy's order. */
function product(n: number, base: number): number {
  let p = 1;
  for (let i = 1; i <= n; i++) p *= i * (1 / n) * base;
  return p;
}
