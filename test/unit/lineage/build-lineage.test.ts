import { describe, expect, it } from 'vitest';
import { buildLineage } from '../../../src/core/lineage/build-lineage.ts';
import { newestDescendants } from '../../../src/core/lineage/newest-descendant.ts';
import { planRegistration } from '../../../src/core/registry/plan-registration.ts';
import type { DatasetVersion } from '../../../src/core/data/versions/dataset-version.ts';
import type { ModelVersion } from '../../../src/core/registry/registry-types.ts';
import type { RunRecord } from '../../../src/core/train/run-record.ts';
import { ACTOR, at, completedRun, datasetVersion } from '../registry/registry-fixtures.ts';

const v1 = datasetVersion('v1\n', { name: 'iris', createdAt: at(0) }).version;
const v2 = datasetVersion('v2\n', { name: 'iris-clean', createdAt: at(10), parentId: v1.id }).version;
const v3 = datasetVersion('v3\n', { name: 'iris-more', createdAt: at(20), parentId: v2.id }).version;
const other = datasetVersion('other\n', { name: 'wine', createdAt: at(5) }).version;

function model(name: string, n: number, run: RunRecord, dataset: DatasetVersion): ModelVersion {
  const v = planRegistration(
    { models: [], versions: [], transitions: [] },
    { run, datasetVersion: dataset, modelName: name, actor: ACTOR, now: at(30 + n) },
  ).version;
  return { ...v, version: n, id: `${name}@${n}` };
}

const r1 = completedRun({ id: 'r1', datasetVersionId: v1.id, startedAt: at(1) });
const r2 = completedRun({ id: 'r2', datasetVersionId: v3.id, startedAt: at(21) });
const r3 = completedRun({ id: 'r3', datasetVersionId: v2.id, startedAt: at(11) });
const r4 = completedRun({ id: 'r4', datasetVersionId: other.id, startedAt: at(6) });
const m1 = model('iris', 1, r1, v1);
const m2 = model('iris', 2, r2, v3);
const w1 = model('wine', 1, r4, other);
const short = (d: DatasetVersion) => d.id.slice(0, 8);

describe('buildLineage', () => {
  const graph = buildLineage({
    datasetVersions: [v3, v1, other, v2],
    runs: [r2, r1, r4, r3],
    modelVersions: [m2, w1, m1],
  });

  it('links parent → child datasets, dataset → run and run → model version', () => {
    expect(graph.edges).toEqual(
      [
        { from: `dataset:${v1.id}`, to: `dataset:${v2.id}`, kind: 'derived' },
        { from: `dataset:${v2.id}`, to: `dataset:${v3.id}`, kind: 'derived' },
        { from: `dataset:${v1.id}`, to: 'run:r1', kind: 'trained' },
        { from: `dataset:${v3.id}`, to: 'run:r2', kind: 'trained' },
        { from: `dataset:${v2.id}`, to: 'run:r3', kind: 'trained' },
        { from: `dataset:${other.id}`, to: 'run:r4', kind: 'trained' },
        { from: 'run:r1', to: 'model:iris@1', kind: 'registered' },
        { from: 'run:r2', to: 'model:iris@2', kind: 'registered' },
        { from: 'run:r4', to: 'model:wine@1', kind: 'registered' },
      ].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1)),
    );
  });

  it('orders nodes by kind, then time, whatever the input order', () => {
    expect(graph.nodes.map((n) => n.id)).toEqual([
      `dataset:${v1.id}`,
      `dataset:${other.id}`,
      `dataset:${v2.id}`,
      `dataset:${v3.id}`,
      'run:r1',
      'run:r4',
      'run:r3',
      'run:r2',
      'model:iris@1',
      'model:wine@1',
      'model:iris@2',
    ]);
    expect(graph.nodes[0]).toMatchObject({
      kind: 'dataset',
      recordId: v1.id,
      label: `iris · ${short(v1)}`,
      detail: '150 rows × 3 columns',
    });
    expect(graph.nodes.find((n) => n.id === 'model:iris@1')).toMatchObject({
      kind: 'model',
      label: 'iris v1',
      detail: 'Development',
    });
  });

  it('marks a model version and its run stale when their dataset has a newer descendant, naming the newest', () => {
    const stale = graph.nodes.filter((n) => n.stale).map((n) => n.id);
    expect(stale).toEqual(['run:r1', 'model:iris@1']);
    const reason = `Trained on dataset version "iris" (${short(v1)}); a newer version "iris-more" (${short(v3)}, saved ${at(20)}) derives from it. Retrain on the newer version.`;
    expect(graph.nodes.find((n) => n.id === 'model:iris@1')!.staleReason).toBe(reason);
    expect(graph.nodes.find((n) => n.id === 'run:r1')!.staleReason).toBe(reason);
    // r3 trained on v2 (which has a descendant) but registered nothing: only models and their runs are marked.
    expect(graph.nodes.find((n) => n.id === 'run:r3')).toMatchObject({ stale: false, staleReason: null });
  });

  it('leaves out edges to records it was not given', () => {
    const partial = buildLineage({ datasetVersions: [v2], runs: [r1], modelVersions: [m1, m2] });
    expect(partial.edges).toEqual([{ from: 'run:r1', to: 'model:iris@1', kind: 'registered' }]);
    expect(partial.nodes.every((n) => !n.stale)).toBe(true);
  });
});

describe('newestDescendants', () => {
  it('maps each version with descendants to its newest one', () => {
    const map = newestDescendants([v1, v2, v3, other]);
    expect([...map].map(([id, d]) => [id, d.name]).sort()).toEqual(
      [
        [v1.id, 'iris-more'],
        [v2.id, 'iris-more'],
      ].sort(),
    );
  });

  it('stops on a corrupt cycle instead of looping', () => {
    const a = datasetVersion('a\n', { createdAt: at(1) }).version;
    const b = datasetVersion('b\n', { createdAt: at(2), parentId: a.id }).version;
    const cyclic = { ...a, parentId: b.id };
    const map = newestDescendants([cyclic, b]);
    expect(map.get(a.id)?.id).toBe(b.id);
    expect(map.get(b.id)?.id).toBe(a.id);
  });
});
