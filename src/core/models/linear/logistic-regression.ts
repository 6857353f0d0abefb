import { minimizeLbfgs, type LbfgsIteration, type LbfgsStop } from '../../optim/lbfgs.ts';
import {
  checkClassification,
  checkDesign,
  checkPositive,
  type ClassificationData,
  type DesignMatrix,
} from './linear-data.ts';
import { sigmoid, softmaxInPlace } from './link-functions.ts';
import { binomialObjective, multinomialObjective } from './logistic-loss.ts';

/** Hyperparameters and solver settings of {@link fitLogistic}. */
export interface LogisticOptions {
  /** Inverse L2 strength: the objective is C·Σ log-loss + ½‖W‖². Default 1. */
  C?: number;
  /** Most L-BFGS iterations. Default 1000. */
  maxIter?: number;
  /** Stop when the objective's max-abs gradient is <= tol (sklearn's tol). Default 1e-4. */
  tol?: number;
  /** Progress after each iteration; return false to stop early. */
  onIteration?: (info: LbfgsIteration) => boolean | void;
}

/**
 * A fitted logistic regression, plain JSON. For two classes `coef` holds ONE
 * row (the weights of class 1, as sklearn's `coef_`); otherwise one row per
 * class. `coef` is row-major, `features` numbers per row.
 */
export interface LogisticModel {
  kind: 'logistic-regression';
  features: number;
  classCount: number;
  C: number;
  coef: number[];
  intercept: number[];
  fit: {
    iterations: number;
    evaluations: number;
    converged: boolean;
    stop: LbfgsStop;
    /** Final value of Σ log-loss + ‖W‖² / (2C). */
    objective: number;
    gradientMaxAbs: number;
  };
}

/**
 * Fits L2-penalized logistic regression the way scikit-learn's
 * `LogisticRegression()` does with lbfgs: multinomial (softmax) for three or
 * more classes, a single sigmoid weight vector for two, intercepts not
 * penalized, started from zero.
 *
 * @example
 * const model = fitLogistic({ x, rows, features, y, classCount: 3 }, { C: 1 });
 * predictProbaLogistic(model, { x, rows, features }); // rows × 3 probabilities
 */
export function fitLogistic(data: ClassificationData, options: LogisticOptions = {}): LogisticModel {
  const C = options.C ?? 1;
  const maxIter = options.maxIter ?? 1000;
  const tol = options.tol ?? 1e-4;
  checkPositive('C', C);
  checkPositive('tol', tol, true);
  checkPositive('maxIter', maxIter, true);
  checkClassification(data);

  const { features: p, classCount: k } = data;
  const binary = k === 2;
  const outputs = binary ? 1 : k;
  const objective = binary ? binomialObjective(data, C) : multinomialObjective(data, C);
  const result = minimizeLbfgs(objective, new Float64Array(outputs * (p + 1)), {
    maxIter,
    tol,
    onIteration: options.onIteration,
  });

  const coef: number[] = [];
  const intercept: number[] = [];
  for (let c = 0; c < outputs; c++) {
    const base = c * (p + 1);
    for (let j = 0; j < p; j++) coef.push(result.x[base + j]);
    intercept.push(result.x[base + p]);
  }
  return {
    kind: 'logistic-regression',
    features: p,
    classCount: k,
    C,
    coef,
    intercept,
    fit: {
      iterations: result.iterations,
      evaluations: result.evaluations,
      converged: result.converged,
      stop: result.stop,
      objective: result.value,
      gradientMaxAbs: result.gradientMaxAbs,
    },
  };
}

/**
 * Raw scores: rows × 1 for a binary model (the log-odds of class 1, sklearn's
 * `decision_function`), rows × classCount otherwise.
 */
export function decisionLogistic(model: LogisticModel, m: DesignMatrix): Float64Array {
  checkDesign(m, model.features);
  const { x, rows, features: p } = m;
  const outputs = model.intercept.length;
  const w = Float64Array.from(model.coef);
  const scores = new Float64Array(rows * outputs);
  for (let i = 0; i < rows; i++) {
    const off = i * p;
    for (let c = 0; c < outputs; c++) {
      let z = model.intercept[c];
      const base = c * p;
      for (let j = 0; j < p; j++) z += w[base + j] * x[off + j];
      scores[i * outputs + c] = z;
    }
  }
  return scores;
}

/** Class probabilities, rows × classCount, row-major (sklearn's `predict_proba`). */
export function predictProbaLogistic(model: LogisticModel, m: DesignMatrix): Float64Array {
  const scores = decisionLogistic(model, m);
  const k = model.classCount;
  if (model.intercept.length === 1) {
    const proba = new Float64Array(m.rows * 2);
    for (let i = 0; i < m.rows; i++) {
      const p1 = sigmoid(scores[i]);
      proba[2 * i] = 1 - p1;
      proba[2 * i + 1] = p1;
    }
    return proba;
  }
  for (let i = 0; i < m.rows; i++) softmaxInPlace(scores, i * k, k);
  return scores;
}

/**
 * Predicted class indices (sklearn's `predict`): the first class with the
 * highest score; for two classes, class 1 when its log-odds are > 0.
 */
export function predictLogistic(model: LogisticModel, m: DesignMatrix): Int32Array {
  const scores = decisionLogistic(model, m);
  const out = new Int32Array(m.rows);
  const outputs = model.intercept.length;
  for (let i = 0; i < m.rows; i++) {
    if (outputs === 1) {
      out[i] = scores[i] > 0 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let c = 1; c < outputs; c++) if (scores[i * outputs + c] > scores[i * outputs + best]) best = c;
    out[i] = best;
  }
  return out;
}
