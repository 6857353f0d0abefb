/**
 * Input checks shared by the metrics: every metric fails the same way, with a
 * message that says which argument is wrong and how to fix it.
 */
import { WorkbenchError } from '../errors.ts';

/** Throws unless `values` is non-empty; `what` names the argument in the message. */
export function checkNonEmpty(values: ArrayLike<unknown>, what: string): void {
  if (values.length === 0) {
    throw new WorkbenchError(
      'metrics.empty',
      `${what} is empty. Metrics need at least one held-out row; make the test split larger.`,
    );
  }
}

/** Throws unless `a` and `b` have the same length. */
export function checkSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, names: [string, string]): void {
  if (a.length !== b.length) {
    throw new WorkbenchError(
      'metrics.length_mismatch',
      `${names[0]} has ${a.length} values but ${names[1]} has ${b.length}. Pass one value per held-out row to both.`,
    );
  }
}

/** Throws unless there are at least two classes. */
export function checkClassCount(k: number): void {
  if (!Number.isInteger(k) || k < 2) {
    throw new WorkbenchError(
      'metrics.too_few_classes',
      `This metric needs at least two classes but got ${k}. Check the labels list passed to the metric.`,
    );
  }
}

/** Throws unless every entry of `y` is an integer class index in `[0, k)`. */
export function checkClassIndices(y: ArrayLike<number>, k: number, what: string): void {
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0 || c >= k) {
      throw new WorkbenchError(
        'metrics.bad_class_index',
        `${what}[${i}] is ${c}, which is not a class index between 0 and ${k - 1}. ` +
          'Encode classes as indices into the labels list before computing metrics.',
      );
    }
  }
}

/** Throws unless `values` are all finite numbers. */
export function checkFinite(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new WorkbenchError(
        'metrics.non_finite',
        `${what}[${i}] is ${values[i]}. Metrics need finite numbers; check the model's output for NaN or Infinity.`,
      );
    }
  }
}

/** Throws unless `proba` is a finite row-major `n × k` matrix. */
export function checkProbabilities(proba: ArrayLike<number>, n: number, k: number): void {
  if (proba.length !== n * k) {
    throw new WorkbenchError(
      'metrics.bad_probabilities',
      `The probabilities hold ${proba.length} values but ${n} rows × ${k} classes need ${n * k}. ` +
        'Pass one row per held-out example with one column per label, flattened row by row.',
    );
  }
  checkFinite(proba, 'probabilities');
}
