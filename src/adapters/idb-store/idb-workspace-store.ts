import { GENESIS_HASH, type AuditDraft, type AuditEvent } from '../../core/audit/audit-event.ts';
import { sealEvent } from '../../core/audit/chain.ts';
import { erasureGenesis, type ErasureRequest } from '../../core/audit/events/workspace-events.ts';
import { bindBlob, bindRecord } from '../../core/audit/record-binding.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import {
  recordKeyOf,
  type BlobInput,
  type RecordChange,
  type RecordKind,
  type RecordTypes,
  type StoredKind,
  type WorkspaceStore,
} from '../../core/ports.ts';
import { sameData } from '../../core/same-data.ts';
import type { RunRecord } from '../../core/train/run-record.ts';
import { WorkbenchError } from '../../core/errors.ts';
import { assertVersionBytes, ownedBytes, storageWriteError } from '../storage-quota/storage-errors.ts';
import { openWorkbenchDb } from './open-db.ts';
import { appendSealed, WRITE_STORES } from './append-sealed.ts';
import type { WorkbenchDb } from './schema.ts';

/**
 * The workspace in IndexedDB. Each change and its audit event are written in
 * one readwrite transaction, and the chain head is read inside that same
 * transaction: IndexedDB runs overlapping readwrite transactions one at a
 * time, so several stores on one database (main thread, workers, tabs) still
 * append to a single consistent chain.
 *
 * @example
 * const store = new IdbWorkspaceStore();
 * const { created } = await store.saveDatasetVersion(version, bytes, draft);
 */
export class IdbWorkspaceStore implements WorkspaceStore {
  /** @param connect Gives the connection to use; the shared one by default. */
  constructor(private readonly connect: () => Promise<WorkbenchDb> = () => openWorkbenchDb()) {}

  async saveDatasetVersion(
    version: DatasetVersion,
    bytes: Uint8Array,
    event: AuditDraft,
  ): Promise<{ created: boolean; version: DatasetVersion }> {
    assertVersionBytes(version, bytes);
    const blob = { hash: version.id, bytes: ownedBytes(bytes), byteLength: bytes.byteLength };
    const db = await this.connect();
    const tx = db.transaction(WRITE_STORES, 'readwrite');
    return inTransaction(tx, 'Saving the dataset version', async (write) => {
      const versions = tx.objectStore('datasetVersions');
      const existing = await versions.get(version.id);
      if (existing) return { created: false, version: existing };
      const bindings = [bindRecord('datasetVersions', version.id, version), bindBlob(blob.hash)];
      const [blobKey] = await Promise.all([
        tx.objectStore('blobs').getKey(blob.hash),
        appendSealed(tx, event, bindings, write),
      ]);
      if (blobKey === undefined) write(tx.objectStore('blobs').add(blob));
      write(versions.add(version));
      return { created: true, version };
    });
  }

  async listDatasetVersions(): Promise<DatasetVersion[]> {
    const db = await this.connect();
    return (await db.getAllFromIndex('datasetVersions', 'byCreatedAt')).reverse();
  }

  async getDatasetVersion(id: string): Promise<DatasetVersion | undefined> {
    return (await this.connect()).get('datasetVersions', id);
  }

  async listBlobs(): Promise<string[]> {
    return (await this.connect()).getAllKeys('blobs');
  }

  async getBlob(hash: string): Promise<Uint8Array | undefined> {
    return (await (await this.connect()).get('blobs', hash))?.bytes;
  }

  async saveRun(run: RunRecord, blobs: BlobInput[], event: AuditDraft): Promise<RunRecord> {
    const records = blobs.map(({ hash, bytes }) => ({ hash, bytes: ownedBytes(bytes), byteLength: bytes.byteLength }));
    const db = await this.connect();
    const tx = db.transaction(WRITE_STORES, 'readwrite');
    return inTransaction(tx, 'Saving the run', async (write) => {
      if ((await tx.objectStore('runs').getKey(run.id)) !== undefined) {
        throw new WorkbenchError(
          'storage.run_exists',
          `A run with id ${run.id} is already stored. Start a new run instead.`,
        );
      }
      const bindings = [bindRecord('runs', run.id, run), ...records.map((b) => bindBlob(b.hash))];
      const [, ...present] = await Promise.all([
        appendSealed(tx, event, bindings, write),
        ...records.map((b) => tx.objectStore('blobs').getKey(b.hash)),
      ]);
      records.forEach((b, i) => {
        if (present[i] === undefined) write(tx.objectStore('blobs').add(b));
      });
      write(tx.objectStore('runs').add(run));
      return run;
    });
  }

