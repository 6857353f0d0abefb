import { describe, expect, it } from 'vitest';
import { binomialObjective, multinomialObjective } from '../../../../src/core/models/linear/logistic-loss.ts';
import { seededRng } from '../../../../src/core/random/rng.ts';
import type { ClassificationData } from '../../../../src/core/models/linear/index.ts';
import type { Objective } from '../../../../src/core/optim/lbfgs.ts';

function randomData(rows: number, features: number, classCount: number, seed: number): ClassificationData {
  const rng = seededRng(seed);
  return {
    x: Float64Array.from({ length: rows * features }, () => 4 * rng() - 2),
    rows,
    features,
    y: Int32Array.from({ length: rows }, (_, i) => i % classCount),
    classCount,
  };
}

/** Largest gap between the analytic gradient and central differences, relative to the gradient's size. */
function gradientError(objective: Objective, w: Float64Array): number {
  const grad = new Float64Array(w.length);
  objective(w, grad);
  const scratch = new Float64Array(w.length);
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < w.length; i++) {
    const h = 1e-6;
    const plus = Float64Array.from(w);
    plus[i] += h;
    const minus = Float64Array.from(w);
    minus[i] -= h;
    const numeric = (objective(plus, scratch) - objective(minus, scratch)) / (2 * h);
    worst = Math.max(worst, Math.abs(numeric - grad[i]));
    scale = Math.max(scale, Math.abs(grad[i]));
  }
  return worst / scale;
}

describe('logistic objectives', () => {
  it('equal n·ln k at W = 0 (every class equally likely, no penalty)', () => {
    const data = randomData(30, 4, 3, 1);
    expect(multinomialObjective(data, 1)(new Float64Array(3 * 5), new Float64Array(15))).toBeCloseTo(
      30 * Math.log(3),
      12,
    );
    const binary = randomData(30, 4, 2, 2);
    expect(binomialObjective(binary, 1)(new Float64Array(5), new Float64Array(5))).toBeCloseTo(30 * Math.log(2), 12);
  });

  it('add ‖W‖² / (2C) for the weights and nothing for the intercepts', () => {
    // One row with x = 0: the data term depends on the intercepts only.
    const data: ClassificationData = {
      x: Float64Array.from([0, 0]),
      rows: 1,
      features: 2,
      y: Int32Array.from([1]),
      classCount: 2,
    };
    const f = binomialObjective(data, 0.25);
    const g = new Float64Array(3);
    expect(f(Float64Array.from([3, 4, 0]), g)).toBeCloseTo(Math.log(2) + (9 + 16) / (2 * 0.25), 12);
    expect(Array.from(g)).toEqual([12, 16, -0.5]);
    expect(f(Float64Array.from([0, 0, 5]), g)).toBeCloseTo(Math.log1p(Math.exp(5)) - 5, 12);
  });

  it('have gradients that match central differences (multinomial)', () => {
    const data = randomData(41, 3, 4, 3);
    const rng = seededRng(9);
    const w = Float64Array.from({ length: 4 * 4 }, () => rng() - 0.5);
    expect(gradientError(multinomialObjective(data, 0.7), w)).toBeLessThan(1e-6);
  });

  it('have gradients that match central differences (binomial)', () => {
    const data = randomData(43, 3, 2, 4);
    const rng = seededRng(10);
    const w = Float64Array.from({ length: 4 }, () => 2 * rng() - 1);
    expect(gradientError(binomialObjective(data, 2), w)).toBeLessThan(1e-6);
  });

  it('stay finite for huge scores', () => {
    const data = randomData(10, 2, 3, 5);
    const w = Float64Array.from({ length: 9 }, (_, i) => (i % 2 ? 1e4 : -1e4));
    const g = new Float64Array(9);
    expect(Number.isFinite(multinomialObjective(data, 1)(w, g))).toBe(true);
    expect(g.every(Number.isFinite)).toBe(true);
    const bin = randomData(10, 2, 2, 6);
    expect(Number.isFinite(binomialObjective(bin, 1)(Float64Array.from([1e4, -1e4, 0]), new Float64Array(3)))).toBe(
      true,
    );
  });
});
