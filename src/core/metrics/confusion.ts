import { checkClassIndices, checkNonEmpty, checkSameLength } from './validate.ts';

/** A confusion matrix with its class names: `matrix[actual][predicted]` counts rows. */
export interface ConfusionMatrix {
  labels: string[];
  matrix: number[][];
}

/**
 * Counts of (actual, predicted) class pairs, as sklearn's `confusion_matrix`
 * with `labels=range(k)`: rows are the actual class, columns the predicted one.
 *
 * @param yTrue actual class indices (0..k-1)
 * @param yPred predicted class indices (0..k-1)
 * @param k number of classes; classes never seen still get a row and a column
 * @example
 * confusionMatrix([0, 1, 1], [0, 0, 1], 2); // [[1, 0], [1, 1]]
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number): number[][] {
  checkNonEmpty(yTrue, 'yTrue');
  checkSameLength(yTrue, yPred, ['yTrue', 'yPred']);
  checkClassIndices(yTrue, k, 'yTrue');
  checkClassIndices(yPred, k, 'yPred');
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) matrix[yTrue[i]][yPred[i]] += 1;
  return matrix;
}

/** {@link confusionMatrix} with the class names attached, for reports and the UI. */
export function labelledConfusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  labels: readonly string[],
): ConfusionMatrix {
  return { labels: [...labels], matrix: confusionMatrix(yTrue, yPred, labels.length) };
}
