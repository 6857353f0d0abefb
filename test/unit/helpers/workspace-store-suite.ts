import { DEFAULT_GATES } from '../../../src/core/registry/registry-types.ts';
import type { RunRecord } from '../../../src/core/train/run-record.ts';
import { defaultPipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditDraft, type AuditEventType } from '../../../src/core/audit/audit-event.ts';
import { workspaceErased, type ErasureRequest } from '../../../src/core/audit/events/workspace-events.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { verifyStore } from '../../../src/core/audit/verify-store.ts';
import { sha256Hex } from '../../../src/core/hash/sha256.ts';
import type { DatasetVersion } from '../../../src/core/data/versions/dataset-version.ts';
import type { WorkspaceStore } from '../../../src/core/ports.ts';
import { sampleVersion } from './sample-version.ts';
import { describeRecordKeys } from '../store/record-keys-suite.ts';

/** Two handles on one workspace: for IndexedDB, two connections (a page and a worker); for memory, the same store. */
export interface StoreHarness {
  store: WorkspaceStore;
  peer: WorkspaceStore;
}

/** An audit draft with a fixed clock, for tests. */
/** A minimal cancelled run record. */
export function sampleRun(id: string, startedAt: string): RunRecord {
  return {
    id,
    name: id,
    status: 'cancelled',
    reason: 'Cancelled by the user.',
    spec: defaultPipelineSpec('d'.repeat(64), 'y'),
    datasetVersionId: 'd'.repeat(64),
    datasetName: 'data',
    seed: 42,
    environment: {
      backend: null,
      backendReason: null,
      tfjsVersion: '4.22.0',
      workbenchVersion: '0.1.0',
      platform: 'test',
    },
    startedAt,
    finishedAt: startedAt,
    durationMs: 0,
    curve: [],
    outcome: null,
    rerunOf: null,
  };
}

/** A draft of a real type with any data: what a store keeps does not depend on the payload. */
export function draft(type: AuditEventType, subject = '', data: Record<string, unknown> = {}): AuditDraft {
  return { at: '2024-01-01T00:00:00.000Z', actor: 'tester', type, subject, data } as AuditDraft;
}

/** An erase request; `data` is kept in the genesis event next to what the store adds. */
export function erasure(data: Record<string, unknown> = {}): ErasureRequest {
  return { ...workspaceErased({ at: '2024-01-01T00:00:00.000Z', actor: 'tester' }), data } as ErasureRequest;
}

/**
 * The behaviour every WorkspaceStore must have, run against one
 * implementation: `makeHarness` gives a fresh, empty workspace each time.
 */
