import { describe, expect, it } from 'vitest';
import { precisionRecallF1 } from '../../../src/core/metrics/precision-recall-f1.ts';
import { expectAllClose, expectClose, fixtures, fullCases } from './sklearn-fixtures.ts';

describe('precisionRecallF1', () => {
  it('scores each class from the confusion counts', () => {
    const { perClass } = precisionRecallF1([0, 0, 1, 1], [0, 1, 1, 1], 2);
    expect(perClass[0]).toEqual({ precision: 1, recall: 0.5, f1: (2 * 1 * 0.5) / 1.5, support: 2 });
    expect(perClass[1]).toEqual({ precision: 2 / 3, recall: 1, f1: (2 * (2 / 3) * 1) / (2 / 3 + 1), support: 2 });
  });

  it('sets the precision of a never-predicted class to 0 (zero_division=0) and keeps it in the macro mean', () => {
    const c = fixtures.classification.find((x) => x.name === 'never-predicted')!;
    const result = precisionRecallF1(c.yTrue, c.yPred, 3);
    expect(result.perClass[2].precision).toBe(0);
    expect(result.perClass[2].f1).toBe(0);
    expect(result.perClass[2].support).toBeGreaterThan(0);
    expect(result.macro.precision).toBe((result.perClass[0].precision + result.perClass[1].precision + 0) / 3);
  });

  it('sets recall and F1 of a class absent from the truth to 0', () => {
    const result = precisionRecallF1([0, 0], [0, 1], 2);
    expect(result.perClass[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it.each(fullCases.map((c) => [c.name, c] as const))('equals sklearn precision_recall_fscore_support: %s', (_, c) => {
    const e = c.expected;
    const r = precisionRecallF1(Int32Array.from(c.yTrue), Int32Array.from(c.yPred), c.labels.length);
    expectAllClose(
      r.perClass.map((s) => s.precision),
      e.precision!,
      'precision',
    );
    expectAllClose(
      r.perClass.map((s) => s.recall),
      e.recall!,
      'recall',
    );
    expectAllClose(
      r.perClass.map((s) => s.f1),
      e.f1!,
      'f1',
    );
    expect(r.perClass.map((s) => s.support)).toEqual(e.support);
    expectClose(r.macro.precision, e.precisionMacro!, 'precision macro');
    expectClose(r.macro.recall, e.recallMacro!, 'recall macro');
    expectClose(r.macro.f1, e.f1Macro!, 'f1 macro');
    expectClose(r.weighted.precision, e.precisionWeighted!, 'precision weighted');
    expectClose(r.weighted.recall, e.recallWeighted!, 'recall weighted');
    expectClose(r.weighted.f1, e.f1Weighted!, 'f1 weighted');
  });
});
