import type { ImportExpectation } from '../model-entry.ts';
import type { LogisticModel } from './logistic-regression.ts';
import type { RidgeModel } from './ridge.ts';
import { firstNonFinite, invalidModel, isCount, isFiniteNumber, isObject } from '../imported-model-checks.ts';

const FILE = 'linear-model.json';

/**
 * Checks the `model` of linear-model.json: for logistic regression a class
 * count equal to the signature's labels, one coefficient row (two classes)
 * or one per class, each `features` long, and as many intercepts; for ridge
 * one coefficient per feature and one intercept. Every number finite, and
 * `features` equal to the preprocessing's width.
 */
export function checkLinearModel(
  kind: 'logistic' | 'linear',
  model: unknown,
  { width, task, labels }: ImportExpectation,
): LogisticModel | RidgeModel {
  const bad = (why: string) => invalidModel(FILE, why);
  const expected = kind === 'logistic' ? 'logistic-regression' : 'ridge';
  if (!isObject(model) || model.kind !== expected) throw bad(`its model is not a ${expected} model`);
  if (!isCount(model.features, 1) || model.features !== width)
    throw bad(`its model reads ${JSON.stringify(model.features)} features but preprocessing.json gives ${width}`);
  const coef = model.coef;
  if (!Array.isArray(coef)) throw bad('its model has no coefficients');
  let rows = 1;
  if (kind === 'logistic') {
    if (task !== 'classification') throw bad('it is a classifier but signature.json is for regression');
    if (!isCount(model.classCount, 2) || model.classCount !== labels)
      throw bad(
        `its model predicts ${JSON.stringify(model.classCount)} classes but signature.json names ${labels} labels`,
      );
    rows = model.classCount === 2 ? 1 : model.classCount;
    if (!isFiniteNumber(model.C) || model.C <= 0) throw bad('its model has no positive C');
  } else {
    if (task !== 'regression') throw bad('it is a regression model but signature.json is for classification');
    if (!isFiniteNumber(model.alpha) || model.alpha < 0) throw bad('its model has no alpha ≥ 0');
  }
  if (coef.length !== rows * width)
    throw bad(
      `its model has ${coef.length} coefficients; ${rows} row${rows === 1 ? '' : 's'} × ${width} features need ${rows * width}`,
    );
  const badCoef = firstNonFinite(coef);
  if (badCoef >= 0) throw bad(`its model's coefficient ${badCoef} is not a finite number`);
  const intercepts = kind === 'logistic' ? model.intercept : [model.intercept];
  if (!Array.isArray(intercepts) || intercepts.length !== rows)
    throw bad(`its model needs ${rows} intercept${rows === 1 ? '' : 's'}`);
  if (firstNonFinite(intercepts) >= 0) throw bad(`its model has an intercept that is not a finite number`);
  return model as unknown as LogisticModel | RidgeModel;
}
