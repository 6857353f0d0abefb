import type { StringColumn } from '../../data/types.ts';
import { chi2Contingency } from './chi2-contingency.ts';
import { jensenShannon, psi } from './distances.ts';
import { zTest } from './numeric-drift.ts';
import { checkSampleSizes } from './sample-checks.ts';
import { chooseTest, isDrift } from './test-choice.ts';
import type { CategoricalColumnDrift, DriftTestOverride } from './types.ts';

/** Counts per category of both samples, aligned on the union of categories (reference order first). */
export interface CategoryCounts {
  categories: string[];
  reference: Float64Array;
  current: Float64Array;
}

export function categoryCounts(reference: StringColumn, current: StringColumn): CategoryCounts {
  const refCodes = codeCounts(reference);
  const curCodes = codeCounts(current);
  const index = new Map<string, number>();
  const ref: number[] = [];
  const cur: number[] = [];
  const categories: string[] = [];
  const add = (category: string, r: number, c: number): void => {
    let at = index.get(category);
    if (at === undefined) {
      at = categories.length;
      index.set(category, at);
      categories.push(category);
      ref.push(0);
      cur.push(0);
    }
    ref[at] += r;
    cur[at] += c;
  };
  reference.dictionary.forEach((category, code) => refCodes[code] > 0 && add(category, refCodes[code], 0));
  current.dictionary.forEach((category, code) => curCodes[code] > 0 && add(category, 0, curCodes[code]));
  return { categories, reference: Float64Array.from(ref), current: Float64Array.from(cur) };
}

function codeCounts(column: StringColumn): Float64Array {
  const counts = new Float64Array(column.dictionary.length);
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i];
    if (code >= 0) counts[code]++;
  }
  return counts;
}

/**
 * Every drift statistic of one categorical column over the category
 * proportions (missing cells left out): the chi-squared test on the 2 × K
 * table, PSI and Jensen–Shannon, plus the z-test for two categories.
 */
export function categoricalDrift(
  name: string,
  reference: StringColumn,
  current: StringColumn,
  override?: DriftTestOverride,
): CategoricalColumnDrift {
  const counts = categoryCounts(reference, current);
  const nr = counts.reference.reduce((s, c) => s + c, 0);
  const nc = counts.current.reduce((s, c) => s + c, 0);
  checkSampleSizes(name, nr, nc);
  const distinct = counts.categories.length;
  const choice = chooseTest('categorical', nr, distinct, override, name);
  const chi2 = chi2Contingency(counts.reference, counts.current);
  const psiValue = psi(counts.reference, counts.current);
  const js = jensenShannon(counts.reference, counts.current);
  const z = choice.test === 'z' || distinct <= 2 ? zTest(counts) : undefined;
  const score = {
    ks: 1,
    wasserstein: 0,
    chisquare: chi2.pValue,
    z: z?.pValue ?? 1,
    jensenshannon: js,
    psi: psiValue,
  }[choice.test];
  return {
    name,
    kind: 'categorical',
    test: choice.test,
    reason: choice.reason,
    threshold: choice.threshold,
    score,
    drifted: isDrift(choice.test, score, choice.threshold),
    referenceCount: nr,
    currentCount: nc,
    chi2,
    psi: psiValue,
    jensenShannon: js,
    ...(z && { z }),
  };
}
