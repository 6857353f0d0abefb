import { twoProportionTest } from '../../serving/statistics/two-proportion-test.ts';
import { ecdfMerge } from './ecdf-merge.ts';
import { chi2Contingency } from './chi2-contingency.ts';
import { binCounts, decileEdges } from './deciles.ts';
import { jensenShannon, psi } from './distances.ts';
import { ksTwoSample } from './ks-two-sample.ts';
import { sortWith, type SortedCache } from './sorted-cache.ts';
import { chooseTest, FEW_VALUES, isDrift } from './test-choice.ts';
import type { DriftTestOverride, NumericColumnDrift, ZTestResult } from './types.ts';
import { distinctUpTo, pairedValueCounts, type PairedCounts } from './value-counts.ts';
import { checkSampleSizes } from './sample-checks.ts';
import { populationStd } from './wasserstein.ts';

/** Evidently divides the Wasserstein distance by max(std, 0.001) so a constant reference does not divide by 0. */
const MIN_STD = 0.001;

/**
 * Every drift statistic of one numeric column, and the verdict of its chosen
 * test. Missing and infinite cells are left out of both samples.
 *
 * PSI uses the reference deciles as bins. Jensen–Shannon uses the same bins,
 * or the distinct values when both samples together have at most 5 (where
 * deciles would merge them).
 */
export function numericDrift(
  name: string,
  reference: Float64Array,
  current: Float64Array,
  override?: DriftTestOverride,
  cache?: SortedCache,
): NumericColumnDrift {
  const sort = sortWith(cache);
  const a = sort(reference);
  const b = sort(current);
  checkSampleSizes(name, a.length, b.length);
  const distinct = distinctUpTo(a, b, FEW_VALUES);
  const choice = chooseTest('numeric', a.length, distinct, override, name);
  const merged = ecdfMerge(a, b);
  const ks = ksTwoSample(a, b, merged.ks);
  const w = merged.wasserstein;
  const wassersteinNormalized = w / Math.max(populationStd(a), MIN_STD);
  const edges = decileEdges(a);
  const refBins = binCounts(a, edges);
  const curBins = binCounts(b, edges);
  const needsValues = distinct <= FEW_VALUES || choice.test === 'chisquare' || choice.test === 'z';
  const counts = needsValues ? pairedValueCounts(a, b) : undefined;
  const js =
    counts && distinct <= FEW_VALUES
      ? jensenShannon(counts.reference, counts.current)
      : jensenShannon(refBins, curBins);
  const chi2 =
    counts && (choice.test === 'chisquare' || distinct <= FEW_VALUES)
      ? chi2Contingency(counts.reference, counts.current)
      : undefined;
  const z = counts && (choice.test === 'z' || distinct <= 2) ? zTest(counts) : undefined;
  const psiValue = psi(refBins, curBins);
  const score = {
    ks: ks.pValue,
    chisquare: chi2?.pValue ?? 1,
    z: z?.pValue ?? 1,
    wasserstein: wassersteinNormalized,
    jensenshannon: js,
    psi: psiValue,
  }[choice.test];
  return {
    name,
    kind: 'numeric',
    test: choice.test,
    reason: choice.reason,
    threshold: choice.threshold,
    score,
    drifted: isDrift(choice.test, score, choice.threshold),
    referenceCount: a.length,
    currentCount: b.length,
    ks,
    wasserstein: w,
    wassersteinNormalized,
    psi: psiValue,
    jensenShannon: js,
    ...(chi2 && { chi2 }),
    ...(z && { z }),
  };
}

/**
 * Evidently's z-test: the share of the first value in each sample, compared
 * with the pooled two-proportion z-test (p = 1 when both samples hold one and
 * the same value).
 */
export function zTest(counts: Pick<PairedCounts, 'reference' | 'current'>): ZTestResult {
  let nr = 0;
  let nc = 0;
  for (let i = 0; i < counts.reference.length; i++) {
    nr += counts.reference[i];
    nc += counts.current[i];
  }
  const result = twoProportionTest({ n: nr, correct: counts.reference[0] }, { n: nc, correct: counts.current[0] });
  return { statistic: result.z, pValue: result.pValue };
}
