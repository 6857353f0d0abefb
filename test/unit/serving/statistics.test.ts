import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mcnemar } from '../../../src/core/serving/statistics/mcnemar.ts';
import { chiSquared1Sf, erfc, normalSf } from '../../../src/core/serving/statistics/normal-cdf.ts';
import { latencySummary } from '../../../src/core/serving/statistics/percentile.ts';
import { plannedSampleSize } from '../../../src/core/serving/statistics/power.ts';
import { twoProportionTest } from '../../../src/core/serving/statistics/two-proportion-test.ts';

// Reference values from statsmodels 0.13.5 and SciPy (test/fixtures/serving/make_serving_stats.py).
interface Fixtures {
  twoProportion: {
    stable: { n: number; correct: number };
    candidate: { n: number; correct: number };
    z: number;
    pValue: number;
    difference: number;
    ci: [number, number];
  }[];
  mcnemar: { b: number; c: number; method: string; statistic: number; pValue: number }[];
  power: {
    baseline: number;
    effect: number;
    alpha: number;
    power: number;
    ratio: number;
    effectSize: number;
    nobs1: number;
  }[];
  normal: { x: number; erfc: number; sf: number; chi2Sf: number }[];
}
const fixtures = JSON.parse(
  readFileSync(new URL('../../fixtures/serving/serving-stats.json', import.meta.url), 'utf8'),
) as Fixtures;

const close = (actual: number, expected: number, relative = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1e-300, Math.abs(expected)) + 1e-15);

describe('normal and chi-squared tails', () => {
  it.each(fixtures.normal)('match SciPy at x = $x', ({ x, erfc: e, sf, chi2Sf }) => {
    close(erfc(x), e, 1e-14);
    close(normalSf(x), sf, 1e-14);
    close(chiSquared1Sf(x * x), chi2Sf, 1e-13);
  });
});

describe('two-proportion z-test', () => {
  it.each(fixtures.twoProportion)(
    'matches statsmodels for $stable.correct/$stable.n vs $candidate.correct/$candidate.n',
    (c) => {
      const r = twoProportionTest(c.stable, c.candidate);
      close(r.z, c.z, 1e-12);
      close(r.pValue, c.pValue, 1e-11);
      close(r.difference, c.difference, 1e-14);
      close(r.ci[0], c.ci[0], 1e-12);
      close(r.ci[1], c.ci[1], 1e-12);
    },
  );

  it('says the groups do not differ when every request in both was right', () => {
    expect(twoProportionTest({ n: 10, correct: 10 }, { n: 20, correct: 20 })).toEqual({
      z: 0,
      pValue: 1,
      difference: 0,
      ci: [0, 0],
    });
  });
});

describe('McNemar', () => {
  it.each(fixtures.mcnemar)('matches statsmodels for b = $b, c = $c ($method)', (c) => {
    const r = mcnemar(c.b, c.c);
    expect(r.method).toBe(c.method);
    close(r.statistic, c.statistic, 1e-14);
    close(r.pValue, c.pValue, 1e-12);
  });

  it('switches from exact to chi-squared at 25 discordant rows', () => {
    expect(mcnemar(12, 12).method).toBe('exact');
    expect(mcnemar(12, 13).method).toBe('chi-squared');
  });
});

describe('power analysis', () => {
  it.each(fixtures.power)(
    'matches NormalIndPower.solve_power for baseline $baseline, effect $effect, ratio $ratio',
    (c) => {
      const plan = plannedSampleSize(c);
      close(plan.effectSize, c.effectSize, 1e-13);
      close(plan.nobs1, c.nobs1, 1e-7);
      expect(plan.stable).toBe(Math.ceil(c.nobs1));
      expect(plan.candidate).toBe(Math.ceil(c.nobs1 * c.ratio));
      expect(plan.total).toBe(plan.stable + plan.candidate);
    },
  );
});

describe('latency percentiles', () => {
  it("uses NumPy's linear interpolation", () => {
    expect(latencySummary([4, 1, 3, 2])).toEqual({ count: 4, p50: 2.5, p95: 3.8499999999999996 }); // np.percentile([4, 1, 3, 2], 95)
    expect(latencySummary([])).toBeNull();
  });
});