export function describeWorkspaceStore(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describeRecordKeys(name, async () => (await makeHarness()).store);
  describe(`${name}: WorkspaceStore behaviour`, () => {
    it('commits registry records, blobs and the audit event together, and refuses a stale plan', async () => {
      const { store } = await makeHarness();
      const model = {
        name: 'churn',
        createdAt: '2026-01-01T00:00:00.000Z',
        description: '',
        gates: DEFAULT_GATES,
        latestVersion: 1,
      };
      const blob = { hash: 'a'.repeat(64), bytes: new Uint8Array([9]) };
      await store.commit(
        {
          puts: [{ kind: 'models', value: model }],
          blobs: [blob],
          expect: [{ kind: 'models', key: 'churn', equals: undefined }],
        },
        draft('model.registered', 'churn@1'),
      );
      expect(await store.getRecord('models', 'churn')).toEqual(model);
      expect(await store.getBlob(blob.hash)).toEqual(blob.bytes);
      // A second plan made before the first landed expects the model to be absent: refused, nothing written.
      const stale = { ...model, latestVersion: 2 };
      await expect(
        store.commit(
          { puts: [{ kind: 'models', value: stale }], expect: [{ kind: 'models', key: 'churn', equals: undefined }] },
          draft('model.registered', 'churn@2'),
        ),
      ).rejects.toThrow(/changed elsewhere/);
      expect(await store.listRecords('models')).toEqual([model]);
      expect((await store.listAudit()).map((e) => e.type)).toEqual(['model.registered']);
      await store.setSetting('actor', 'ada');
      expect(await store.getSetting('actor')).toBe('ada');
    });

    it('saves a run, its model blob and its audit event together, once per run id', async () => {
      const { store } = await makeHarness();
      const run = sampleRun('run-1', '2026-01-01T00:00:00.000Z');
      const blob = { hash: 'f'.repeat(64), bytes: new Uint8Array([1, 2, 3]) };
      await store.saveRun(run, [blob], draft('run.completed', run.id));
      await store.saveRun(sampleRun('run-2', '2026-01-02T00:00:00.000Z'), [blob], draft('run.completed', 'run-2'));
      expect((await store.listRuns()).map((r) => r.id)).toEqual(['run-2', 'run-1']);
      expect(await store.getRun('run-1')).toEqual(run);
      expect(await store.getBlob(blob.hash)).toEqual(blob.bytes);
      expect((await store.listAudit()).map((e) => e.type)).toEqual(['run.completed', 'run.completed']);
      await expect(store.saveRun(run, [], draft('run.completed', run.id))).rejects.toThrow(/already stored/);
      expect(await store.listAudit()).toHaveLength(2);
    });

    it('saves a version, its bytes and its audit event together', async () => {
      const { store } = await makeHarness();
      const { version, bytes } = sampleVersion();
      const result = await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
      expect(result).toEqual({ created: true, version });
      expect(await store.getDatasetVersion(version.id)).toEqual(version);
      expect(await store.getBlob(version.id)).toEqual(bytes);
      const audit = await store.listAudit();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        seq: 1,
        type: 'dataset.version_saved',
        subject: version.id,
        prevHash: GENESIS_HASH,
      });
      expect(verifyChain(audit)).toEqual({ ok: true, count: 1, head: audit[0].hash });
    });

    it('creates nothing when the same version id is saved twice, and returns the stored version', async () => {
      const { store } = await makeHarness();
      const { version, bytes } = sampleVersion('x\n1\n2\n', { name: 'first' });
      await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
      const again = await store.saveDatasetVersion(
        { ...version, name: 'second' },
        bytes,
        draft('dataset.version_saved', version.id),
      );
      expect(again).toEqual({ created: false, version });
      expect(again.version.name).toBe('first');
      expect(await store.listDatasetVersions()).toHaveLength(1);
      expect(await store.listAudit()).toHaveLength(1);
    });

    it('lists versions newest first and the audit log in seq order', async () => {
      const { store } = await makeHarness();
      const dates = ['2024-03-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'];
      for (const [i, createdAt] of dates.entries()) {
        const { version, bytes } = sampleVersion(`x\n${i}\n`, { createdAt, name: `v${i}` });
        await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
      }
      expect((await store.listDatasetVersions()).map((v) => v.name)).toEqual(['v0', 'v2', 'v1']);
      expect((await store.listAudit()).map((e) => e.seq)).toEqual([1, 2, 3]);
    });

    it('writes nothing when a record cannot be stored', async () => {
      const { store } = await makeHarness();
      const { version, bytes } = sampleVersion();
      const broken = { ...version, note: (() => 'a function is not storable') as unknown as string };
      await expect(
        store.saveDatasetVersion(broken, bytes, draft('dataset.version_saved', version.id)),
      ).rejects.toMatchObject({
        code: 'storage.not_storable',
      });
      await expectEmpty(store, version.id);
    });

    it('writes neither record nor blob when the audit event is invalid', async () => {
      const { store } = await makeHarness();
      const { version, bytes } = sampleVersion();
      const badEvent = draft('dataset.version_saved', version.id, { callback: () => 1 });
      await expect(store.saveDatasetVersion(version, bytes, badEvent)).rejects.toMatchObject({
        code: 'audit.invalid_event',
      });
      await expectEmpty(store, version.id);
    });

    it('refuses bytes whose length differs from the version record', async () => {
      const { store } = await makeHarness();
      const { version } = sampleVersion();
      await expect(
        store.saveDatasetVersion(version, new Uint8Array(1), draft('dataset.version_saved')),
      ).rejects.toMatchObject({
        code: 'storage.version_mismatch',
      });
      await expectEmpty(store, version.id);
    });

    it('keeps one valid chain when two handles append at the same time', async () => {
      const { store, peer } = await makeHarness();
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 10; i++) {
        writes.push(
          store.appendAudit(draft('model.updated', `m${i}`)),
          peer.appendAudit(draft('model.card_updated', `w${i}`)),
        );
        const { version, bytes } = sampleVersion(`x\n${i}\n`);
        writes.push(
          (i % 2 ? store : peer).saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id)),
        );
      }
      await Promise.all(writes);
      const audit = await peer.listAudit();
      expect(audit.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(verifyChain(audit)).toMatchObject({ ok: true, count: 30 });
      expect(await store.listAudit()).toEqual(audit);
    });

    it('returns from appendAudit exactly the event it stored', async () => {
      const { store } = await makeHarness();
      const first = await store.appendAudit(
        draft('column.type_overridden', 'v1', { column: 'x', from: 'integer', to: 'category' }),
      );
      const second = await store.appendAudit(draft('column.role_changed', 'v1', { column: 'x', to: 'target' }));
      expect(second.prevHash).toBe(first.hash);
      expect(await store.listAudit()).toEqual([first, second]);
    });

    it('erases everything and starts a new chain with the genesis event', async () => {
      const { store } = await makeHarness();
      const { version, bytes } = sampleVersion();
      await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
      await store.appendAudit(draft('column.type_overridden', version.id));
      const before = await store.listAudit();
      const genesis = await store.eraseAll(erasure({ reason: 'user asked' }));
      expect(genesis).toMatchObject({
        seq: 1,
        prevHash: GENESIS_HASH,
        type: 'workspace.erased',
        data: { reason: 'user asked', erasedEvents: 2, previousHead: before[1].hash },
      });
      expect(await store.listAudit()).toEqual([genesis]);
      expect(await store.listDatasetVersions()).toEqual([]);
      expect(await store.getBlob(version.id)).toBeUndefined();
      const next = await store.appendAudit(draft('dataset.version_saved'));
      expect(next).toMatchObject({ seq: 2, prevHash: genesis.hash });
      expect(verifyChain(await store.listAudit())).toEqual({ ok: true, count: 2, head: next.hash });
    });

    it('records the genesis hash as previous head when erasing an empty workspace', async () => {
      const { store } = await makeHarness();
      const genesis = await store.eraseAll(erasure());
      expect(genesis.data).toEqual({ erasedEvents: 0, previousHead: GENESIS_HASH });
    });

    it('binds every record and blob it writes to the event that wrote it, so verification replays them', async () => {
      const { store } = await makeHarness();
      const { version, bytes } = sampleVersion();
      await store.saveDatasetVersion(version, bytes, draft('dataset.version_saved', version.id));
      const run = sampleRun('run-1', '2026-01-01T00:00:00.000Z');
      const artifact = new Uint8Array([1, 2, 3]);
      const blob = { hash: await sha256Hex(artifact), bytes: artifact };
      await store.saveRun(run, [blob], draft('run.completed', run.id));
      const model = { name: 'm', createdAt: run.startedAt, description: '', gates: DEFAULT_GATES, latestVersion: 1 };
      await store.commit({ puts: [{ kind: 'models', value: model }] }, draft('model.registered', 'm'));
      await store.commit(
        { puts: [{ kind: 'models', value: { ...model, description: 'second' } }] },
        draft('model.updated', 'm'),
      );
      await store.appendAudit(draft('column.role_changed'));
      const audit = await store.listAudit();
      expect(audit.map((e) => e.records?.map((r) => `${r.kind}/${r.key.slice(0, 8)}`))).toEqual([
        [`datasetVersions/${version.id.slice(0, 8)}`, `blobs/${version.id.slice(0, 8)}`],
        ['runs/run-1', `blobs/${blob.hash.slice(0, 8)}`],
        ['models/m'],
        ['models/m'],
        [],
      ]);
      expect(await verifyStore(store)).toEqual({ ok: true, count: 5, head: audit[4].hash, bound: 5, unbound: 0 });
      expect((await store.listBlobs()).sort()).toEqual([version.id, blob.hash].sort());
    });

    it('hands out copies, so editing what it returned does not edit the log', async () => {
      const { store } = await makeHarness();
      await store.appendAudit(draft('model.updated', 's', { n: 1 }));
      const listed = await store.listAudit();
      (listed[0].data as Record<string, unknown>).n = 2;
      expect((await store.listAudit())[0].data).toEqual({ n: 1 });
      expect(verifyChain(await store.listAudit())).toMatchObject({ ok: true });
    });
  });
}

async function expectEmpty(store: WorkspaceStore, id: string): Promise<void> {
  const versions: DatasetVersion[] = await store.listDatasetVersions();
  expect(versions).toEqual([]);
  expect(await store.getBlob(id)).toBeUndefined();
  expect(await store.listAudit()).toEqual([]);
}
