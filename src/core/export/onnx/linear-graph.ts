import type { LogisticModel } from '../../models/linear/logistic-regression.ts';
import type { RidgeModel } from '../../models/linear/ridge.ts';
import { doubleTensor, GraphBuilder } from './onnx-graph.ts';

/**
 * Logistic regression's class probabilities (rows × k doubles): with two
 * classes, P(1) = sigmoid(coef·x + b) and P(0) = 1 − P(1), as the workbench
 * computes them; with more, the softmax of one score per class.
 */
export function addLogistic(g: GraphBuilder, x: string, model: LogisticModel): string {
  const outputs = model.intercept.length;
  const coef = g.constant('coef', doubleTensor(model.coef, [outputs, model.features]));
  const scores = g.op('Gemm', [x, coef, g.constant('intercept', doubleTensor(model.intercept))], {
    transB: { int: 1 },
  });
  if (outputs > 1) return g.op('Softmax', [scores], { axis: { int: 1 } });
  const p1 = g.op('Sigmoid', [scores]);
  const p0 = g.op('Sub', [g.constant('one', doubleTensor([1])), p1]);
  return g.op('Concat', [p0, p1], { axis: { int: 1 } });
}

/** Ridge regression's value, rows × 1 doubles: intercept + coef · x. */
export function addRidge(g: GraphBuilder, x: string, model: RidgeModel): string {
  const coef = g.constant('coef', doubleTensor(model.coef, [1, model.features]));
  return g.op('Gemm', [x, coef, g.constant('intercept', doubleTensor([model.intercept]))], { transB: { int: 1 } });
}
