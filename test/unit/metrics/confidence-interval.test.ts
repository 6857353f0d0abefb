import { describe, expect, it } from 'vitest';
import { accuracyInterval, wilsonInterval } from '../../../src/core/metrics/confidence-interval.ts';
import { normalQuantile } from '../../../src/core/metrics/normal-quantile.ts';
import { expectClose, fixtures } from './sklearn-fixtures.ts';

describe('normalQuantile', () => {
  it('returns the familiar 1.96 and the infinite ends', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.2)).toBeNaN();
  });

  it.each(fixtures.normalQuantile.map((c) => [c.p, c] as const))('equals scipy.stats.norm.ppf(%s)', (_, c) => {
    expectClose(normalQuantile(c.p), c.z, `ppf(${c.p})`);
  });
});

describe('wilsonInterval', () => {
  it('stays inside [0, 1] and is not a point at 0 or n successes', () => {
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeGreaterThan(0.27);
    const all = wilsonInterval(10, 10);
    expect(all.high).toBeLessThanOrEqual(1);
    expect(all.low).toBeLessThan(0.73);
  });

  it('rejects impossible counts and confidence levels', () => {
    expect(() => wilsonInterval(11, 10)).toThrowError(/between 0 and 10/);
    expect(() => wilsonInterval(1, 0)).toThrowError(/positive whole number of trials/);
    expect(() => wilsonInterval(1, 10, 95)).toThrowError(/strictly between 0 and 1/);
  });

  it.each(fixtures.wilson.map((c) => [`${c.successes}/${c.n} at ${c.confidence}`, c] as const))(
    'equals statsmodels proportion_confint(method="wilson"): %s',
    (_, c) => {
      const ci = wilsonInterval(c.successes, c.n, c.confidence);
      expect(ci.estimate).toBe(c.successes / c.n);
      expectClose(ci.low, c.low, 'low');
      expectClose(ci.high, c.high, 'high');
    },
  );

  it('recovers the count from an accuracy and the test-set size', () => {
    expect(accuracyInterval(0.87, 100)).toEqual(wilsonInterval(87, 100));
  });
});
