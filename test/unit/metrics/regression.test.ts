import { describe, expect, it } from 'vitest';
import { meanAbsoluteError, r2Score, rootMeanSquaredError } from '../../../src/core/metrics/regression.ts';
import { regressionReport } from '../../../src/core/metrics/regression-report.ts';
import { expectClose, fixtures } from './sklearn-fixtures.ts';

describe('regression metrics', () => {
  it('reproduce the examples in sklearn’s docs', () => {
    const yTrue = [3, -0.5, 2, 7];
    const yPred = [2.5, 0, 2, 8];
    expect(meanAbsoluteError(yTrue, yPred)).toBe(0.5);
    expect(rootMeanSquaredError(yTrue, yPred)).toBe(Math.sqrt(0.375));
    expect(r2Score(yTrue, yPred)).toBeCloseTo(0.9486081370449679, 15);
  });

  it('give R² = 1 for a constant target predicted exactly, 0 otherwise, NaN for one row', () => {
    expect(r2Score([4, 4, 4], [4, 4, 4])).toBe(1);
    expect(r2Score([4, 4, 4], [4, 5, 4])).toBe(0);
    expect(r2Score([1.5], [2])).toBeNaN();
  });

  it('reject NaN predictions and mismatched lengths', () => {
    expect(() => meanAbsoluteError([1, 2], [1, NaN])).toThrowError(/yPred\[1\] is NaN/);
    expect(() => r2Score([1, 2], [1])).toThrowError(/2 values but yPred has 1/);
  });

  it.each(fixtures.regression.map((c) => [c.name, c] as const))('equal sklearn MAE, RMSE and R²: %s', (_, c) => {
    const report = regressionReport(Float64Array.from(c.yTrue), Float64Array.from(c.yPred));
    expect(report.n).toBe(c.yTrue.length);
    expectClose(report.mae, c.expected.mae, 'mae');
    expectClose(report.rmse, c.expected.rmse, 'rmse');
    if (c.expected.r2 === null) expect(report.r2).toBeNaN();
    else expectClose(report.r2, c.expected.r2, 'r2');
  });
});
