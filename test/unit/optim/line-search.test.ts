import { describe, expect, it } from 'vitest';
import { searchLine, type LinePoint } from '../../../src/core/optim/line-search.ts';

/** Counts evaluations of a 1-d function given as value and derivative. */
function counted(phi: (s: number) => [number, number]) {
  const steps: number[] = [];
  const point: LinePoint = (s) => {
    steps.push(s);
    const [f, g] = phi(s);
    return { f, g };
  };
  return { point, steps };
}

describe('searchLine (More–Thuente)', () => {
  it('accepts the first step when it already satisfies the strong Wolfe conditions', () => {
    const { point, steps } = counted((s) => [(s - 3) ** 2, 2 * (s - 3)]);
    const r = searchLine(point, 9, -6, 1);
    expect(r).toMatchObject({ ok: true, step: 1, f: 4, evaluations: 1, status: 'converged' });
    expect(steps).toEqual([1]);
  });

  it('lands on the minimiser of a quadratic after overshooting it (cubic interpolation is exact)', () => {
    const r = searchLine((s) => ({ f: (s - 3) ** 2, g: 2 * (s - 3) }), 9, -6, 10);
    expect(r.ok).toBe(true);
    expect(r.step).toBeCloseTo(3, 12);
    expect(r.evaluations).toBe(2);
  });

  it('extrapolates when the first step is far too short', () => {
    // φ(s) = (s − 100)², φ'(0) = −200: a step of 1e-3 barely moves.
    const { point, steps } = counted((s) => [(s - 100) ** 2, 2 * (s - 100)]);
    const r = searchLine(point, 1e4, -200, 1e-3);
    expect(r.ok).toBe(true);
    expect(steps.length).toBeGreaterThan(2);
    for (let i = 1; i < steps.length - 1; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);
    // Strong Wolfe at the accepted step.
    expect(r.f).toBeLessThanOrEqual(1e4 + 1e-3 * r.step * -200);
    expect(Math.abs(2 * (r.step - 100))).toBeLessThanOrEqual(0.9 * 200);
  });

  it('finds a strong Wolfe step on a non-quadratic function', () => {
    // φ(s) = −s·e^(−s) has its minimum at s = 1.
    const phi = (s: number): [number, number] => [-s * Math.exp(-s), (s - 1) * Math.exp(-s)];
    // From s = 0.2 (φ' = −0.65) the search extrapolates, overshoots to s = 1 region and stops there.
    const r = searchLine((s) => ({ f: phi(s)[0], g: phi(s)[1] }), 0, -1, 0.2, { gtol: 0.1 });
    expect(r.ok).toBe(true);
    expect(r.evaluations).toBe(2);
    expect(r.step).toBe(1); // 0.2 + 4 × 0.2, the first extrapolation
    expect(Math.abs(phi(r.step)[1])).toBeLessThanOrEqual(0.1);
    expect(r.f).toBeLessThanOrEqual(1e-3 * r.step * -1);
  });

  it('backs off from steps where the objective is not finite', () => {
    // φ(s) = (s − 1)² but undefined past s = 1.5: 4 and 2 are NaN, 1 is the minimiser.
    const { point, steps } = counted((s) => (s < 1.5 ? [(s - 1) ** 2, 2 * (s - 1)] : [Number.NaN, Number.NaN]));
    const r = searchLine(point, 1, -2, 4);
    expect(steps).toEqual([4, 2, 1]);
    expect(r).toMatchObject({ ok: true, step: 1, f: 0, status: 'converged' });
  });

  it('gives up with non-finite when the objective is NaN at every trial step', () => {
    const r = searchLine(() => ({ f: Number.NaN, g: 0 }), 1, -1, 1);
    expect(r).toMatchObject({ ok: false, status: 'non-finite', step: 0, f: 1, evaluations: 20 });
  });

  it('stops after maxEvaluations without claiming success', () => {
    // The derivative never flattens and the value never rises: no step satisfies the curvature test.
    const r = searchLine((s) => ({ f: -s, g: -1 }), 0, -1, 1, { maxEvaluations: 3, stpmax: 1e10 });
    expect(r.ok).toBe(false);
    expect(r.status).toBe('max-evaluations');
    expect(r.evaluations).toBe(3);
  });
});
