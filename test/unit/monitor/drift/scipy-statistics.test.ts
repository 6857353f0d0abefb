import { describe, expect, it } from 'vitest';
import fixtures from '../../../fixtures/drift/scipy-drift.json' with { type: 'json' };
import { chi2Contingency } from '../../../../src/core/monitor/drift/chi2-contingency.ts';
import { chiSquaredSf } from '../../../../src/core/monitor/drift/chi-squared-sf.ts';
import { binCounts, decileEdges } from '../../../../src/core/monitor/drift/deciles.ts';
import { jensenShannon, psi } from '../../../../src/core/monitor/drift/distances.ts';
import { kolmogorovSf } from '../../../../src/core/monitor/drift/kolmogorov-sf.ts';
import { ksTwoSample } from '../../../../src/core/monitor/drift/ks-two-sample.ts';
import { sortedFiniteValues } from '../../../../src/core/monitor/drift/sorted-values.ts';
import { populationStd, wasserstein } from '../../../../src/core/monitor/drift/wasserstein.ts';
import { relativeError, sample, type SampleSpec } from './fixture-samples.ts';

// The tolerances: KS statistic 1e-9, p-values 1e-6 relative, PSI and Wasserstein 1e-9.
const P_REL = 1e-6;
const ABS = 1e-9;

describe('drift statistics against SciPy (test/fixtures/drift/scipy-drift.json)', () => {
  for (const c of fixtures.samples) {
    describe(c.name, () => {
      const ref = sortedFiniteValues(sample(c.reference as SampleSpec));
      const cur = sortedFiniteValues(sample(c.current as SampleSpec));

      it('gives ks_2samp’s statistic, p-value and method', () => {
        const ks = ksTwoSample(ref, cur);
        expect(Math.abs(ks.statistic - c.ks.statistic)).toBeLessThanOrEqual(ABS);
        expect(relativeError(ks.pValue, c.ks.pValue)).toBeLessThanOrEqual(P_REL);
        expect(ks.method).toBe(c.ks.method);
      });

      it('gives wasserstein_distance and numpy’s std', () => {
        expect(Math.abs(wasserstein(ref, cur) - c.wasserstein)).toBeLessThanOrEqual(ABS);
        expect(Math.abs(populationStd(ref) - c.referenceStd)).toBeLessThanOrEqual(ABS);
      });

      it('bins by numpy’s deciles and gives PSI and Jensen–Shannon', () => {
        const edges = decileEdges(ref);
        expect(edges).toEqual(c.deciles);
        const r = binCounts(ref, edges);
        const k = binCounts(cur, edges);
        expect(Math.abs(psi(r, k) - c.psi)).toBeLessThanOrEqual(ABS);
        expect(Math.abs(jensenShannon(r, k) - c.jensenShannonBins)).toBeLessThanOrEqual(ABS);
      });
    });
  }

  for (const c of fixtures.counts) {
    it(`chi2_contingency, PSI and jensenshannon on counts: ${c.name}`, () => {
      const r = Float64Array.from(c.reference);
      const k = Float64Array.from(c.current);
      const chi2 = chi2Contingency(r, k);
      expect(chi2.dof).toBe(c.chi2.dof);
      expect(relativeError(chi2.statistic, c.chi2.statistic)).toBeLessThanOrEqual(1e-9);
      expect(relativeError(chi2.pValue, c.chi2.pValue)).toBeLessThanOrEqual(P_REL);
      expect(Math.abs(psi(r, k) - c.psi)).toBeLessThanOrEqual(ABS);
      expect(Math.abs(jensenShannon(r, k) - c.jensenShannon)).toBeLessThanOrEqual(ABS);
    });
  }

  it('matches kstwo.sf on every branch (Ruben–Gambino, Smirnov, Durbin, Pomeranz, Pelz–Good)', () => {
    const off = fixtures.kstwoSf
      .map((c) => ({ ...c, got: kolmogorovSf(c.n, c.x) }))
      .filter((c) => relativeError(c.got, c.sf) > P_REL && Math.abs(c.got - c.sf) > 1e-300);
    expect(off).toEqual([]);
  });

  it('matches chi2.sf for 1 to 99 degrees of freedom', () => {
    const off = fixtures.chi2Sf
      .map((c) => ({ ...c, got: chiSquaredSf(c.x, c.dof) }))
      .filter((c) => relativeError(c.got, c.sf) > P_REL);
    expect(off).toEqual([]);
  });
});