  async listRuns(): Promise<RunRecord[]> {
    return (await (await this.connect()).getAllFromIndex('runs', 'byStartedAt')).reverse();
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    return (await this.connect()).get('runs', id);
  }

  async commit(change: RecordChange, event: AuditDraft): Promise<AuditEvent> {
    const blobs = (change.blobs ?? []).map(({ hash, bytes }) => ({
      hash,
      bytes: ownedBytes(bytes),
      byteLength: bytes.byteLength,
    }));
    const db = await this.connect();
    const tx = db.transaction(WRITE_STORES, 'readwrite');
    return inTransaction(tx, 'Saving the registry change', async (write) => {
      const expectations = change.expect ?? [];
      const current = await Promise.all(expectations.map((e) => tx.objectStore(e.kind).get(e.key)));
      expectations.forEach((e, i) => {
        if (!sameData(current[i], e.equals)) {
          throw new WorkbenchError(
            'storage.conflict',
            `${e.key} was changed elsewhere (another tab?) while you worked. Reload and try again.`,
          );
        }
      });
      const bindings = [
        ...change.puts.map((p) => bindRecord(p.kind, recordKeyOf(p.kind, p.value), p.value)),
        ...blobs.map((b) => bindBlob(b.hash)),
      ];
      const [sealed, ...present] = await Promise.all([
        appendSealed(tx, event, bindings, write),
        ...blobs.map((b) => tx.objectStore('blobs').getKey(b.hash)),
      ]);
      blobs.forEach((b, i) => {
        if (present[i] === undefined) write(tx.objectStore('blobs').add(b));
      });
      for (const put of change.puts) write(tx.objectStore(put.kind).put(put.value as never));
      return sealed;
    });
  }

  async listRecords<K extends RecordKind>(kind: K): Promise<RecordTypes[K][]> {
    return (await (await this.connect()).getAll(kind)) as RecordTypes[K][];
  }

  async getRecord<K extends RecordKind>(kind: K, key: string): Promise<RecordTypes[K] | undefined> {
    return (await (await this.connect()).get(kind, key)) as RecordTypes[K] | undefined;
  }

  async listKeys(kind: StoredKind): Promise<string[]> {
    // getAllKeys walks the object store's primary keys only: no value is cloned out.
    return (await this.connect()).getAllKeys(kind);
  }

  async countRecords(kind: StoredKind): Promise<number> {
    return (await this.connect()).count(kind);
  }

  async getSetting(key: string): Promise<unknown> {
    return (await this.connect()).get('meta', key);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await (await this.connect()).put('meta', value, key);
  }

  async appendAudit(event: AuditDraft): Promise<AuditEvent> {
    const db = await this.connect();
    const tx = db.transaction(WRITE_STORES, 'readwrite');
    return inTransaction(tx, 'Recording the audit event', (write) => appendSealed(tx, event, [], write));
  }

  async listAudit(): Promise<AuditEvent[]> {
    return (await this.connect()).getAll('audit');
  }

  async eraseAll(event: ErasureRequest): Promise<AuditEvent> {
    const db = await this.connect();
    // Erasing clears every store the writes touch, and the metadata too.
    const tx = db.transaction([...WRITE_STORES, 'meta'], 'readwrite');
    return inTransaction(tx, 'Erasing local data', async (write) => {
      const audit = tx.objectStore('audit');
      const [head, erasedEvents] = await Promise.all([audit.openCursor(null, 'prev'), audit.count()]);
      const previousHead = head?.value.hash ?? GENESIS_HASH;
      const genesis = sealEvent(null, erasureGenesis(event, { erasedEvents, previousHead }), []);
      for (const name of tx.objectStoreNames) write(tx.objectStore(name).clear());
      write(audit.add(genesis));
      return genesis;
    });
  }
}

/**
 * Runs `body` in `tx` and resolves once the transaction has committed. If
 * anything fails the transaction is aborted, so none of its writes land.
 * `body` issues writes through `write`, which waits for them and keeps a
 * request that fails after another one from going unobserved.
 */
async function inTransaction<T>(
  tx: Pick<IDBTransaction, 'abort'> & { done: Promise<void> },
  action: string,
  body: (write: (request: Promise<unknown>) => void) => Promise<T>,
): Promise<T> {
  const pending: Promise<unknown>[] = [];
  const write = (request: Promise<unknown>) => {
    request.catch(ignore);
    pending.push(request);
  };
  tx.done.catch(ignore);
  try {
    const result = await body(write);
    await Promise.all(pending);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // It already committed or aborted itself: either way it is over.
    }
    throw storageWriteError(error, action);
  }
}

function ignore(): void {}
