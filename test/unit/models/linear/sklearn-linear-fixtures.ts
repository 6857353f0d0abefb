/**
 * Loads the fits in test/fixtures/sklearn-linear (made by
 * make_linear_fixtures.py with Debian's scikit-learn 1.2.1) as typed arrays.
 */
import { readFileSync } from 'node:fs';
import type { ClassificationData, RegressionData } from '../../../../src/core/models/linear/index.ts';

export interface SklearnLogisticFit {
  nIter: number;
  converged: boolean;
  coef: number[];
  intercept: number[];
  proba: number[];
  predict: number[];
}

export interface LogisticFixture {
  name: string;
  data: ClassificationData;
  default: SklearnLogisticFit;
  optimum: { coef: number[]; intercept: number[]; objective: number; gradientMaxAbs: number };
}

export interface RidgeFixture {
  data: RegressionData;
  alpha: number;
  coef: number[];
  intercept: number;
  predict: number[];
}

function read(name: string): Record<string, unknown> {
  const url = new URL(`../../../fixtures/sklearn-linear/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** One classification fixture: 'iris', 'binary' or 'five-class'. */
export function logisticFixture(name: 'iris' | 'binary' | 'five-class'): LogisticFixture {
  const f = read(name) as Record<string, never>;
  return {
    name,
    data: {
      x: Float64Array.from(f.x as number[]),
      rows: f.rows,
      features: f.features,
      y: Int32Array.from(f.y as number[]),
      classCount: f.classCount,
    },
    default: f.default,
    optimum: f.optimum,
  };
}

/** The make_regression fixture with sklearn's Ridge() fit. */
export function ridgeFixture(): RidgeFixture {
  const f = read('regression') as Record<string, never>;
  return {
    data: {
      x: Float64Array.from(f.x as number[]),
      rows: f.rows,
      features: f.features,
      y: Float64Array.from(f.y as number[]),
    },
    alpha: f.alpha,
    coef: f.coef,
    intercept: f.intercept,
    predict: f.predict,
  };
}

/** max |a − b| / max |b|: the relative error the coefficient tests bound. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}
