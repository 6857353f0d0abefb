import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../../src/adapters/folder-store/record-codec.ts';
import { IdbWorkspaceStore } from '../../../src/adapters/idb-store/idb-workspace-store.ts';
import { connectWorkbenchDb } from '../../../src/adapters/idb-store/open-db.ts';
import { restoreSnapshotToIdb } from '../../../src/adapters/idb-store/restore-snapshot.ts';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { verifyStore } from '../../../src/core/audit/verify-store.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';
import { exportWorkspaceBundle, readSnapshot, readWorkspaceBundle } from '../../../src/core/workspace-bundle/index.ts';
import { draft, erasure } from '../helpers/workspace-store-suite.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';
import { restoreSnapshotToFolder } from '../../../src/adapters/folder-store/restore-snapshot.ts';
import { LESSON_SETTINGS_KEY } from '../../../src/core/lessons/lesson-settings.ts';
import { LESSON_PROGRESS_KEY } from '../../../src/core/lessons/progress.ts';
import { sampleVersion } from '../helpers/sample-version.ts';

const codec = { encode: encodeRecord, decode: decodeRecord };
let n = 0;

/** A small workspace: two dataset versions (one with NaN in its record) and a model record. */
async function sourceBundle(): Promise<Uint8Array> {
  const store = new MemoryWorkspaceStore();
  const a = sampleVersion('x\n1\n2\n', { name: 'a' });
  const b = sampleVersion('x\n3\n4\n', { name: 'b', note: 'second' });
  await store.saveDatasetVersion(a.version, a.bytes, draft('dataset.version_saved', a.version.id));
  await store.saveDatasetVersion(b.version, b.bytes, draft('dataset.version_saved', b.version.id));
  await store.commit(
    {
      puts: [
        {
          kind: 'models',
          value: {
            name: 'm',
            createdAt: '2024-01-01T00:00:00.000Z',
            description: 'score NaN kept',
            gates: {
              stages: ['Production'],
              metrics: [{ metric: 'accuracy', min: Number.NaN }],
              requireQualityChecks: true,
              requireSignatureMatch: true,
              requireApproval: false,
            },
            latestVersion: 0,
          },
        },
      ],
    },
    draft('model.gates_set', 'm'),
  );
  const progress: string[] = [];
  const zip = await exportWorkspaceBundle({
    snapshot: await readSnapshot(store),
    codec,
    exportedAt: '2024-01-02T00:00:00.000Z',
    onProgress: (p) => progress.push(p.phase),
  });
  expect(progress).toContain('Hashing files');
  return zip;
}

describe('restoreSnapshotToIdb', () => {
  it('imports a verified bundle into an empty IndexedDB workspace, whose chain then verifies', async () => {
    const snapshot = await readWorkspaceBundle(await sourceBundle(), codec);
    const db = connectWorkbenchDb(`bundle-test-${++n}`);
    await restoreSnapshotToIdb(snapshot, () => db);
    const store = new IdbWorkspaceStore(() => db);
    const check = await verifyStore(store);
    expect(check).toMatchObject({ ok: true, count: 3 });
    expect((await store.listDatasetVersions()).map((v) => v.name).sort()).toEqual(['a', 'b']);
    const [model] = await store.listRecords('models');
    expect(Number.isNaN(model.gates.metrics[0].min)).toBe(true);
    expect((await store.listAudit()).map((e) => e.hash)).toEqual(snapshot.audit.map((e) => e.hash));
  });

  it('accepts a workspace that was only erased, replacing the erasure event', async () => {
    const snapshot = await readWorkspaceBundle(await sourceBundle(), codec);
    const db = connectWorkbenchDb(`bundle-test-${++n}`);
    const store = new IdbWorkspaceStore(() => db);
    await store.eraseAll(erasure());
    await restoreSnapshotToIdb(snapshot, () => db);
    expect((await verifyStore(store)).ok).toBe(true);
    expect((await store.listAudit()).length).toBe(3);
  });

  it('refuses a workspace that holds anything, writing nothing', async () => {
    const snapshot = await readWorkspaceBundle(await sourceBundle(), codec);
    const db = connectWorkbenchDb(`bundle-test-${++n}`);
    const store = new IdbWorkspaceStore(() => db);
    const mine = sampleVersion('x\n9\n', { name: 'mine' });
    await store.saveDatasetVersion(mine.version, mine.bytes, draft('dataset.version_saved', mine.version.id));
    const before = await store.listAudit();
    const error = await restoreSnapshotToIdb(snapshot, () => db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toBe('workspace.not_empty');
    expect(await store.listAudit()).toEqual(before);
    expect((await store.listDatasetVersions()).map((v) => v.name)).toEqual(['mine']);
    expect(await store.listRecords('models')).toEqual([]);
  });

  it('carries the lesson settings and progress, but not device settings, to IndexedDB and to a folder', async () => {
    const store = new MemoryWorkspaceStore();
    await store.appendAudit(draft('column.role_changed', 'x'));
    const lessonSettings = { metrics: { hidden: ['train-params'], locks: { modelKind: 'logistic' } } };
    const progress = { active: 'metrics', done: { metrics: ['open-run'] } };
    await store.setSetting(LESSON_SETTINGS_KEY, lessonSettings);
    await store.setSetting(LESSON_PROGRESS_KEY, progress);
    await store.setSetting('actor', 'teacher');
    const zip = await exportWorkspaceBundle({ snapshot: await readSnapshot(store), codec, exportedAt: 'T' });
    const snapshot = await readWorkspaceBundle(zip, codec);
    expect(snapshot.settings).toEqual({ [LESSON_SETTINGS_KEY]: lessonSettings, [LESSON_PROGRESS_KEY]: progress });

    const db = connectWorkbenchDb(`bundle-test-${++n}`);
    await restoreSnapshotToIdb(snapshot, () => db);
    const imported = new IdbWorkspaceStore(() => db);
    expect(await imported.getSetting(LESSON_SETTINGS_KEY)).toEqual(lessonSettings);
    expect(await imported.getSetting(LESSON_PROGRESS_KEY)).toEqual(progress);
    expect(await imported.getSetting('actor')).toBeUndefined();

    const dir = join(await mkdtemp(join(tmpdir(), 'bundle-settings-')), 'ws');
    await restoreSnapshotToFolder(snapshot, dir);
    const folder = await FileWorkspaceStore.open(dir, { create: false });
    expect(await folder.getSetting(LESSON_SETTINGS_KEY)).toEqual(lessonSettings);
    expect(await folder.getSetting(LESSON_PROGRESS_KEY)).toEqual(progress);
    expect(await folder.getSetting('actor')).toBeUndefined();
  });

  it('exports the same bytes for the same workspace and time', async () => {
    expect(await sourceBundle()).toEqual(await sourceBundle());
  });
});
