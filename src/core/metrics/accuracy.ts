import { checkNonEmpty, checkSameLength } from './validate.ts';

/**
 * Share of rows whose predicted class equals the actual one (sklearn's
 * `accuracy_score`).
 *
 * @example
 * accuracy([0, 1, 2, 1], [0, 1, 1, 1]); // 0.75
 */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkNonEmpty(yTrue, 'yTrue');
  checkSameLength(yTrue, yPred, ['yTrue', 'yPred']);
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct++;
  return correct / yTrue.length;
}
