import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../src/core/registry/compare-versions.ts';
import { planRegistration } from '../../../src/core/registry/plan-registration.ts';
import type { ModelVersion } from '../../../src/core/registry/registry-types.ts';
import type { ForestSpec } from '../../../src/core/models/forest/forest-spec.ts';
import { defaultModelSpec } from '../../../src/core/train/pipeline-spec.ts';
import type { RunRecord } from '../../../src/core/train/run-record.ts';
import { ACTOR, at, completedRun, datasetVersion } from './registry-fixtures.ts';

function register(run: RunRecord, content: string): ModelVersion {
  const dv = datasetVersion(content).version;
  return planRegistration(
    { models: [], versions: [], transitions: [] },
    { run: { ...run, datasetVersionId: dv.id }, datasetVersion: dv, modelName: 'iris', actor: ACTOR, now: at(1) },
  ).version;
}

describe('compareVersions', () => {
  const runA = completedRun({ id: 'a', datasetVersionId: 'x', correct: 85 });
  const runB = completedRun({ id: 'b', datasetVersionId: 'x', correct: 90, features: ['length'] });
  runB.spec = {
    ...runB.spec,
    model: { ...(defaultModelSpec('forest') as ForestSpec), trees: 300, maxDepth: 8 },
    split: { kind: 'random', testFraction: 0.25, stratify: true, seed: 7 },
  };
  const a = register(runA, 'one\n');
  const registeredB = register(runB, 'two\n');
  const b: ModelVersion = {
    ...registeredB,
    version: 2,
    id: 'iris@2',
    metrics: { ...registeredB.metrics, logLoss: 0.3, rocAuc: null },
  };
  const result = compareVersions(a, b, { a: runA.spec, b: runB.spec });

  it('puts metrics side by side with b − a and which is better', () => {
    const row = (m: string) => result.metrics.find((x) => x.metric === m);
    expect(row('accuracy')).toEqual({ metric: 'accuracy', a: 0.85, b: 0.9, difference: 0.9 - 0.85, better: 'b' });
    expect(row('logLoss')).toEqual({ metric: 'logLoss', a: 0.35, b: 0.3, difference: 0.3 - 0.35, better: 'b' });
    expect(row('averagePrecision')).toEqual({
      metric: 'averagePrecision',
      a: 0.88,
      b: 0.88,
      difference: 0,
      better: 'same',
    });
    expect(row('rocAuc')).toEqual({ metric: 'rocAuc', a: 0.9, b: null, difference: null, better: null });
  });

  it('lists the pipeline parameters that differ', () => {
    const changed = result.parameters.filter((p) => !p.same).map((p) => [p.name, p.a, p.b]);
    expect(changed).toEqual([
      ['features', 'length, colour', 'length'],
      ['model.maxDepth', null, 8],
      ['model.trees', 100, 300],
      ['split.testFraction', 0.2, 0.25],
    ]);
    expect(result.parameters.find((p) => p.name === 'seed')).toEqual({ name: 'seed', a: 7, b: 7, same: true });
  });

  it('names the dataset versions and the signature differences', () => {
    expect(result.dataset).toEqual({ a: a.datasetVersionId, b: b.datasetVersionId, same: false });
    expect(result.signature.matches).toBe(false);
    expect(result.signature.removed).toEqual(['colour']);
    expect(result.signature.summary).toEqual(['inputs no longer used "colour"']);
  });

  it('gives no parameters without both specs, and a matching signature for the same inputs', () => {
    const same = compareVersions(a, a);
    expect(same.parameters).toEqual([]);
    expect(same.signature.matches).toBe(true);
    expect(same.signature.summary).toEqual([]);
  });
});
