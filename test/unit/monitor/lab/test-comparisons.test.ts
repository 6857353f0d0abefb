import { describe, expect, it } from 'vitest';
import { compareTests, DEFAULT_COMPARISON, flags } from '../../../../src/core/monitor/lab/test-comparisons.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';

describe("the Drift lab's comparison of tests", () => {
  it('on large samples KS flags a trivial shift that PSI and Wasserstein call no drift', () => {
    const c = compareTests(seededRng(1));
    expect(c.source).toBe('a standard normal');
    expect(flags.ks(c.large)).toBe(true);
    expect(c.large.ksPValue).toBeLessThan(1e-4);
    expect(flags.psi(c.large)).toBe(false);
    expect(flags.wasserstein(c.large)).toBe(false);
    // The normalized Wasserstein distance recovers the injected shift (0.03 std).
    expect(c.large.wassersteinNormalized).toBeGreaterThan(0.015);
    expect(c.large.wassersteinNormalized).toBeLessThan(0.05);
  });

  it('on small samples with no drift PSI is mostly noise, while KS false alarms stay rare', () => {
    const c = compareTests(seededRng(2));
    expect(c.small).toHaveLength(DEFAULT_COMPARISON.repeats);
    const psiAlarms = c.small.filter(flags.psi).length;
    const ksAlarms = c.small.filter(flags.ks).length;
    expect(psiAlarms).toBeGreaterThanOrEqual(DEFAULT_COMPARISON.repeats / 2);
    expect(ksAlarms).toBeLessThanOrEqual(3);
    expect(psiAlarms).toBeGreaterThan(ksAlarms);
  });

  it("samples the user's column and reports what the drift report computes for the same samples", () => {
    const column = Float64Array.from({ length: 150 }, (_, i) => 1 + (i % 60) / 10);
    const settings = { largeN: 5000, shift: 0.5, smallN: 50, repeats: 3 };
    const c = compareTests(seededRng(3), settings, column, 'petal_length');
    expect(c.source).toBe('a smoothed bootstrap of "petal_length"');
    expect(flags.ks(c.large) && flags.wasserstein(c.large) && flags.psi(c.large)).toBe(true);
    // Seeded: the same seed draws the same large pair again.
    const rng = seededRng(3);
    const again = compareTests(rng, { ...settings, repeats: 0 }, column, 'petal_length');
    expect(again.large).toEqual(c.large);
  });
});
