import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimizeLbfgs, type LbfgsIteration } from '../../../src/core/optim/lbfgs.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';
import { rosenbrock } from './rosenbrock.ts';

interface ScipyCase {
  name: string;
  x0: number[];
  nit: number;
  nfev: number;
  fun: number;
  x: number[];
}
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/sklearn-linear/lbfgs-reference.json', import.meta.url), 'utf8'),
) as { cases: ScipyCase[] };

/** f(x) = ½ xᵀAx − bᵀx with A = diag(1..n): minimiser x*_i = b_i / i. */
function quadratic(b: number[]) {
  return (x: Float64Array, g: Float64Array) => {
    let f = 0;
    for (let i = 0; i < x.length; i++) {
      const a = i + 1;
      g[i] = a * x[i] - b[i];
      f += 0.5 * a * x[i] * x[i] - b[i] * x[i];
    }
    return f;
  };
}

describe('minimizeLbfgs', () => {
  for (const c of reference.cases) {
    it(`takes the same iterations and evaluations as scipy's L-BFGS-B on ${c.name}`, () => {
      const r = minimizeLbfgs(rosenbrock, Float64Array.from(c.x0));
      expect(r.iterations).toBe(c.nit);
      expect(r.evaluations).toBe(c.nfev);
      expect(r.stop).toBe('relative-reduction');
      expect(r.converged).toBe(true);
      expect(r.value).toBeCloseTo(c.fun, 12);
      r.x.forEach((v, i) => expect(v).toBeCloseTo(c.x[i], 9));
    });
  }

  it('reaches the exact minimiser of a convex quadratic and stops on the gradient test', () => {
    const b = [1, -2, 3, 4, -5, 6];
    const r = minimizeLbfgs(quadratic(b), new Float64Array(6), { tol: 1e-7, ftol: 0 });
    expect(r.stop).toBe('gradient');
    expect(r.gradientMaxAbs).toBeLessThanOrEqual(1e-7);
    expect(r.value).toBe(-10.5);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(b[i] / (i + 1), 7));
  });

  it('returns without iterating when the start is already stationary', () => {
    const r = minimizeLbfgs(quadratic([0, 0]), new Float64Array(2));
    expect(r).toMatchObject({ iterations: 0, evaluations: 1, stop: 'gradient', converged: true, value: 0 });
  });

  it('stops at maxIter and says it did not converge', () => {
    const r = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { maxIter: 5 });
    expect(r.iterations).toBe(5);
    expect(r.stop).toBe('max-iterations');
    expect(r.converged).toBe(false);
    expect(r.value).toBeLessThan(24.2); // f(-1.2, 1) = 24.2
  });

  it('reports every iteration with a non-increasing value and stops when the callback returns false', () => {
    const seen: LbfgsIteration[] = [];
    const r = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), {
      onIteration: (info) => {
        seen.push(info);
        return info.iteration < 7;
      },
    });
    expect(r.stop).toBe('stopped');
    expect(r.converged).toBe(false);
    expect(seen.map((s) => s.iteration)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < seen.length; i++) expect(seen[i].value).toBeLessThanOrEqual(seen[i - 1].value);
    expect(seen[6].value).toBe(r.value);
  });

  it('does not modify the starting point it is given', () => {
    const x0 = Float64Array.from([-1.2, 1]);
    minimizeLbfgs(rosenbrock, x0);
    expect(Array.from(x0)).toEqual([-1.2, 1]);
  });

  it('rejects an objective that is not finite at the start', () => {
    const bad = (_x: Float64Array, g: Float64Array) => {
      g.fill(0);
      return Number.NaN;
    };
    expect(() => minimizeLbfgs(bad, new Float64Array(3))).toThrowError(
      expect.objectContaining({ code: 'optim.non_finite_start' }) as unknown as WorkbenchError,
    );
  });

  it('stops with line-search-failed, keeping the start, when no step gives a finite value', () => {
    const x0 = 0.5;
    const cliff = (x: Float64Array, g: Float64Array) => {
      g[0] = -1;
      return x[0] === x0 ? -x0 : Number.NaN;
    };
    const r = minimizeLbfgs(cliff, Float64Array.from([x0]));
    expect(r).toMatchObject({ stop: 'line-search-failed', converged: false, iterations: 0, value: -0.5 });
    expect(r.x[0]).toBe(0.5);
  });
});
