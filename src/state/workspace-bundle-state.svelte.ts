/**
 * Export the whole workspace as one file, and import one into an empty
 * workspace: every hash and the audit chain checked first, then everything
 * written in one IndexedDB transaction, so a refused bundle leaves nothing.
 */
import { decodeRecord, encodeRecord } from '../adapters/folder-store/record-codec.ts';
import {
  exportWorkspaceBundle,
  readSnapshot,
  readWorkspaceBundle,
  type WorkspaceSnapshot,
} from '../core/workspace-bundle/index.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

const CODEC = { encode: encodeRecord, decode: decodeRecord };

/** Writes a verified snapshot into the browser's workspace (adapters/idb-store/restore-snapshot.ts in the app). */
export type RestoreSnapshot = (snapshot: WorkspaceSnapshot) => Promise<void>;

/** A long task's progress, for a progress bar: `done` of `total` in `phase`. */
export interface BundleProgress {
  phase: string;
  done: number;
  total: number;
}

export class WorkspaceBundleState {
  busy = $state<'export' | 'import' | null>(null);
  progress = $state.raw<BundleProgress | null>(null);
  error = $state<string | null>(null);
  message = $state<string | null>(null);
  readonly #context: WorkspaceContext;
  readonly #restore: RestoreSnapshot;

  constructor(context: WorkspaceContext, restore: RestoreSnapshot) {
    this.#context = context;
    this.#restore = restore;
  }

  /** Downloads the workspace as `workspace-<date>.zip`. */
  async exportWorkspace(): Promise<boolean> {
    this.#start('export');
    const outcome = await runThrowing(async () => {
      const at = this.#context.now();
      const snapshot = await readSnapshot(this.#context.store, (p) => (this.progress = p));
      const zip = await exportWorkspaceBundle({
        snapshot,
        codec: CODEC,
        exportedAt: at,
        onProgress: (p) => (this.progress = p),
      });
      const name = `workspace-${at.slice(0, 10)}.zip`;
      this.#context.files.download(name, zip, 'application/zip');
      return { name, snapshot, bytes: zip.byteLength };
    });
    this.busy = null;
    this.progress = null;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    const { name, snapshot, bytes } = outcome.value;
    this.message = `Exported ${name} (${bytes.toLocaleString('en-US')} bytes): ${summary(snapshot)}.`;
    return true;
  }

  /** Checks `file` as a workspace bundle and, when all of it verifies, imports it into this empty workspace. */
  async importWorkspace(file: Blob): Promise<boolean> {
    this.#start('import');
    const outcome = await runThrowing(async () => {
      this.progress = { phase: 'Reading the file', done: 0, total: 1 };
      const bytes = new Uint8Array(await this.#context.files.readBytes(file));
      const snapshot = await readWorkspaceBundle(bytes, CODEC, (p) => (this.progress = p));
      this.progress = { phase: 'Writing the workspace', done: 0, total: 1 };
      await this.#restore(snapshot);
      return snapshot;
    });
    this.busy = null;
    this.progress = null;
    if (!outcome.ok) {
      this.error = `Import refused: ${outcome.message}`;
      return false;
    }
    await this.#context.changes.notify('all');
    const head = outcome.value.audit.at(-1)?.hash.slice(0, 12) ?? 'none';
    this.message = `Imported ${summary(outcome.value)}; every hash and the audit chain verified (head ${head}…).`;
    return true;
  }

  #start(task: 'export' | 'import'): void {
    this.busy = task;
    this.error = null;
    this.message = null;
  }
}

function summary(s: WorkspaceSnapshot): string {
  const models = s.records.modelVersions.length;
  return `${s.datasetVersions.length} dataset versions, ${s.runs.length} runs, ${models} model versions, ${s.audit.length} audit events`;
}
