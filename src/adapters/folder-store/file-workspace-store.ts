import { resolve } from 'node:path';
import type { AuditDraft, AuditEvent } from '../../core/audit/audit-event.ts';
import type { ErasureRequest } from '../../core/audit/events/workspace-events.ts';
import { bindBlob } from '../../core/audit/record-binding.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import { WorkbenchError } from '../../core/errors.ts';
import type { BlobInput, RecordChange, RecordKind, RecordTypes, StoredKind, WorkspaceStore } from '../../core/ports.ts';
import { sameData } from '../../core/same-data.ts';
import type { RunRecord } from '../../core/train/run-record.ts';
import { assertVersionBytes } from '../storage-quota/storage-errors.ts';
import { planAuditAppend } from './audit-append.ts';
import { planErase } from './audit-erase.ts';
import { readAuditEvents } from './audit-file.ts';
import { listBlobNames, readBlob } from './blob-files.ts';
import { applyChange, type Plan } from './folder-change.ts';
import { recoverJournal, sweepTempFiles, type JournalHooks, type Recovery } from './journal.ts';
import { countRecords, listRecordKeys, readAllRecords, readRecord, readSettings } from './record-files.ts';
import { planRecordWrite, planSettingsWrite } from './record-writes.ts';
import { openWorkspaceFolder } from './workspace-folder.ts';
import { withWorkspaceLock } from './workspace-lock.ts';
import { BLOBS_DIR, RECORD_KEYS, RECORDS_DIR, recordKey, type FileRecordKind } from './workspace-layout.ts';

/** The settings key of the last run number handed out by {@link FileWorkspaceStore.reserveRunNumber}. */
const RUN_NUMBER_SETTING = 'lastRunNumber';

export interface FileWorkspaceOptions {
  /** Make the folder a workspace when it is missing or empty (default true); false to require an existing one. */
  create?: boolean;
  /** How long to wait for another process's write before giving up (default 30 s). */
  lockTimeoutMs?: number;
  /** Test seams that stop a change part-way, as a crash would (see journal.ts). */
  hooks?: JournalHooks;
}

/**
 * The workspace in a folder, for the CLI: the same records and
 * content-addressed blobs as the browser's IndexedDB store (layout in
 * workspace-layout.ts). Each change and its audit event land together
 * through a journal (journal.ts), under a lock file that serialises writers
 * across processes (workspace-lock.ts), so two commands on one folder keep
 * one valid audit chain. Reads take no lock: each file is replaced
 * atomically, so a read sees every record whole, though not a snapshot
 * across files while another process writes.
 *
 * @example
 * const store = await FileWorkspaceStore.open('./workbench-data');
 * const run = await executeRun(store, input, deps);
 */
export class FileWorkspaceStore implements WorkspaceStore {
  /** The workspace folder, absolute. */
  readonly dir: string;
  readonly #options: FileWorkspaceOptions;
  #ready: Promise<Recovery> | null = null;

  constructor(dir: string, options: FileWorkspaceOptions = {}) {
    this.dir = resolve(dir);
    this.#options = options;
  }

  /** A store on `dir`, opened: format checked, an interrupted change finished or dropped. */
  static async open(dir: string, options: FileWorkspaceOptions = {}): Promise<FileWorkspaceStore> {
    const store = new FileWorkspaceStore(dir, options);
    await store.ready();
    return store;
  }

