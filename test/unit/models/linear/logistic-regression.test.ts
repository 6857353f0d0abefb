import { describe, expect, it } from 'vitest';
import {
  decisionLogistic,
  fitLogistic,
  predictLogistic,
  predictProbaLogistic,
  type ClassificationData,
  type LogisticModel,
} from '../../../../src/core/models/linear/index.ts';
import { logisticFixture, maxRelativeError } from './sklearn-linear-fixtures.ts';

const NAMES = ['iris', 'binary', 'five-class'] as const;

describe('fitLogistic against scikit-learn LogisticRegression()', () => {
  for (const name of NAMES) {
    const fx = logisticFixture(name);
    const model = fitLogistic(fx.data);

    it(`${name}: predicts the same class as sklearn on all but 1% of rows`, () => {
      const pred = predictLogistic(model, fx.data);
      let differ = 0;
      pred.forEach((c, i) => (differ += c === fx.default.predict[i] ? 0 : 1));
      expect(differ).toBeLessThanOrEqual(Math.floor(fx.data.rows * 0.01));
    });

    it(`${name}: gives sklearn's probabilities to 1e-4`, () => {
      const proba = predictProbaLogistic(model, fx.data);
      expect(proba.length).toBe(fx.data.rows * fx.data.classCount);
      expect(maxAbsDiff(proba, fx.default.proba)).toBeLessThan(1e-4);
    });

    it(`${name}: has coefficients within 1e-3 (relative) of the exact optimum and of sklearn's fit`, () => {
      expect(maxRelativeError(model.coef, fx.optimum.coef)).toBeLessThan(1e-3);
      expect(maxRelativeError(model.intercept, fx.optimum.intercept)).toBeLessThan(1e-3);
      expect(maxRelativeError(model.coef, fx.default.coef)).toBeLessThan(1e-3);
      expect(maxRelativeError(model.intercept, fx.default.intercept)).toBeLessThan(1e-3);
    });

    it(`${name}: stops where sklearn stops, at the same objective value`, () => {
      expect(model.fit.converged).toBe(true);
      expect(model.fit.iterations).toBe(fx.default.nIter);
      expect(model.fit.objective).toBeGreaterThanOrEqual(fx.optimum.objective - 1e-9);
      expect((model.fit.objective - fx.optimum.objective) / fx.optimum.objective).toBeLessThan(1e-8);
    });
  }

  it('fits one weight vector for two classes, as sklearn does, and one per class otherwise', () => {
    const binary = fitLogistic(logisticFixture('binary').data);
    expect(binary.intercept.length).toBe(1);
    expect(binary.coef.length).toBe(8);
    const iris = fitLogistic(logisticFixture('iris').data);
    expect(iris.intercept.length).toBe(3);
    expect(iris.coef.length).toBe(3 * 4);
  });
});

