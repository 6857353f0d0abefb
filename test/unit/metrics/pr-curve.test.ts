import { describe, expect, it } from 'vitest';
import { oneVsRestTarget, probabilityColumn } from '../../../src/core/metrics/binary-curve.ts';
import {
  averagePrecision,
  averagePrecisionPerClass,
  averagePrecisionScore,
  precisionRecallCurve,
} from '../../../src/core/metrics/pr-curve.ts';
import { trapezoidArea } from '../../../src/core/metrics/roc.ts';
import { expectAllClose, expectClose, flatProba, fullCases } from './sklearn-fixtures.ts';

describe('precisionRecallCurve', () => {
  it('reproduces sklearn’s docs example, ending at recall 0 / precision 1 with no threshold', () => {
    const curve = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(curve).toEqual({
      precision: [0.5, 2 / 3, 0.5, 1, 1],
      recall: [1, 1, 0.5, 0.5, 0],
      thresholds: [0.1, 0.35, 0.4, 0.8],
    });
  });

  it('sets recall to 1 everywhere when there is no positive row', () => {
    expect(precisionRecallCurve([0, 0], [0.3, 0.6]).recall).toEqual([1, 1, 0]);
    expect(averagePrecision([0, 0], [0.3, 0.6])).toBe(0);
  });

  it.each(fullCases.map((c) => [c.name, c] as const))(
    'equals sklearn precision_recall_curve for every class: %s',
    (_, c) => {
      const proba = flatProba(c);
      const k = c.labels.length;
      c.expected.prCurves!.forEach((expected, cls) => {
        const curve = precisionRecallCurve(oneVsRestTarget(c.yTrue, cls), probabilityColumn(proba, k, cls));
        expectAllClose(curve.thresholds, expected.thresholds, `class ${cls} thresholds`);
        expectAllClose(curve.precision, expected.precision, `class ${cls} precision`);
        expectAllClose(curve.recall, expected.recall, `class ${cls} recall`);
      });
    },
  );
});

describe('averagePrecision', () => {
  it('is the step-wise sum, not the trapezoidal area under the PR curve', () => {
    const y = [0, 0, 1, 1];
    const s = [0.1, 0.4, 0.35, 0.8];
    const { precision, recall } = precisionRecallCurve(y, s);
    expect(averagePrecision(y, s)).toBeCloseTo(5 / 6, 15);
    expect(trapezoidArea(recall, precision)).not.toBeCloseTo(5 / 6, 3);
  });

  it.each(fullCases.map((c) => [c.name, c] as const))('equals sklearn average_precision_score: %s', (_, c) => {
    const proba = flatProba(c);
    const k = c.labels.length;
    expectAllClose(averagePrecisionPerClass(c.yTrue, proba, k), c.expected.averagePrecisionPerClass!, 'per class');
    expectClose(averagePrecisionScore(c.yTrue, proba, k), c.expected.averagePrecision!, 'average precision');
  });
});
