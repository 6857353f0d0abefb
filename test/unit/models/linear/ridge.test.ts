import { describe, expect, it } from 'vitest';
import { fitRidge, predictRidge, type RidgeModel } from '../../../../src/core/models/linear/index.ts';
import { maxRelativeError, ridgeFixture } from './sklearn-linear-fixtures.ts';

describe('fitRidge', () => {
  it("matches scikit-learn's Ridge() coefficients, intercept and predictions to 1e-8", () => {
    const fx = ridgeFixture();
    const model = fitRidge(fx.data, { alpha: fx.alpha });
    expect(maxRelativeError(model.coef, fx.coef)).toBeLessThan(1e-8);
    expect(Math.abs(model.intercept - fx.intercept)).toBeLessThan(1e-8 * Math.abs(fx.intercept));
    expect(maxRelativeError(predictRidge(model, fx.data), fx.predict)).toBeLessThan(1e-8);
  });

  it('recovers an exact linear relation when alpha is 0', () => {
    // y = 2 + 3·x1 − x2 on four rows.
    const x = Float64Array.from([0, 1, 1, 0, 2, 5, -1, 3]);
    const y = Float64Array.from([1, 5, 3, -4]);
    const model = fitRidge({ x, rows: 4, features: 2, y }, { alpha: 0 });
    expect(model.coef[0]).toBeCloseTo(3, 12);
    expect(model.coef[1]).toBeCloseTo(-1, 12);
    expect(model.intercept).toBeCloseTo(2, 12);
  });

  it('shrinks the weights but not the intercept: a huge alpha predicts the mean of y', () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    const y = Float64Array.from([10, 20, 30, 60]);
    const model = fitRidge({ x, rows: 4, features: 1, y }, { alpha: 1e12 });
    expect(Math.abs(model.coef[0])).toBeLessThan(1e-9);
    expect(model.intercept).toBeCloseTo(30, 6);
  });

  it('solves the one-feature case in closed form: w = Sxy / (Sxx + alpha)', () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    const y = Float64Array.from([10, 20, 30, 60]);
    // Sxx = 5, Sxy = 80 about the means 2.5 and 30.
    const model = fitRidge({ x, rows: 4, features: 1, y }, { alpha: 3 });
    expect(model.coef[0]).toBeCloseTo(80 / 8, 12);
    expect(model.intercept).toBeCloseTo(30 - 2.5 * 10, 12);
  });

  it('gives the same predictions after a JSON round trip', () => {
    const fx = ridgeFixture();
    const model = fitRidge(fx.data);
    const copy = JSON.parse(JSON.stringify(model)) as RidgeModel;
    expect(predictRidge(copy, fx.data)).toEqual(predictRidge(model, fx.data));
  });

  it('refuses collinear features without a penalty, and a missing target', () => {
    const x = Float64Array.from([1, 2, 2, 4, 3, 6]); // second column = 2 × first
    const y = Float64Array.from([1, 2, 3]);
    expect(() => fitRidge({ x, rows: 3, features: 2, y }, { alpha: 0 })).toThrowError(
      expect.objectContaining({ code: 'model.singular' }) as never,
    );
    expect(fitRidge({ x, rows: 3, features: 2, y }, { alpha: 1 }).coef.every(Number.isFinite)).toBe(true);
    expect(() => fitRidge({ x, rows: 3, features: 2, y: Float64Array.from([1, Number.NaN, 3]) })).toThrowError(
      expect.objectContaining({ code: 'model.non_finite' }) as never,
    );
    expect(() => fitRidge({ x, rows: 3, features: 2, y }, { alpha: -1 })).toThrowError(
      expect.objectContaining({ code: 'model.bad_parameter' }) as never,
    );
  });
});