describe('fitLogistic on small data with known answers', () => {
  it('predicts the class frequencies when the features carry no information', () => {
    // 2 rows of class 0, 3 of class 1, 5 of class 2, one all-zero feature: the optimum is W = 0
    // and softmax(intercepts) = the class frequencies, whatever C (intercepts are unpenalized).
    const data = { ...tiny([0, 0, 1, 1, 1, 2, 2, 2, 2, 2], 3), x: new Float64Array(10) };
    const model = fitLogistic(data, { C: 0.5 });
    expect(model.coef).toEqual([0, 0, 0]);
    const proba = predictProbaLogistic(model, data);
    for (let i = 0; i < data.rows; i++) {
      expect(proba[i * 3]).toBeCloseTo(0.2, 5);
      expect(proba[i * 3 + 1]).toBeCloseTo(0.3, 5);
      expect(proba[i * 3 + 2]).toBeCloseTo(0.5, 5);
    }
  });

  it('gives the binary intercept the log-odds of the classes when the features carry no information', () => {
    const data = { ...tiny([0, 1, 1, 1], 2), x: new Float64Array(4) };
    const model = fitLogistic(data);
    expect(model.intercept[0]).toBeCloseTo(Math.log(3), 4);
    expect(predictProbaLogistic(model, data)[1]).toBeCloseTo(0.75, 5);
  });

  it('classifies separable training rows perfectly with a weak penalty', () => {
    const data = tiny([0, 0, 0, 1, 1, 1], 2);
    const model = fitLogistic(data, { C: 100 });
    expect(Array.from(predictLogistic(model, data))).toEqual([0, 0, 0, 1, 1, 1]);
    const proba = predictProbaLogistic(model, data);
    expect(proba[1]).toBeLessThan(0.05); // P(class 1 | first row)
    expect(proba[11]).toBeGreaterThan(0.95); // P(class 1 | last row)
  });

  it('shrinks the weights as C decreases', () => {
    const { data } = logisticFixture('iris');
    const norm = (m: LogisticModel) => Math.hypot(...m.coef);
    const strong = norm(fitLogistic(data, { C: 0.01 }));
    const medium = norm(fitLogistic(data, { C: 1 }));
    const weak = norm(fitLogistic(data, { C: 100 }));
    expect(strong).toBeLessThan(medium);
    expect(medium).toBeLessThan(weak);
  });

  it('reports progress every iteration and stops when told to', () => {
    const { data } = logisticFixture('five-class');
    const values: number[] = [];
    const model = fitLogistic(data, {
      onIteration: (info) => {
        values.push(info.value);
        return info.iteration < 4;
      },
    });
    expect(values.length).toBe(4);
    expect(model.fit).toMatchObject({ iterations: 4, stop: 'stopped', converged: false });
    expect(values[3]).toBeLessThan(values[0]);
    expect(values[0]).toBeLessThan(800 * Math.log(5)); // the objective at W = 0
  });

  it('gives the same predictions after a JSON round trip', () => {
    const { data } = logisticFixture('iris');
    const model = fitLogistic(data);
    const copy = JSON.parse(JSON.stringify(model)) as LogisticModel;
    expect(predictProbaLogistic(copy, data)).toEqual(predictProbaLogistic(model, data));
  });

  it('keeps probabilities finite and exact for extreme scores', () => {
    const model: LogisticModel = {
      kind: 'logistic-regression',
      features: 1,
      classCount: 3,
      C: 1,
      coef: [1000, -1000, 0],
      intercept: [0, 0, 0],
      fit: { iterations: 0, evaluations: 0, converged: true, stop: 'gradient', objective: 0, gradientMaxAbs: 0 },
    };
    const m = { x: Float64Array.from([5, -5]), rows: 2, features: 1 };
    expect(Array.from(predictProbaLogistic(model, m))).toEqual([1, 0, 0, 0, 1, 0]);
    const binary: LogisticModel = { ...model, classCount: 2, coef: [1000], intercept: [0] };
    expect(Array.from(predictProbaLogistic(binary, m))).toEqual([0, 1, 1, 0]);
    expect(Array.from(decisionLogistic(binary, m))).toEqual([5000, -5000]);
  });
});

describe('fitLogistic rejects bad input with a code and a way out', () => {
  const ok = tiny([0, 1, 0, 1], 2);
  const cases: [string, ClassificationData | (() => unknown), string][] = [
    ['one class', { ...ok, classCount: 1 }, 'model.one_class'],
    ['a label out of range', { ...ok, y: Int32Array.from([0, 1, 2, 1]) }, 'model.bad_label'],
    ['a class with no rows', { ...ok, classCount: 3 }, 'model.class_missing'],
    ['a NaN feature', { ...ok, x: Float64Array.from([0, Number.NaN, 2, 3]) }, 'model.non_finite'],
    ['a matrix of the wrong size', { ...ok, rows: 5 }, 'model.bad_shape'],
    ['fewer labels than rows', { ...ok, y: Int32Array.from([0, 1, 0]) }, 'model.bad_shape'],
  ];
  for (const [what, data, code] of cases) {
    it(`refuses ${what} (${code})`, () => {
      expect(() => fitLogistic(data as ClassificationData)).toThrowError(expect.objectContaining({ code }) as never);
    });
  }

  it('refuses C <= 0', () => {
    expect(() => fitLogistic(ok, { C: 0 })).toThrowError(
      expect.objectContaining({ code: 'model.bad_parameter' }) as never,
    );
  });

  it('refuses to score rows with a different number of features', () => {
    const model = fitLogistic(ok);
    const wide = { x: new Float64Array(4), rows: 2, features: 2 };
    expect(() => predictLogistic(model, wide)).toThrowError(
      expect.objectContaining({ code: 'model.feature_mismatch' }) as never,
    );
  });
});

/** One feature: row i has x = i, so larger indices lean to later classes. */
function tiny(labels: number[], classCount: number): ClassificationData {
  return {
    x: Float64Array.from(labels, (_, i) => i - (labels.length - 1) / 2),
    rows: labels.length,
    features: 1,
    y: Int32Array.from(labels),
    classCount,
  };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
