import { confusionMatrix } from './confusion.ts';
import { numpyMean, numpyWeightedMean } from './numpy-sum.ts';

/** Precision, recall and F1 of one class, with its support (rows actually in it). */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Averages of precision, recall and F1 over classes. */
export interface AveragedScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Per-class scores and their macro (unweighted) and weighted (by support) means. */
export interface PrecisionRecallF1 {
  perClass: ClassScores[];
  macro: AveragedScores;
  weighted: AveragedScores;
}

/**
 * sklearn's `_prf_divide` with `zero_division=0`: a ratio whose denominator is
 * zero (a class never predicted, or never present) counts as 0, silently.
 */
function divideOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Precision, recall and F1 for every class, and their macro and weighted
 * averages, equal to sklearn's `precision_recall_fscore_support(...,
 * labels=range(k), zero_division=0)`.
 *
 * Zero division: precision of a class never predicted, recall of a class never
 * present, and F1 when both are 0, are all **0** (sklearn's `zero_division=0`;
 * no warning is raised). Those classes still count in the macro average; the
 * weighted average weighs each class by its support, so absent classes add 0.
 *
 * @example
 * precisionRecallF1([0, 0, 1, 1], [0, 1, 1, 1], 2).perClass[1];
 * // { precision: 0.666…, recall: 1, f1: 0.8, support: 2 }
 */
export function precisionRecallF1(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number): PrecisionRecallF1 {
  const matrix = confusionMatrix(yTrue, yPred, k);
  const precision = new Float64Array(k);
  const recall = new Float64Array(k);
  const f1 = new Float64Array(k);
  const support = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const tp = matrix[c][c];
    let predicted = 0;
    let actual = 0;
    for (let j = 0; j < k; j++) {
      predicted += matrix[j][c];
      actual += matrix[c][j];
    }
    precision[c] = divideOrZero(tp, predicted);
    recall[c] = divideOrZero(tp, actual);
    // Same operation order as sklearn's `(1 + beta2) * precision * recall / denom`.
    const denom = precision[c] + recall[c];
    f1[c] = (2 * precision[c] * recall[c]) / (denom === 0 ? 1 : denom);
    support[c] = actual;
  }
  const perClass = Array.from({ length: k }, (_, c) => ({
    precision: precision[c],
    recall: recall[c],
    f1: f1[c],
    support: support[c],
  }));
  // Support sums to n ≥ 1 (confusionMatrix rejects empty input), so weighted is defined.
  return {
    perClass,
    macro: { precision: numpyMean(precision), recall: numpyMean(recall), f1: numpyMean(f1) },
    weighted: {
      precision: numpyWeightedMean(precision, support),
      recall: numpyWeightedMean(recall, support),
      f1: numpyWeightedMean(f1, support),
    },
  };
}
