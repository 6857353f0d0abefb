/**
 * A linear kind's per-column contributions are the prediction taken apart:
 * with the intercept they add up to the logit (logistic) or the value (ridge).
 */
import { describe, expect, it } from 'vitest';
import { logisticEntry } from '../../../../src/core/models/linear/logistic-entry.ts';
import { predictProbaLogistic, type LogisticModel } from '../../../../src/core/models/linear/logistic-regression.ts';
import { ridgeEntry } from '../../../../src/core/models/linear/ridge-entry.ts';
import { predictRidge } from '../../../../src/core/models/linear/ridge.ts';

const fit = {
  iterations: 1,
  evaluations: 1,
  converged: true,
  stop: 'gradient',
  objective: 0,
  gradientMaxAbs: 0,
} as const;
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('linear contributions', () => {
  it('binary logistic: towards the predicted class, adding up to its log-odds', () => {
    const model: LogisticModel = {
      kind: 'logistic-regression',
      features: 3,
      classCount: 2,
      C: 1,
      coef: [0.8, -1.5, 0.25],
      intercept: [-0.3],
      fit,
    };
    for (const x of [Float64Array.of(1, 0.2, -2), Float64Array.of(-1, 1.5, 0.5)]) {
      const [p0, p1] = predictProbaLogistic(model, { x, rows: 1, features: 3 });
      const predicted = p1 > p0 ? 1 : 0;
      const parts = logisticEntry.contributions!({ kind: 'logistic', model }, x, predicted);
      const towards = predicted === 1 ? Math.log(p1 / p0) : Math.log(p0 / p1);
      const intercept = predicted === 1 ? -0.3 : 0.3;
      expect(sum(parts) + intercept).toBeCloseTo(towards, 10);
    }
  });

  it('multi-class logistic: the predicted class’s own coefficients', () => {
    const model: LogisticModel = {
      kind: 'logistic-regression',
      features: 2,
      classCount: 3,
      C: 1,
      coef: [1, 2, -1, 0.5, 3, -2],
      intercept: [0, 0.1, -0.1],
      fit,
    };
    const parts = logisticEntry.contributions!({ kind: 'logistic', model }, Float64Array.of(2, -1), 2);
    expect(Array.from(parts)).toEqual([6, 2]);
  });

  it('ridge: contributions plus the intercept are the prediction', () => {
    const model = { kind: 'ridge' as const, features: 3, alpha: 1, coef: [2, -0.5, 1.25], intercept: 4 };
    const x = Float64Array.of(0.5, 3, -1);
    const parts = ridgeEntry.contributions!({ kind: 'linear', model }, x, -1);
    expect(sum(parts) + 4).toBeCloseTo(predictRidge(model, { x, rows: 1, features: 3 })[0], 12);
  });
});
