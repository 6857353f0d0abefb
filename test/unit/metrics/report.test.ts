import { describe, expect, it } from 'vitest';
import { classificationReport } from '../../../src/core/metrics/classification-report.ts';
import { regressionReport } from '../../../src/core/metrics/regression-report.ts';
import { wilsonInterval } from '../../../src/core/metrics/confidence-interval.ts';
import { expectAllClose, expectClose, flatProba, fullCases } from './sklearn-fixtures.ts';

describe('classificationReport', () => {
  it.each(fullCases.map((c) => [c.name, c] as const))('gathers every metric equal to sklearn’s: %s', (_, c) => {
    const e = c.expected;
    const r = classificationReport({ labels: c.labels, yTrue: c.yTrue, yPred: c.yPred, proba: flatProba(c) });
    expect(r.task).toBe('classification');
    expect(r.n).toBe(c.yTrue.length);
    expectClose(r.accuracy, e.accuracy!, 'accuracy');
    expectClose(r.precisionMacro, e.precisionMacro!, 'precisionMacro');
    expectClose(r.recallMacro, e.recallMacro!, 'recallMacro');
    expectClose(r.f1Macro, e.f1Macro!, 'f1Macro');
    expectClose(r.precisionWeighted, e.precisionWeighted!, 'precisionWeighted');
    expectClose(r.recallWeighted, e.recallWeighted!, 'recallWeighted');
    expectClose(r.f1Weighted, e.f1Weighted!, 'f1Weighted');
    expectClose(r.rocAuc, e.rocAuc!, 'rocAuc');
    expectClose(r.averagePrecision, e.averagePrecision!, 'averagePrecision');
    expectClose(r.logLoss, e.logLoss, 'logLoss');
    expect(r.confusion).toEqual({ labels: c.labels, matrix: e.confusion });
    expect(r.perClass.map((p) => p.label)).toEqual(c.labels);
    expectAllClose(
      r.perClass.map((p) => p.f1),
      e.f1!,
      'perClass f1',
    );
    expect(r.perClass.map((p) => p.rocAuc)).toHaveLength(c.labels.length);
    const correct = c.yTrue.filter((y, i) => y === c.yPred[i]).length;
    expect(r.accuracyInterval).toEqual(wilsonInterval(correct, c.yTrue.length, 0.95));
    r.rocCurves!.forEach((curve, cls) => {
      if (curve === null) expect(e.support![cls]).toBe(0);
      else expectAllClose(curve.tpr, e.rocCurves![cls].tpr, `roc ${cls}`);
    });
  });

  it('leaves probability metrics null when the model gives no probabilities', () => {
    const r = classificationReport({ labels: ['a', 'b'], yTrue: [0, 1, 1], yPred: [0, 1, 0] });
    expect(r.accuracy).toBe(2 / 3);
    expect([r.rocAuc, r.logLoss, r.averagePrecision, r.rocCurves, r.prCurves]).toEqual([null, null, null, null, null]);
    expect(r.perClass[0]).toEqual({
      label: 'a',
      precision: 0.5,
      recall: 1,
      f1: 2 / 3,
      support: 1,
      rocAuc: null,
      averagePrecision: null,
    });
  });

  it('gives no ROC or PR curve, and a null AUC, for a class absent from the held-out rows', () => {
    const c = fullCases.find((x) => x.name === 'absent-in-truth')!;
    const r = classificationReport({ labels: c.labels, yTrue: c.yTrue, yPred: c.yPred, proba: flatProba(c) });
    expect(r.rocAuc).toBeNull();
    expect(r.perClass[3].rocAuc).toBeNull();
    expect(r.rocCurves![3]).toBeNull();
    expect(r.prCurves![3]).toBeNull();
    expect(r.rocCurves![0]).not.toBeNull();
  });

  it('is a plain object that survives JSON and structured clone unchanged', () => {
    const c = fullCases.find((x) => x.name === 'multiclass-3')!;
    const r = classificationReport({
      labels: c.labels,
      yTrue: Int32Array.from(c.yTrue),
      yPred: c.yPred,
      proba: flatProba(c),
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(structuredClone(r)).toEqual(r);
  });

  it('refuses a single label and mismatched probabilities with a message that says what to do', () => {
    expect(() => classificationReport({ labels: ['only'], yTrue: [0], yPred: [0] })).toThrowError(
      /at least two classes/,
    );
    expect(() =>
      classificationReport({ labels: ['a', 'b'], yTrue: [0, 1], yPred: [0, 1], proba: [1, 0] }),
    ).toThrowError(/one row per held-out example/);
  });
});

describe('regressionReport', () => {
  it('returns mae, rmse and r2 under the CLI’s names', () => {
    expect(regressionReport([3, -0.5, 2, 7], [2.5, 0, 2, 8])).toEqual({
      task: 'regression',
      n: 4,
      mae: 0.5,
      rmse: Math.sqrt(0.375),
      r2: expect.closeTo(0.9486081370449679, 15),
    });
  });
});
