import { describe, expect, it } from 'vitest';
import { accuracy } from '../../../src/core/metrics/accuracy.ts';
import { confusionMatrix, labelledConfusionMatrix } from '../../../src/core/metrics/confusion.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';
import { expectClose, fullCases } from './sklearn-fixtures.ts';

describe('confusionMatrix', () => {
  it('counts actual classes in rows and predicted classes in columns', () => {
    expect(confusionMatrix([0, 1, 1, 2], [0, 0, 1, 1], 3)).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 1, 0],
    ]);
  });

  it('keeps a row and a column for a class that never occurs', () => {
    expect(labelledConfusionMatrix([0, 0], [0, 0], ['a', 'b'])).toEqual({
      labels: ['a', 'b'],
      matrix: [
        [2, 0],
        [0, 0],
      ],
    });
  });

  it('rejects a class index outside the labels with a message that says what to do', () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrowError(/yTrue\[1\] is 3.*indices into the labels/);
    expect(() => confusionMatrix([0, 1.5], [0, 1], 3)).toThrowError(WorkbenchError);
    expect(() => confusionMatrix([0, 1], [0], 3)).toThrowError(/yTrue has 2 values but yPred has 1/);
    expect(() => confusionMatrix([], [], 3)).toThrowError(/empty/);
  });

  it.each(fullCases.map((c) => [c.name, c] as const))('equals sklearn confusion_matrix: %s', (_, c) => {
    expect(confusionMatrix(c.yTrue, c.yPred, c.labels.length)).toEqual(c.expected.confusion);
  });
});

describe('accuracy', () => {
  it('is the share of exact matches', () => {
    expect(accuracy([0, 1, 2, 1], [0, 1, 1, 1])).toBe(0.75);
  });

  it.each(fullCases.map((c) => [c.name, c] as const))('equals sklearn accuracy_score: %s', (_, c) => {
    expectClose(accuracy(Int32Array.from(c.yTrue), Int32Array.from(c.yPred)), c.expected.accuracy!, 'accuracy');
  });
});
