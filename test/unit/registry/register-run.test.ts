import { describe, expect, it } from 'vitest';
import { planRegistration } from '../../../src/core/registry/plan-registration.ts';
import { registerRun } from '../../../src/core/registry/registry-service.ts';
import { readRegistry } from '../../../src/core/registry/registry-snapshot.ts';
import { DEFAULT_GATES } from '../../../src/core/registry/registry-types.ts';
import { versionMetrics } from '../../../src/core/registry/version-metrics.ts';
import { ACTOR, at, classificationReport, completedRun, storeWith } from './registry-fixtures.ts';

describe('registerRun', () => {
  it('creates the model with default gates and numbers versions 1, 2, … in Development', async () => {
    const { store, dataset, runs } = await storeWith((d) => [
      completedRun({ id: 'r1', datasetVersionId: d }),
      completedRun({ id: 'r2', datasetVersionId: d, correct: 90 }),
    ]);
    const first = await registerRun(store, {
      run: runs[0],
      modelName: 'iris',
      description: 'first try',
      tags: { team: 'ml' },
      actor: ACTOR,
      now: at(10),
    });
    const second = await registerRun(store, { run: runs[1], modelName: 'iris', actor: ACTOR, now: at(11) });

    expect(first.createdModel).toEqual({
      name: 'iris',
      createdAt: at(10),
      description: '',
      gates: DEFAULT_GATES,
      latestVersion: 1,
    });
    expect(second.createdModel).toBeNull();
    expect([first.version.id, second.version.id]).toEqual(['iris@1', 'iris@2']);
    const stored = await store.getRecord('modelVersions', 'iris@1');
    expect(stored).toMatchObject({
      version: 1,
      stage: 'Development',
      runId: 'r1',
      datasetVersionId: dataset.id,
      createdBy: ACTOR,
      description: 'first try',
      tags: { team: 'ml' },
      modelKind: 'forest',
      testRows: 100,
      artifactBlob: runs[0].outcome!.modelBlob,
      artifactBytes: 2048,
      aliases: [],
    });
    expect(stored!.metrics.accuracy).toBe(0.85);
    expect((await store.getRecord('modelVersions', 'iris@2'))!.metrics.accuracy).toBe(0.9);
    expect((await store.getRecord('models', 'iris'))!.latestVersion).toBe(2);
    const events = (await store.listAudit()).filter((e) => e.type === 'model.registered');
    expect(events.map((e) => [e.subject, e.actor, e.data.modelCreated])).toEqual([
      ['iris@1', ACTOR, true],
      ['iris@2', ACTOR, false],
    ]);
  });

  it('builds the signature from the dataset schema, the run features, target and labels', async () => {
    const { store, runs } = await storeWith((d) => [completedRun({ id: 'r1', datasetVersionId: d })]);
    const { version } = await registerRun(store, { run: runs[0], modelName: 'iris', actor: ACTOR, now: at(10) });
    expect(version.signature).toEqual({
      inputs: [
        { name: 'length', type: 'number', role: 'feature' },
        { name: 'colour', type: 'category', role: 'feature' },
      ],
      target: { name: 'species', type: 'category', labels: ['setosa', 'versicolor'] },
      task: 'classification',
    });
  });

  it('refuses failed runs, a run already registered in the model, bad names and a run whose column is not in the schema', async () => {
    const { store, dataset, runs } = await storeWith((d) => [
      completedRun({ id: 'r1', datasetVersionId: d }),
      { ...completedRun({ id: 'bad', datasetVersionId: d }), status: 'failed', outcome: null, reason: 'boom' },
      completedRun({ id: 'odd', datasetVersionId: d, features: ['weight'] }),
    ]);
    await expect(
      registerRun(store, { run: runs[1], modelName: 'iris', actor: ACTOR, now: at(10) }),
    ).rejects.toMatchObject({ code: 'registry.run_not_completed', message: /was failed: only completed runs/ });
    await registerRun(store, { run: runs[0], modelName: 'iris', actor: ACTOR, now: at(10) });
    await expect(
      registerRun(store, { run: runs[0], modelName: 'iris', actor: ACTOR, now: at(11) }),
    ).rejects.toMatchObject({ code: 'registry.run_already_registered', message: /already version 1 of "iris"/ });
    await expect(
      registerRun(store, { run: runs[0], modelName: 'iris@2', actor: ACTOR, now: at(11) }),
    ).rejects.toMatchObject({ code: 'registry.bad_name' });
    await expect(
      registerRun(store, { run: runs[2], modelName: 'iris', actor: ACTOR, now: at(11) }),
    ).rejects.toMatchObject({ code: 'registry.signature_column_missing', message: /"weight"/ });
    await expect(
      registerRun(store, { run: runs[0], modelName: 'other', actor: ' ', now: at(11) }),
    ).rejects.toMatchObject({ code: 'registry.no_actor' });
    await expect(
      registerRun(store, { run: runs[0], modelName: 'other', actor: ACTOR, now: '2026-01-01' }),
    ).rejects.toMatchObject({ code: 'registry.bad_time' });
    expect((await readRegistry(store)).versions.map((v) => v.id)).toEqual(['iris@1']);
    expect(dataset.schema.map((c) => c.name)).not.toContain('weight');
  });

  it('refuses a second registration planned from the same snapshot, writing nothing (two tabs cannot both issue version 2)', async () => {
    const { store, dataset, runs } = await storeWith((d) => [
      completedRun({ id: 'r1', datasetVersionId: d }),
      completedRun({ id: 'r2', datasetVersionId: d }),
      completedRun({ id: 'r3', datasetVersionId: d }),
    ]);
    await registerRun(store, { run: runs[0], modelName: 'iris', actor: ACTOR, now: at(10) });
    const snapshot = await readRegistry(store);
    const tabA = planRegistration(snapshot, {
      run: runs[1],
      datasetVersion: dataset,
      modelName: 'iris',
      actor: 'tab-a',
      now: at(11),
    });
    const tabB = planRegistration(snapshot, {
      run: runs[2],
      datasetVersion: dataset,
      modelName: 'iris',
      actor: 'tab-b',
      now: at(11),
    });
    expect([tabA.version.id, tabB.version.id]).toEqual(['iris@2', 'iris@2']);
    const auditBefore = (await store.listAudit()).length;

    await store.commit(tabA.change, tabA.event);
    await expect(store.commit(tabB.change, tabB.event)).rejects.toMatchObject({ code: 'storage.conflict' });

    const after = await readRegistry(store);
    expect(after.versions.map((v) => [v.id, v.runId])).toEqual([
      ['iris@1', 'r1'],
      ['iris@2', 'r2'],
    ]);
    expect(after.models[0].latestVersion).toBe(2);
    expect((await store.listAudit()).length).toBe(auditBefore + 1);
  });

  it('refuses two tabs creating the same new model at once', async () => {
    const { store, dataset, runs } = await storeWith((d) => [
      completedRun({ id: 'r1', datasetVersionId: d }),
      completedRun({ id: 'r2', datasetVersionId: d }),
    ]);
    const snapshot = await readRegistry(store);
    const a = planRegistration(snapshot, {
      run: runs[0],
      datasetVersion: dataset,
      modelName: 'new',
      actor: ACTOR,
      now: at(10),
    });
    const b = planRegistration(snapshot, {
      run: runs[1],
      datasetVersion: dataset,
      modelName: 'new',
      actor: ACTOR,
      now: at(10),
    });
    await store.commit(a.change, a.event);
    await expect(store.commit(b.change, b.event)).rejects.toMatchObject({ code: 'storage.conflict' });
    expect((await store.listRecords('modelVersions')).map((v) => v.runId)).toEqual(['r1']);
  });
});

describe('versionMetrics', () => {
  it('flattens a classification report to its headline metrics, null for missing ones', () => {
    const report = classificationReport(
      ['a', 'b'],
      [
        [50, 0],
        [15, 35],
      ],
      { rocAuc: null, logLoss: Number.NaN },
    );
    expect(versionMetrics(report)).toEqual({
      accuracy: 0.85,
      precisionMacro: report.precisionMacro,
      recallMacro: report.recallMacro,
      f1Macro: report.f1Macro,
      precisionWeighted: report.precisionWeighted,
      recallWeighted: report.recallWeighted,
      f1Weighted: report.f1Weighted,
      rocAuc: null,
      averagePrecision: 0.88,
      logLoss: null,
    });
  });

  it('keeps mae, rmse and r2 of a regression report, NaN as null', () => {
    expect(versionMetrics({ task: 'regression', n: 1, mae: 0.5, rmse: 0.5, r2: Number.NaN })).toEqual({
      mae: 0.5,
      rmse: 0.5,
      r2: null,
    });
  });
});
