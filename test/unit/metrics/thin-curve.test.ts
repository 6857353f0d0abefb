import { describe, expect, it } from 'vitest';
import { evenIndices, thinCurve } from '../../../src/core/metrics/thin-curve.ts';
import { classificationReport } from '../../../src/core/metrics/classification-report.ts';
import { flatProba, fullCases } from './sklearn-fixtures.ts';

describe('thinCurve', () => {
  it('keeps both ends and evenly spread points in between', () => {
    expect(evenIndices(5, 3)).toEqual([0, 2, 4]);
    expect(evenIndices(3, 10)).toEqual([0, 1, 2]);
    expect(thinCurve({ x: [0, 1, 2, 3, 4], y: [0, 1, 4, 9, 16] }, 3)).toEqual({ x: [0, 2, 4], y: [0, 4, 16] });
  });

  it('drops the last index from the shorter thresholds array of a PR curve', () => {
    const pr = { precision: [0.5, 0.6, 0.7, 0.8, 1], recall: [1, 0.8, 0.5, 0.2, 0], thresholds: [0.1, 0.2, 0.3, 0.4] };
    expect(thinCurve(pr, 3)).toEqual({ precision: [0.5, 0.7, 1], recall: [1, 0.5, 0], thresholds: [0.1, 0.3] });
  });

  it('thins report curves without changing any area-based metric', () => {
    const c = fullCases.find((x) => x.name === 'binary-logistic')!;
    const input = { labels: c.labels, yTrue: c.yTrue, yPred: c.yPred, proba: flatProba(c) };
    const full = classificationReport(input);
    const thin = classificationReport(input, { maxCurvePoints: 10 });
    expect(full.rocCurves![1]!.fpr.length).toBeGreaterThan(10);
    expect(thin.rocCurves![1]!.fpr).toHaveLength(10);
    expect(thin.prCurves![1]!.recall).toHaveLength(10);
    expect(thin.rocCurves![1]!.tpr.at(-1)).toBe(1);
    expect({ ...thin, rocCurves: null, prCurves: null }).toEqual({ ...full, rocCurves: null, prCurves: null });
  });
});
