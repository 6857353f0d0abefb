import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbWorkspaceStore } from '../../../src/adapters/idb-store/idb-workspace-store.ts';
import { WRITE_STORES } from '../../../src/adapters/idb-store/append-sealed.ts';
import { closeWorkbenchDb, connectWorkbenchDb, openWorkbenchDb } from '../../../src/adapters/idb-store/open-db.ts';
import { WORKBENCH_DB_VERSION } from '../../../src/adapters/idb-store/schema.ts';
import { sealEvent } from '../../../src/core/audit/chain.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import type { AuditEvent } from '../../../src/core/audit/audit-event.ts';
import { verifyStore } from '../../../src/core/audit/verify-store.ts';
import type { ModelVersion } from '../../../src/core/registry/registry-types.ts';
import { draft, describeWorkspaceStore, erasure } from '../helpers/workspace-store-suite.ts';
import { sampleVersion } from '../helpers/sample-version.ts';

let dbCount = 0;
/** A fresh database name, so tests never see each other's data. */
const freshName = () => `workbench-test-${++dbCount}`;

describeWorkspaceStore('IdbWorkspaceStore', async () => {
  const name = freshName();
  // Two connections, as the page and a worker would have.
  const pageDb = connectWorkbenchDb(name);
  const store = new IdbWorkspaceStore(() => pageDb);
  const workerDb = pageDb.then(() => connectWorkbenchDb(name));
  return { store, peer: new IdbWorkspaceStore(() => workerDb) };
});

describe('IdbWorkspaceStore on IndexedDB', () => {
  it('creates every store and index at the current schema version', async () => {
    const db = await connectWorkbenchDb(freshName());
    expect(db.version).toBe(WORKBENCH_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'alerts',
      'audit',
      'blobs',
      'datasetVersions',
      'deployments',
      'featureEntities',
      'featureServices',
      'featureViews',
      'meta',
      'modelVersions',
      'models',
      'monitorPolicies',
      'onlineFeatures',
      'predictionLogs',
      'retrainings',
      'runs',
      'stageTransitions',
    ]);
    // Writes (and so erasing) span every store but the metadata.
    expect([...WRITE_STORES, 'meta'].sort()).toEqual([...db.objectStoreNames].sort());
    const tx = db.transaction(['audit', 'datasetVersions']);
    expect([...tx.objectStore('audit').indexNames].sort()).toEqual(['byAt', 'byType']);
    expect([...tx.objectStore('datasetVersions').indexNames]).toEqual(['byCreatedAt']);
    db.close();
  });

  it('upgrades a version-1 database to add runs, keeping its versions and audit log', async () => {
    const name = freshName();
    const { openDB } = await import('idb');
    const old = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('datasetVersions', { keyPath: 'id' }).createIndex('byCreatedAt', 'createdAt');
        db.createObjectStore('blobs', { keyPath: 'hash' });
        const audit = db.createObjectStore('audit', { keyPath: 'seq' });
        audit.createIndex('byType', 'type');
        audit.createIndex('byAt', 'at');
        db.createObjectStore('meta');
      },
    });
    const { version, bytes } = sampleVersion();
    await old.put('datasetVersions', version);
    await old.put('blobs', { hash: version.id, bytes, byteLength: bytes.byteLength });
    old.close();
    const db = await connectWorkbenchDb(name);
    expect(db.version).toBe(WORKBENCH_DB_VERSION);
    expect(await db.count('runs')).toBe(0);
    expect(await new IdbWorkspaceStore(async () => db).getDatasetVersion(version.id)).toEqual(version);
    db.close();
  });

  it('stores identical bytes once and leaves an existing blob untouched', async () => {
    const db = await connectWorkbenchDb(freshName());
    const store = new IdbWorkspaceStore(async () => db);
    const { version, bytes } = sampleVersion();
    // A blob already present under this hash (e.g. its version record was removed earlier).
    await db.put('blobs', { hash: version.id, bytes: bytes.slice(), byteLength: bytes.byteLength });
    const before = await db.get('blobs', version.id);
    await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
    await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
    expect(await db.count('blobs')).toBe(1);
    expect(await db.get('blobs', version.id)).toEqual(before);
    expect(await db.count('datasetVersions')).toBe(1);
    expect(await db.count('audit')).toBe(1);
    db.close();
  });

  it('stores only the bytes of a view, not its whole buffer', async () => {
    const db = await connectWorkbenchDb(freshName());
    const store = new IdbWorkspaceStore(async () => db);
    const { version, bytes } = sampleVersion();
    const big = new Uint8Array(1_000_000);
    big.set(bytes, 500);
    await store.saveDatasetVersion(version, big.subarray(500, 500 + bytes.byteLength), draft('dataset.version_saved'));
    const stored = await db.get('blobs', version.id);
    expect(stored?.bytes.buffer.byteLength).toBe(bytes.byteLength);
    expect(stored?.bytes).toEqual(bytes);
    db.close();
  });

  it('rolls back the blob it had already written when the version record fails', async () => {
    const db = await connectWorkbenchDb(freshName());
    const store = new IdbWorkspaceStore(async () => db);
    const { version, bytes } = sampleVersion();
    const profile = { ...version.profile, extra: Symbol('not storable') };
    await expect(
      store.saveDatasetVersion({ ...version, profile }, bytes, draft('dataset.version_saved')),
    ).rejects.toMatchObject({
      code: 'storage.not_storable',
    });
    expect([await db.count('blobs'), await db.count('datasetVersions'), await db.count('audit')]).toEqual([0, 0, 0]);
    // The store still works after the aborted transaction.
    expect((await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved'))).created).toBe(true);
    db.close();
  });

  it('erases the meta store too', async () => {
    const db = await connectWorkbenchDb(freshName());
    await db.put('meta', 'Ada', 'actor');
    await new IdbWorkspaceStore(async () => db).eraseAll(erasure());
    expect(await db.count('meta')).toBe(0);
    expect(verifyChain(await db.getAll('audit'))).toMatchObject({ ok: true, count: 1 });
    db.close();
  });

  it('keeps versions, blobs and the chain across closing and reopening the database', async () => {
    const name = freshName();
    const first = new IdbWorkspaceStore(() => openWorkbenchDb(name));
    const { version, bytes } = sampleVersion();
    await first.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
    const appended = await first.appendAudit(draft('column.type_overridden', version.id, { column: 'x' }));
    await closeWorkbenchDb(name);

    const reopened = new IdbWorkspaceStore(() => openWorkbenchDb(name));
    expect(await reopened.listDatasetVersions()).toEqual([version]);
    expect(await reopened.getBlob(version.id)).toEqual(bytes);
    expect(verifyChain(await reopened.listAudit())).toEqual({ ok: true, count: 2, head: appended.hash });
    await closeWorkbenchDb(name);
  });

  it('shares one connection between concurrent openWorkbenchDb callers', async () => {
    const name = freshName();
    const [a, b] = await Promise.all([openWorkbenchDb(name), openWorkbenchDb(name)]);
    expect(a).toBe(b);
    await closeWorkbenchDb(name);
    expect(await openWorkbenchDb(name)).not.toBe(a);
    await closeWorkbenchDb(name);
  });

  it('detects tampering done directly in the database', async () => {
    const db = await connectWorkbenchDb(freshName());
    const store = new IdbWorkspaceStore(async () => db);
    for (let i = 0; i < 4; i++) await store.appendAudit(draft('model.updated', `s${i}`, { i }));
    const third = await db.get('audit', 3);
    await db.put('audit', { ...third!, data: { description: 'edited' } } as AuditEvent);
    expect(verifyChain(await store.listAudit())).toMatchObject({ ok: false, brokenAt: 3 });
    await db.delete('audit', 3);
    expect(verifyChain(await store.listAudit())).toMatchObject({ ok: false, brokenAt: 3 });
    db.close();
  });
});

