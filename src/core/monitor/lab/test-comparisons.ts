import type { Rng } from '../../random/rng.ts';
import { numericDrift } from '../drift/numeric-drift.ts';
import { sortedFiniteValues } from '../drift/sorted-values.ts';
import { populationStd } from '../drift/wasserstein.ts';

/** What the Drift lab's comparison of tests runs: sample sizes and the shift, in reference standard deviations. */
export interface ComparisonSettings {
  /** Size of each sample in the large-sample comparison. */
  largeN: number;
  /** The (tiny) shift of the large current sample, in standard deviations. */
  shift: number;
  /** Size of each sample in the small-sample comparison. */
  smallN: number;
  /** How many pairs of small samples, all from one distribution. */
  repeats: number;
}

export const DEFAULT_COMPARISON: ComparisonSettings = { largeN: 100_000, shift: 0.03, smallN: 100, repeats: 20 };

/** Verdicts of the three statistics on one pair of samples (default thresholds). */
export interface ComparisonRow {
  ksPValue: number;
  ksStatistic: number;
  psi: number;
  wassersteinNormalized: number;
}

export interface TestComparison {
  /** Where the samples come from, in words. */
  source: string;
  settings: ComparisonSettings;
  /** One pair of large samples, the current shifted by `shift` standard deviations. */
  large: ComparisonRow;
  /** `repeats` pairs of small samples with no drift at all. */
  small: ComparisonRow[];
}

/** p < 0.05 for KS, ≥ 0.1 for PSI and normalized Wasserstein: the defaults the report uses. */
export const flags = {
  ks: (row: ComparisonRow) => row.ksPValue < 0.05,
  psi: (row: ComparisonRow) => row.psi >= 0.1,
  wasserstein: (row: ComparisonRow) => row.wassersteinNormalized >= 0.1,
};

/**
 * Shows on one distribution why the tests disagree: with 100,000 values a
 * side, KS calls a shift of 0.03 standard deviations drift (its p-value
 * measures certainty, not size) while PSI and the normalized Wasserstein
 * distance stay far below 0.1; with 100 values a side and no drift at all,
 * PSI over decile bins scatters around and above 0.1, while KS's false
 * alarms stay near the 5% its level promises.
 *
 * The samples are drawn from a smoothed bootstrap of `values` (each drawn
 * value plus normal noise of Silverman's bandwidth), so the comparison runs
 * on the shape of the user's column without its ties; from a standard
 * normal when no values are given.
 *
 * @example
 * const c = compareTests(seededRng(1), DEFAULT_COMPARISON, petalLength, 'petal_length');
 * flags.ks(c.large); // true, though the shift is tiny
 */
export function compareTests(
  rng: Rng,
  settings: ComparisonSettings = DEFAULT_COMPARISON,
  values?: Float64Array,
  column?: string,
): TestComparison {
  const source = sampler(rng, values);
  const draw = (n: number, shift: number): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = source.draw() + shift * source.std;
    return out;
  };
  const row = (a: Float64Array, b: Float64Array): ComparisonRow => {
    const d = numericDrift('comparison', a, b);
    return {
      ksPValue: d.ks.pValue,
      ksStatistic: d.ks.statistic,
      psi: d.psi,
      wassersteinNormalized: d.wassersteinNormalized,
    };
  };
  const large = row(draw(settings.largeN, 0), draw(settings.largeN, settings.shift));
  const small = Array.from({ length: settings.repeats }, () => row(draw(settings.smallN, 0), draw(settings.smallN, 0)));
  return {
    source: values && column ? `a smoothed bootstrap of "${column}"` : 'a standard normal',
    settings,
    large,
    small,
  };
}

function sampler(rng: Rng, values?: Float64Array): { draw: () => number; std: number } {
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const data = values ? sortedFiniteValues(values) : new Float64Array(0);
  const std = data.length >= 2 ? populationStd(data) : 0;
  if (!(std > 0)) return { draw: normal, std: 1 };
  const bandwidth = 1.06 * std * data.length ** -0.2;
  return { draw: () => data[Math.floor(rng() * data.length)] + bandwidth * normal(), std };
}
