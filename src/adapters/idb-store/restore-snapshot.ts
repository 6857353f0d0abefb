import { auditIsEmpty, BUNDLED_RECORD_KINDS, type WorkspaceSnapshot } from '../../core/workspace-bundle/index.ts';
import { WorkbenchError } from '../../core/errors.ts';
import { storageWriteError } from '../storage-quota/storage-errors.ts';
import { openWorkbenchDb } from './open-db.ts';
import type { WorkbenchDb } from './schema.ts';

/**
 * Writes a verified snapshot (core/workspace-bundle) into an empty
 * workspace in one readwrite transaction: the emptiness check and every
 * write happen inside it, so another tab cannot write in between, and a
 * failure (quota, a refused record) aborts it with nothing written. The
 * audit log is written as the bundle holds it, so the imported chain
 * verifies exactly as it did where it was exported. An "Erase all local
 * data" genesis event alone counts as empty and is replaced.
 *
 * @throws WorkbenchError `workspace.not_empty`, or a storage error.
 */
export async function restoreSnapshotToIdb(
  snapshot: WorkspaceSnapshot,
  connect: () => Promise<WorkbenchDb> = () => openWorkbenchDb(),
): Promise<void> {
  const db = await connect();
  const stores = ['datasetVersions', 'runs', ...BUNDLED_RECORD_KINDS, 'blobs', 'audit'] as const;
  const tx = db.transaction([...stores, 'meta'], 'readwrite');
  tx.done.catch(() => {});
  try {
    const counts = await Promise.all(
      stores.filter((name) => name !== 'audit').map((name) => tx.objectStore(name).count()),
    );
    const events = await tx.objectStore('audit').getAll();
    if (counts.some((n) => n > 0) || !auditIsEmpty(events)) {
      throw new WorkbenchError(
        'workspace.not_empty',
        'This browser already holds a workspace, and an import never mixes two workspaces. Erase all local data (Storage) first, or import in a fresh browser profile; nothing was imported.',
      );
    }
    const writes: Promise<unknown>[] = [tx.objectStore('audit').clear()];
    for (const version of snapshot.datasetVersions) writes.push(tx.objectStore('datasetVersions').add(version));
    for (const run of snapshot.runs) writes.push(tx.objectStore('runs').add(run));
    for (const kind of BUNDLED_RECORD_KINDS) {
      for (const value of snapshot.records[kind]) writes.push(tx.objectStore(kind).add(value as never));
    }
    for (const [hash, bytes] of snapshot.blobs) {
      writes.push(tx.objectStore('blobs').add({ hash, bytes, byteLength: bytes.byteLength }));
    }
    for (const event of snapshot.audit) writes.push(tx.objectStore('audit').add(event));
    for (const [key, value] of Object.entries(snapshot.settings)) writes.push(tx.objectStore('meta').put(value, key));
    for (const write of writes) write.catch(() => {});
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // It already aborted itself.
    }
    if (error instanceof WorkbenchError) throw error;
    throw storageWriteError(error, 'Importing the workspace');
  }
}