describe('IdbWorkspaceStore record binding', () => {
  it('names a model version whose stage was edited in IndexedDB, and one that was deleted', async () => {
    const name = freshName();
    const db = await connectWorkbenchDb(name);
    const store = new IdbWorkspaceStore(async () => db);
    const version = { id: 'm@1', modelName: 'm', version: 1, stage: 'Development' } as unknown as ModelVersion;
    await store.commit({ puts: [{ kind: 'modelVersions', value: version }] }, draft('model.registered', 'm@1'));
    expect(await verifyStore(store)).toMatchObject({ ok: true, bound: 1 });
    await db.put('modelVersions', { ...version, stage: 'Production' });
    expect(await verifyStore(store)).toEqual({
      ok: false,
      brokenAt: null,
      record: { kind: 'modelVersions', key: 'm@1' },
      reason: 'model version "m@1" differs from what event 1 wrote: it was edited outside the workbench',
    });
    await db.delete('modelVersions', 'm@1');
    expect(await verifyStore(store)).toMatchObject({ ok: false, reason: expect.stringContaining('is missing') });
    db.close();
  });

  it('keeps a database written before record binding working: unbound until the next write adopts its records', async () => {
    const name = freshName();
    const db = await connectWorkbenchDb(name);
    const { version, bytes } = sampleVersion();
    // As an earlier version wrote it: records and blobs, events without bindings.
    await db.put('datasetVersions', version);
    await db.put('blobs', { hash: version.id, bytes, byteLength: bytes.byteLength });
    const first = sealEvent(null, draft('dataset.version_saved', version.id));
    await db.put('audit', first);
    const store = new IdbWorkspaceStore(async () => db);
    expect(await verifyStore(store)).toEqual({ ok: true, count: 1, head: first.hash, bound: 0, unbound: 2 });

    const next = await store.appendAudit(draft('column.role_changed', version.id));
    const audit = await store.listAudit();
    expect(audit.map((e) => e.type)).toEqual(['dataset.version_saved', 'audit.records_adopted', 'column.role_changed']);
    expect(audit[1].records).toHaveLength(2);
    expect(next.seq).toBe(3);
    expect(await verifyStore(store)).toMatchObject({ ok: true, count: 3, bound: 2, unbound: 0 });
    // From now on a record no event wrote is named.
    await db.put('datasetVersions', { ...version, id: 'b'.repeat(64) });
    expect(await verifyStore(store)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('exists without an event'),
    });
    db.close();
  });
});
