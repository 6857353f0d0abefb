import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WorkbenchError } from '../../core/errors.ts';
import { recordKeyOf } from '../../core/ports.ts';
import { BUNDLED_RECORD_KINDS, type WorkspaceSnapshot } from '../../core/workspace-bundle/index.ts';
import { syncFolder } from './atomic-file.ts';
import { FileWorkspaceStore } from './file-workspace-store.ts';
import { encodeRecord } from './record-codec.ts';
import { verifyWorkspace } from './verify-workspace.ts';
import {
  AUDIT_FILE,
  AUDIT_HEAD_FILE,
  SETTINGS_FILE,
  WORKSPACE_FILE,
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  blobPath,
  recordPath,
  type FileRecordKind,
} from './workspace-layout.ts';

/**
 * Writes a verified snapshot as a new workspace folder at `dir`, which must
 * not exist or be empty. The folder is staged next to `dir` under a hidden
 * name, opened and verified as `workbench audit verify` would, and only then
 * renamed into place (a rename is atomic): a failure at any step removes the
 * staging folder and leaves `dir` as it was.
 *
 * @throws WorkbenchError `workspace.not_empty`, or whatever the staged folder failed.
 */
export async function restoreSnapshotToFolder(snapshot: WorkspaceSnapshot, dir: string): Promise<void> {
  const existing = await entriesOf(dir);
  if (existing !== null && existing.length > 0) {
    throw new WorkbenchError(
      'workspace.not_empty',
      `${dir} is not empty (it holds ${existing[0]}${existing.length > 1 ? ` and ${existing.length - 1} more` : ''}). Import into a new or empty folder: a bundle never merges into another workspace. Nothing was written.`,
    );
  }
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(dir)}.import-${process.pid}-${Date.now()}`);
  try {
    await writeSnapshot(snapshot, staging);
    const verification = await verifyWorkspace(await FileWorkspaceStore.open(staging, { create: false }));
    if (!verification.ok) {
      const first = verification.problems[0];
      throw new WorkbenchError(
        'workspace.bundle_audit_broken',
        `The imported workspace did not verify (${first.reason}). Nothing was written.`,
      );
    }
    if (existing !== null) await rmdir(dir);
    await rename(staging, dir);
    await syncFolder(parent);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The folder's entries, or null when it does not exist. */
async function entriesOf(dir: string): Promise<string[] | null> {
  try {
    if (!(await stat(dir)).isDirectory()) return [basename(dir)];
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeSnapshot(snapshot: WorkspaceSnapshot, root: string): Promise<void> {
  const put = async (relative: string, data: Uint8Array | string) => {
    const path = join(root, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  };
  await put(WORKSPACE_FILE, `${JSON.stringify({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION }, null, 2)}\n`);
  for (const v of snapshot.datasetVersions) await put(recordPath('datasetVersions', v.id), encodeRecord(v));
  for (const r of snapshot.runs) await put(recordPath('runs', r.id), encodeRecord(r));
  for (const kind of BUNDLED_RECORD_KINDS) {
    for (const value of snapshot.records[kind]) {
      await put(recordPath(kind as FileRecordKind, recordKeyOf(kind, value)), encodeRecord(value));
    }
  }
  for (const [hash, bytes] of snapshot.blobs) {
    const path = blobPath(hash);
    if (path === null) throw new WorkbenchError('workspace.bundle_damaged', `Blob name ${hash} is not a SHA-256.`);
    await put(path, bytes);
  }
  if (Object.keys(snapshot.settings).length > 0) await put(SETTINGS_FILE, encodeRecord(snapshot.settings));
  const lines = snapshot.audit.map((event) => `${JSON.stringify(event)}\n`).join('');
  await put(AUDIT_FILE, lines);
  const last = snapshot.audit.at(-1);
  if (last) await put(AUDIT_HEAD_FILE, JSON.stringify({ seq: last.seq, hash: last.hash }));
}
