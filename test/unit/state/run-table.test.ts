import { describe, expect, it } from 'vitest';
import { compareParameters, flattenSpec } from '../../../src/state/flatten-spec.ts';
import { metricOf, sortRuns } from '../../../src/state/run-columns.ts';
import type { RunRecord } from '../../../src/core/train/run-record.ts';
import { sampleRun } from '../helpers/workspace-store-suite.ts';

/** A completed run whose report holds only the given headline metrics. */
function runWith(id: string, metrics: Record<string, number>): RunRecord {
  const run = sampleRun(id, `2026-01-01T00:00:0${id.length}.000Z`);
  return { ...run, status: 'completed', outcome: { metrics } as unknown as RunRecord['outcome'] };
}

describe('flattenSpec and compareParameters', () => {
  it('flattens nested objects to dotted paths and keeps arrays whole', () => {
    expect(flattenSpec({ model: { kind: 'mlp', hiddenLayers: [64, 64], earlyStopping: null }, seed: 1 })).toEqual({
      'model.kind': 'mlp',
      'model.hiddenLayers': '[64,64]',
      'model.earlyStopping': 'null',
      seed: '1',
    });
  });

  it('flags the parameters that differ and shows a dash where a run lacks one', () => {
    const rows = compareParameters([
      { model: { kind: 'forest', trees: 100 }, seed: 1 },
      { model: { kind: 'forest', trees: 10 }, seed: 1 },
      { model: { kind: 'logistic', C: 1 }, seed: 1 },
    ]);
    expect(rows).toEqual([
      { path: 'model.kind', values: ['forest', 'forest', 'logistic'], differs: true },
      { path: 'model.trees', values: ['100', '10', '—'], differs: true },
      { path: 'seed', values: ['1', '1', '1'], differs: false },
      { path: 'model.C', values: ['—', '—', '1'], differs: true },
    ]);
  });
});

describe('sortRuns', () => {
  const a = runWith('a', { accuracy: 0.9, logLoss: 0.3 });
  const b = runWith('bb', { accuracy: 0.95, logLoss: 0.2 });
  const regression = runWith('ccc', { r2: 0.8, rmse: 3 });
  const cancelled = sampleRun('dddd', '2026-01-02T00:00:00.000Z');

  it('orders by a metric in either direction and puts runs without it last both times', () => {
    expect(sortRuns([a, regression, b, cancelled], 'accuracy', 'desc').map((r) => r.id)).toEqual([
      'bb',
      'a',
      'ccc',
      'dddd',
    ]);
    expect(sortRuns([a, regression, b, cancelled], 'accuracy', 'asc').map((r) => r.id)).toEqual([
      'a',
      'bb',
      'ccc',
      'dddd',
    ]);
  });

  it('reads a metric only when the run has a finite value for it', () => {
    expect(metricOf(a, 'accuracy')).toBe(0.9);
    expect(metricOf(regression, 'accuracy')).toBeNull();
    expect(metricOf(cancelled, 'r2')).toBeNull();
    expect(metricOf(runWith('e', { r2: NaN }), 'r2')).toBeNull();
  });
});
