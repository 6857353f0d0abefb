import { describe, expect, it } from 'vitest';
import {
  accuracyFormula,
  classCounts,
  classFormulas,
  defaultClassIndex,
  macroFormulas,
} from '../../../src/core/lessons/metric-formulas.ts';
import { latestClassificationRun } from '../../../src/core/lessons/latest-run.ts';
import { classificationReport } from '../../../src/core/metrics/index.ts';
import { run } from './snapshot.ts';

/** 100 binary rows: 45 of "no" right, 5 "no" called "yes", 10 "yes" called "no", 40 "yes" right. */
function binary() {
  const yTrue = [...Array(50).fill(0), ...Array(50).fill(1)];
  const yPred = [...Array(45).fill(0), ...Array(5).fill(1), ...Array(10).fill(0), ...Array(40).fill(1)];
  return classificationReport({ labels: ['no', 'yes'], yTrue, yPred });
}

/** Three classes with uneven errors, seeded by hand. */
function multiclass() {
  const yTrue = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 1, 0];
  const yPred = [0, 0, 1, 2, 1, 1, 0, 2, 2, 1, 2, 2, 1, 0];
  return classificationReport({ labels: ['a', 'b', 'c'], yTrue, yPred });
}

describe('metric formulas filled from a confusion matrix', () => {
  it('counts TP, FP, FN and TN of a class against the rest', () => {
    expect(classCounts(binary().confusion, 1)).toEqual({ label: 'yes', tp: 40, fp: 5, fn: 10, tn: 45 });
  });

  it('fills precision = TP / (TP + FP) with the counts and the result', () => {
    const [precision, recall, f1] = classFormulas(binary().confusion, 1);
    expect(precision.filled).toContain('\\frac{40}{40 + 5} = 0.889');
    expect(precision.value).toBeCloseTo(40 / 45, 12);
    expect(recall.filled).toContain('\\frac{40}{40 + 10} = 0.800');
    expect(f1.value).toBeCloseTo((2 * (40 / 45) * 0.8) / (40 / 45 + 0.8), 12);
  });

  it('fills accuracy with the diagonal over all rows', () => {
    const formula = accuracyFormula(binary().confusion);
    expect(formula.filled).toBe('\\text{accuracy} = \\frac{85}{100} = 0.850');
    expect(formula.value).toBe(binary().accuracy);
  });

  it('agrees with the per-class and macro scores of the classification report', () => {
    const report = multiclass();
    report.perClass.forEach((scores, c) => {
      const [p, r, f] = classFormulas(report.confusion, c);
      expect(p.value).toBeCloseTo(scores.precision, 12);
      expect(r.value).toBeCloseTo(scores.recall, 12);
      expect(f.value).toBeCloseTo(scores.f1, 12);
    });
    const [p, r, f] = macroFormulas(report.confusion);
    expect(p.value).toBeCloseTo(report.precisionMacro, 12);
    expect(r.value).toBeCloseTo(report.recallMacro, 12);
    expect(f.value).toBeCloseTo(report.f1Macro, 12);
    expect(p.filled).toMatch(/\\frac\{[0-9. +]+\}\{3\}/);
  });

  it('scores a class never predicted as precision 0, as scikit-learn does', () => {
    const report = classificationReport({ labels: ['x', 'y'], yTrue: [0, 1, 1], yPred: [0, 0, 0] });
    const [precision] = classFormulas(report.confusion, 1);
    expect(precision.value).toBe(0);
    expect(precision.filled).toContain('\\frac{0}{0 + 0}');
  });

  it('explains the positive class of a binary task and the first class otherwise', () => {
    expect(defaultClassIndex(binary().confusion)).toBe(1);
    expect(defaultClassIndex(multiclass().confusion)).toBe(0);
  });

  it('escapes a class name that TeX would read as markup', () => {
    const report = classificationReport({ labels: ['a_b', 'c&d'], yTrue: [0, 1], yPred: [0, 1] });
    expect(classFormulas(report.confusion, 0)[0].filled).toContain('\\text{a\\_b}');
  });
});

describe('the run the metrics lesson reads', () => {
  it('is the newest completed classification run', () => {
    const runs = [
      run({ id: 'old', finishedAt: '2026-01-01T00:00:00Z', metrics: binary() }),
      run({
        id: 'regr',
        finishedAt: '2026-01-03T00:00:00Z',
        metrics: { task: 'regression', n: 1, mae: 0, rmse: 0, r2: 1 },
      }),
      run({ id: 'failed', finishedAt: '2026-01-04T00:00:00Z', status: 'failed' }),
      run({ id: 'new', finishedAt: '2026-01-02T00:00:00Z', metrics: multiclass() }),
    ];
    expect(latestClassificationRun(runs)?.run.id).toBe('new');
    expect(latestClassificationRun(runs)?.confusion.labels).toEqual(['a', 'b', 'c']);
    expect(latestClassificationRun([])).toBeNull();
  });
});
