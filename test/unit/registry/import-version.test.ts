import { describe, expect, it } from 'vitest';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';
import { exportModelBundle } from '../../../src/core/registry/bundle/index.ts';
import { importModelVersion } from '../../../src/core/registry/import-version.ts';
import { DEFAULT_GATES, type ModelVersion } from '../../../src/core/registry/registry-types.ts';
import { flipByte, rezip, trained, type Trained } from './bundle/bundle-fixtures.ts';

const NOW = '2026-02-01T10:00:00.000Z';
const LATER = '2026-02-01T11:00:00.000Z';

async function zipOf(t: Trained): Promise<Uint8Array> {
  return exportModelBundle({
    version: t.version,
    run: t.run,
    artifactBytes: t.artifactBytes,
    modelCardMarkdown: t.card,
  });
}

/** A store whose model "churn" already has versions 1..n (artifacts that differ from any bundle's). */
async function storeWithVersions(t: Trained, n: number): Promise<MemoryWorkspaceStore> {
  const store = new MemoryWorkspaceStore();
  const puts = [];
  for (let i = 1; i <= n; i++) {
    const v: ModelVersion = {
      ...t.version,
      id: `churn@${i}`,
      version: i,
      stage: 'Development',
      aliases: [],
      artifactBlob: `${i}`.repeat(64).slice(0, 64),
    };
    puts.push({ kind: 'modelVersions' as const, value: v });
  }
  await store.commit(
    {
      puts: [
        {
          kind: 'models',
          value: {
            name: 'churn',
            createdAt: NOW,
            description: 'existing',
            gates: { ...DEFAULT_GATES, requireApproval: true },
            latestVersion: n,
          },
        },
        ...puts,
      ],
    },
    { at: NOW, actor: 'ana', type: 'model.updated', subject: 'churn', data: { description: 'existing' } },
  );
  return store;
}

async function refusal(promise: Promise<unknown>): Promise<WorkbenchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbenchError);
  return error as WorkbenchError;
}

describe('importModelVersion', () => {
  it('creates the model with default gates and keeps the version number in a fresh workspace, in Development with no aliases', async () => {
    const t = await trained('forest');
    const store = new MemoryWorkspaceStore();
    const done = await importModelVersion(store, await zipOf(t), { actor: 'bo', now: NOW });

    expect(done.renumberedFrom).toBeNull();
    expect(done.createdModel).toEqual({
      name: 'churn',
      createdAt: NOW,
      description: '',
      gates: DEFAULT_GATES,
      latestVersion: 3,
    });
    const stored = await store.getRecord('modelVersions', 'churn@3');
    expect(stored).toMatchObject({
      id: 'churn@3',
      version: 3,
      stage: 'Development',
      aliases: [],
      // The original's time and author; the import is recorded beside them.
      createdAt: t.version.createdAt,
      createdBy: t.version.createdBy,
      imported: { at: NOW, by: 'bo', fromId: 'churn@3' },
      runId: 'run-forest',
      description: 'Churn model ✓',
      tags: { team: 'growth' },
    });
    expect(stored!.card).toEqual(t.version.card);
    expect(await store.getBlob(t.version.artifactBlob)).toEqual(t.artifactBytes);
  });

  it('records model.imported with the original id, the artifact hash and the stored card and run blobs', async () => {
    const t = await trained('logistic');
    const store = new MemoryWorkspaceStore();
    await importModelVersion(store, await zipOf(t), { actor: 'bo', now: NOW });

    const events = await store.listAudit();
    const event = events.find((e) => e.type === 'model.imported')!;
    expect(event).toMatchObject({ actor: 'bo', subject: 'churn@3', at: NOW });
    expect(event.data).toMatchObject({
      originalId: 'churn@3',
      originalCreatedBy: 'ada',
      artifactBlob: t.version.artifactBlob,
      renumberedFrom: null,
      modelCreated: true,
    });
    const card = await store.getBlob(event.data.cardBlob as string);
    expect(new TextDecoder().decode(card)).toBe(t.card);
    const run = JSON.parse(new TextDecoder().decode(await store.getBlob(event.data.runBlob as string)));
    expect(run.id).toBe('run-logistic');
    expect(run.preprocessor.outputNames).toEqual(['a', 'b']);
    expect(verifyChain(events).ok).toBe(true);
  });

  it('renumbers to latestVersion + 1 when the number is taken, keeping the model and its gates', async () => {
    const t = await trained('forest');
    const store = await storeWithVersions(t, 4);
    const done = await importModelVersion(store, await zipOf(t), { actor: 'bo', now: LATER });

    expect(done.version.id).toBe('churn@5');
    expect(done.renumberedFrom).toBe(3);
    expect(done.createdModel).toBeNull();
    const model = await store.getRecord('models', 'churn');
    expect(model).toMatchObject({ latestVersion: 5, description: 'existing' });
    expect(model!.gates.requireApproval).toBe(true);
    expect((await store.getRecord('modelVersions', 'churn@3'))!.artifactBlob).toBe('3'.repeat(64));
    const event = (await store.listAudit()).find((e) => e.type === 'model.imported')!;
    expect(event.data).toMatchObject({ originalId: 'churn@3', version: 5, renumberedFrom: 3 });
  });

  it('keeps a free number below latestVersion without lowering latestVersion', async () => {
    const t = await trained('forest');
    const store = await storeWithVersions(t, 2);
    // Versions 1 and 2 exist; 3 is free.
    const done = await importModelVersion(store, await zipOf(t), { actor: 'bo', now: LATER });
    expect(done.version.version).toBe(3);
    expect((await store.getRecord('models', 'churn'))!.latestVersion).toBe(3);
  });

  it('refuses a bundle whose artifact is already a version of that model, writing nothing', async () => {
    const t = await trained('forest');
    const store = new MemoryWorkspaceStore();
    const zip = await zipOf(t);
    await importModelVersion(store, zip, { actor: 'bo', now: NOW });
    const before = (await store.listAudit()).length;

    const error = await refusal(importModelVersion(store, zip, { actor: 'bo', now: LATER }));
    expect(error.code).toBe('registry.already_imported');
    expect(error.message).toContain('is already version 3 of "churn"');
    expect(await store.listRecords('modelVersions')).toHaveLength(1);
    expect(await store.listAudit()).toHaveLength(before);
  });

  it("refuses a corrupted bundle with the bundle check's message and stores nothing", async () => {
    const t = await trained('forest');
    const store = new MemoryWorkspaceStore();
    const tampered = rezip(await zipOf(t), (files) =>
      files.set('churn-v3/forest.json', flipByte(files.get('churn-v3/forest.json')!)),
    );

    const error = await refusal(importModelVersion(store, tampered, { actor: 'bo', now: NOW }));
    expect(error.code).toBe('bundle.checksum');
    expect(error.message).toContain('forest.json does not match its checksum in manifest.json');
    expect(await store.listRecords('models')).toEqual([]);
    expect(await store.listAudit()).toEqual([]);
  });

  it('refuses to import without an actor', async () => {
    const t = await trained('forest');
    const error = await refusal(
      importModelVersion(new MemoryWorkspaceStore(), await zipOf(t), { actor: ' ', now: NOW }),
    );
    expect(error.code).toBe('registry.no_actor');
  });
});
