import { describe, expect, it } from 'vitest';
import { oneVsRestTarget, probabilityColumn, thresholdCounts } from '../../../src/core/metrics/binary-curve.ts';
import { binaryRocAuc, rocAuc, rocAucPerClass, rocCurve, trapezoidArea } from '../../../src/core/metrics/roc.ts';
import { expectAllClose, expectClose, flatProba, fullCases } from './sklearn-fixtures.ts';

describe('thresholdCounts', () => {
  it('counts false and true positives at each distinct score, highest first, merging ties', () => {
    const counts = thresholdCounts([1, 0, 1, 0, 1], [0.9, 0.5, 0.5, 0.2, 0.9]);
    expect([...counts.thresholds]).toEqual([0.9, 0.5, 0.2]);
    expect([...counts.tps]).toEqual([2, 3, 3]);
    expect([...counts.fps]).toEqual([0, 1, 2]);
  });

  it('rejects a NaN score', () => {
    expect(() => thresholdCounts([1, 0], [NaN, 0.2])).toThrowError(/scores\[0\] is NaN/);
  });
});

describe('rocCurve', () => {
  it('reproduces the example in sklearn’s roc_curve docs (first threshold max + 1)', () => {
    const curve = rocCurve(
      [1, 1, 2, 2].map((y) => y === 2),
      [0.1, 0.4, 0.35, 0.8],
    );
    expect(curve).toEqual({
      fpr: [0, 0, 0.5, 0.5, 1],
      tpr: [0, 0.5, 0.5, 1, 1],
      thresholds: [1.8, 0.8, 0.4, 0.35, 0.1],
    });
  });

  it('drops collinear points unless asked to keep them', () => {
    const y = [1, 1, 1, 0, 0, 0];
    const s = [0.9, 0.8, 0.7, 0.3, 0.2, 0.1];
    expect(rocCurve(y, s).thresholds).toEqual([1.9, 0.9, 0.7, 0.1]);
    expect(rocCurve(y, s, { dropIntermediate: false }).thresholds).toHaveLength(7);
  });

  it('gives NaN true positive rates when there is no positive row, and a null AUC', () => {
    expect(rocCurve([0, 0, 0], [0.1, 0.2, 0.3]).tpr.every(Number.isNaN)).toBe(true);
    expect(binaryRocAuc([0, 0, 0], [0.1, 0.2, 0.3])).toBeNull();
  });

  it.each(fullCases.map((c) => [c.name, c] as const))('equals sklearn roc_curve for every class: %s', (_, c) => {
    const proba = flatProba(c);
    const k = c.labels.length;
    c.expected.rocCurves!.forEach((expected, cls) => {
      const curve = rocCurve(oneVsRestTarget(c.yTrue, cls), probabilityColumn(proba, k, cls));
      expectAllClose(curve.thresholds, expected.thresholds, `class ${cls} thresholds`);
      expectAllClose(curve.fpr, expected.fpr, `class ${cls} fpr`);
      expectAllClose(curve.tpr, expected.tpr, `class ${cls} tpr`);
    });
  });
});

describe('trapezoidArea', () => {
  it('integrates by trapezoids in either x direction and refuses a non-monotonic x', () => {
    expect(trapezoidArea([0, 0.5, 1], [0, 1, 1])).toBe(0.75);
    expect(trapezoidArea([1, 0.5, 0], [1, 1, 0])).toBe(0.75);
    expect(() => trapezoidArea([0, 1, 0.5], [0, 1, 1])).toThrowError(/both up and down/);
  });
});

describe('rocAuc', () => {
  it.each(fullCases.map((c) => [c.name, c] as const))(
    'equals sklearn roc_auc_score (binary, or ovr macro): %s',
    (_, c) => {
      const proba = flatProba(c);
      const k = c.labels.length;
      expectClose(rocAuc(c.yTrue, proba, k), c.expected.rocAuc!, 'rocAuc');
      const perClass = rocAucPerClass(c.yTrue, proba, k);
      c.expected.rocAucPerClass!.forEach((e, cls) => expectClose(perClass[cls], e, `class ${cls} auc`));
    },
  );

  it('is null for multiclass when a class never occurs in the truth (sklearn raises)', () => {
    const c = fullCases.find((x) => x.name === 'absent-in-truth')!;
    expect(rocAuc(c.yTrue, flatProba(c), 4)).toBeNull();
    expect(rocAucPerClass(c.yTrue, flatProba(c), 4)[3]).toBeNull();
  });

  it('refuses multiclass scores that are not probabilities', () => {
    expect(() => rocAuc([0, 1, 2], [0.5, 0.5, 0.5, 0.2, 0.3, 0.5, 0.1, 0.1, 0.8], 3)).toThrowError(
      /row 0 sum to 1\.5.*softmax/,
    );
  });
});