  /**
   * Opens the folder once (every method waits for it): checks its format and
   * finishes or drops a change a crash left behind. Resolves to what that
   * recovery did.
   */
  ready(): Promise<Recovery> {
    this.#ready ??= this.#open().catch((error) => {
      this.#ready = null;
      throw error;
    });
    return this.#ready;
  }

  async saveDatasetVersion(
    version: DatasetVersion,
    bytes: Uint8Array,
    event: AuditDraft,
  ): Promise<{ created: boolean; version: DatasetVersion }> {
    assertVersionBytes(version, bytes);
    return this.#change<{ created: boolean; version: DatasetVersion }>('Saving the dataset version', async () => {
      const existing = await readRecord(this.dir, 'datasetVersions', version.id);
      if (existing) return { ops: [], result: { created: false, version: existing as DatasetVersion } };
      const record = planRecordWrite('datasetVersions', version);
      const audit = await planAuditAppend(this.dir, event, [record.binding, bindBlob(version.id)]);
      return {
        ops: [record.op, ...audit.ops],
        blobs: [{ hash: version.id, bytes }],
        result: { created: true, version: record.stored as DatasetVersion },
      };
    });
  }

  async listDatasetVersions(): Promise<DatasetVersion[]> {
    const all = (await this.#list('datasetVersions')) as DatasetVersion[];
    return all.sort((a, b) => (a.createdAt === b.createdAt ? compare(b.id, a.id) : compare(b.createdAt, a.createdAt)));
  }

  async getDatasetVersion(id: string): Promise<DatasetVersion | undefined> {
    await this.ready();
    return (await readRecord(this.dir, 'datasetVersions', id)) as DatasetVersion | undefined;
  }

  async listBlobs(): Promise<string[]> {
    await this.ready();
    return listBlobNames(this.dir);
  }

  async getBlob(hash: string): Promise<Uint8Array | undefined> {
    await this.ready();
    return readBlob(this.dir, hash);
  }

  async saveRun(run: RunRecord, blobs: BlobInput[], event: AuditDraft): Promise<RunRecord> {
    return this.#change('Saving the run', async () => {
      if ((await readRecord(this.dir, 'runs', run.id)) !== undefined) {
        throw new WorkbenchError(
          'storage.run_exists',
          `A run with id ${run.id} is already stored. Start a new run instead.`,
        );
      }
      const record = planRecordWrite('runs', run);
      const audit = await planAuditAppend(this.dir, event, [record.binding, ...blobs.map((b) => bindBlob(b.hash))]);
      return { ops: [record.op, ...audit.ops], blobs, result: record.stored as RunRecord };
    });
  }

  async listRuns(): Promise<RunRecord[]> {
    const all = (await this.#list('runs')) as RunRecord[];
    return all.sort((a, b) => (a.startedAt === b.startedAt ? compare(b.id, a.id) : compare(b.startedAt, a.startedAt)));
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    await this.ready();
    return (await readRecord(this.dir, 'runs', id)) as RunRecord | undefined;
  }

  async commit(change: RecordChange, event: AuditDraft): Promise<AuditEvent> {
    return this.#change('Saving the registry change', async () => {
      for (const e of change.expect ?? []) {
        if (!sameData(await readRecord(this.dir, e.kind, e.key), e.equals)) {
          throw new WorkbenchError(
            'storage.conflict',
            `${e.key} was changed elsewhere (another process?) while you worked. Run the command again.`,
          );
        }
      }
      const puts = change.puts.map((p) => planRecordWrite(p.kind, p.value));
      const blobs = change.blobs ?? [];
      const bindings = [...puts.map((p) => p.binding), ...blobs.map((b) => bindBlob(b.hash))];
      const audit = await planAuditAppend(this.dir, event, bindings);
      return { ops: [...puts.map((p) => p.op), ...audit.ops], blobs, result: audit.sealed };
    });
  }

  async listRecords<K extends RecordKind>(kind: K): Promise<RecordTypes[K][]> {
    const all = await this.#list(kind);
    return all.sort((a, b) => compare(recordKey(kind, a), recordKey(kind, b))) as RecordTypes[K][];
  }

  async getRecord<K extends RecordKind>(kind: K, key: string): Promise<RecordTypes[K] | undefined> {
    await this.ready();
    return (await readRecord(this.dir, kind, key)) as RecordTypes[K] | undefined;
  }

  async listKeys(kind: StoredKind): Promise<string[]> {
    await this.ready();
    return listRecordKeys(this.dir, kind);
  }

  async countRecords(kind: StoredKind): Promise<number> {
    await this.ready();
    return countRecords(this.dir, kind);
  }

  async getSetting(key: string): Promise<unknown> {
    await this.ready();
    return (await readSettings(this.dir)).get(key);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    return this.#change('Saving the setting', async () => {
      const settings = await readSettings(this.dir);
      settings.set(key, value);
      return { ops: [planSettingsWrite(settings)], result: undefined };
    });
  }

  /**
   * The next run number of this workspace (for names like "forest #3"),
   * reserved under the lock so concurrent commands never get the same one:
   * one past the higher of the last number reserved and the runs stored.
   * Kept in settings.json; a number whose run never finished is skipped.
   */
  async reserveRunNumber(): Promise<number> {
    return this.#change('Numbering the run', async () => {
      const settings = await readSettings(this.dir);
      const last = settings.get(RUN_NUMBER_SETTING);
      const stored = await countRecords(this.dir, 'runs');
      const next = Math.max(typeof last === 'number' && Number.isInteger(last) ? last : 0, stored) + 1;
      settings.set(RUN_NUMBER_SETTING, next);
      return { ops: [planSettingsWrite(settings)], result: next };
    });
  }

  async appendAudit(event: AuditDraft): Promise<AuditEvent> {
    return this.#change('Recording the audit event', async () => {
      const { ops, sealed } = await planAuditAppend(this.dir, event, []);
      return { ops, result: sealed };
    });
  }

  async listAudit(): Promise<AuditEvent[]> {
    await this.ready();
    return readAuditEvents(this.dir);
  }

  async eraseAll(event: ErasureRequest): Promise<AuditEvent> {
    return this.#change('Erasing the workspace', () => planErase(this.dir, event));
  }

  async #open(): Promise<Recovery> {
    await openWorkspaceFolder(this.dir, this.#options.create ?? true, (body) =>
      withWorkspaceLock(this.dir, body, this.#options.lockTimeoutMs),
    );
    return withWorkspaceLock(
      this.dir,
      async () => {
        const recovery = await recoverJournal(this.dir);
        await sweepTempFiles(this.dir, [
          BLOBS_DIR,
          ...Object.keys(RECORD_KEYS).map((kind) => `${RECORDS_DIR}/${kind}`),
        ]);
        return recovery;
      },
      this.#options.lockTimeoutMs,
    );
  }

  /** Opens the folder, then plans and applies one change under the lock (folder-change.ts). */
  async #change<T>(action: string, plan: () => Promise<Plan<T>>): Promise<T> {
    await this.ready();
    return applyChange(this.dir, this.#options, action, plan);
  }

  async #list(kind: FileRecordKind): Promise<unknown[]> {
    await this.ready();
    return readAllRecords(this.dir, kind);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
