import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { GENESIS_HASH, type AuditDraft, type AuditEvent } from '../../core/audit/audit-event.ts';
import { sealEvent } from '../../core/audit/chain.ts';
import { erasureGenesis, type ErasureRequest } from '../../core/audit/events/workspace-events.ts';
import { bindBlob, bindRecord, type RecordBinding } from '../../core/audit/record-binding.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import { WorkbenchError } from '../../core/errors.ts';
import type { BlobInput, RecordChange, RecordKind, RecordTypes, WorkspaceStore } from '../../core/ports.ts';
import { sameData } from '../../core/same-data.ts';
import type { RunRecord } from '../../core/train/run-record.ts';
import { assertVersionBytes } from '../storage-quota/storage-errors.ts';
import { readIfExists, writeStaged } from './atomic-file.ts';
import { readAuditEvents, readAuditLines, readAuditTail } from './audit-file.ts';
import { listBlobNames, planAuditAppend } from './audit-append.ts';
import { fileStoreError } from './file-store-error.ts';
import {
  commitJournal,
  recoverJournal,
  sweepTempFiles,
  type JournalHooks,
  type JournalOp,
  type Recovery,
} from './journal.ts';
import { decodeRecord, encodeRecord } from './record-codec.ts';
import { countRecords, readAllRecords, readRecord, readSettings } from './record-files.ts';
import { openWorkspaceFolder } from './workspace-folder.ts';
import { withWorkspaceLock } from './workspace-lock.ts';
import {
  AUDIT_FILE,
  AUDIT_HEAD_FILE,
  BLOBS_DIR,
  RECORD_KEYS,
  RECORDS_DIR,
  SETTINGS_FILE,
  blobPath,
  recordKey,
  recordPath,
  type FileRecordKind,
} from './workspace-layout.ts';

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

/** A change planned under the lock: files to change, blobs to store first, and what to return. */
interface Plan<T> {
  ops: JournalOp[];
  blobs?: BlobInput[];
  result: T;
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
      const existing = await this.#read('datasetVersions', version.id);
      if (existing) return { ops: [], result: { created: false, version: existing as DatasetVersion } };
      const record = this.#put('datasetVersions', version);
      const audit = await this.#audit(event, [record.binding, bindBlob(version.id)]);
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
    return (await this.#read('datasetVersions', id)) as DatasetVersion | undefined;
  }

  async listBlobs(): Promise<string[]> {
    await this.ready();
    return listBlobNames(this.dir);
  }

  async getBlob(hash: string): Promise<Uint8Array | undefined> {
    await this.ready();
    const path = blobPath(hash);
    const bytes = path === null ? undefined : await readIfExists(join(this.dir, path));
    return bytes && new Uint8Array(bytes);
  }

  async saveRun(run: RunRecord, blobs: BlobInput[], event: AuditDraft): Promise<RunRecord> {
    return this.#change('Saving the run', async () => {
      if ((await this.#read('runs', run.id)) !== undefined) {
        throw new WorkbenchError(
          'storage.run_exists',
          `A run with id ${run.id} is already stored. Start a new run instead.`,
        );
      }
      const record = this.#put('runs', run);
      const audit = await this.#audit(event, [record.binding, ...blobs.map((b) => bindBlob(b.hash))]);
      return { ops: [record.op, ...audit.ops], blobs, result: record.stored as RunRecord };
    });
  }

  async listRuns(): Promise<RunRecord[]> {
    const all = (await this.#list('runs')) as RunRecord[];
    return all.sort((a, b) => (a.startedAt === b.startedAt ? compare(b.id, a.id) : compare(b.startedAt, a.startedAt)));
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    await this.ready();
    return (await this.#read('runs', id)) as RunRecord | undefined;
  }

  async commit(change: RecordChange, event: AuditDraft): Promise<AuditEvent> {
    return this.#change('Saving the registry change', async () => {
      for (const e of change.expect ?? []) {
        if (!sameData(await this.#read(e.kind, e.key), e.equals)) {
          throw new WorkbenchError(
            'storage.conflict',
            `${e.key} was changed elsewhere (another process?) while you worked. Run the command again.`,
          );
        }
      }
      const puts = change.puts.map((p) => this.#put(p.kind, p.value));
      const blobs = change.blobs ?? [];
      const audit = await this.#audit(event, [...puts.map((p) => p.binding), ...blobs.map((b) => bindBlob(b.hash))]);
      return { ops: [...puts.map((p) => p.op), ...audit.ops], blobs, result: audit.sealed };
    });
  }

  async listRecords<K extends RecordKind>(kind: K): Promise<RecordTypes[K][]> {
    const all = await this.#list(kind);
    return all.sort((a, b) => compare(recordKey(kind, a), recordKey(kind, b))) as RecordTypes[K][];
  }

  async getRecord<K extends RecordKind>(kind: K, key: string): Promise<RecordTypes[K] | undefined> {
    await this.ready();
    return (await this.#read(kind, key)) as RecordTypes[K] | undefined;
  }

  async getSetting(key: string): Promise<unknown> {
    await this.ready();
    return (await readSettings(this.dir)).get(key);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    return this.#change('Saving the setting', async () => {
      const settings = await readSettings(this.dir);
      settings.set(key, value);
      return {
        ops: [{ op: 'write', path: SETTINGS_FILE, text: encodeRecord(Object.fromEntries(settings)) }],
        result: undefined,
      };
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
      return {
        ops: [{ op: 'write', path: SETTINGS_FILE, text: encodeRecord(Object.fromEntries(settings)) }],
        result: next,
      };
    });
  }

  async appendAudit(event: AuditDraft): Promise<AuditEvent> {
    return this.#change('Recording the audit event', async () => {
      const { ops, sealed } = await this.#audit(event, []);
      return { ops, result: sealed };
    });
  }

  async listAudit(): Promise<AuditEvent[]> {
    await this.ready();
    return readAuditEvents(this.dir);
  }

  async eraseAll(event: ErasureRequest): Promise<AuditEvent> {
    return this.#change('Erasing the workspace', async () => {
      const [lines, tail] = await Promise.all([readAuditLines(this.dir), readAuditTail(this.dir)]);
      const data = { erasedEvents: lines.length, previousHead: tail.last?.hash ?? GENESIS_HASH };
      const genesis = sealEvent(null, erasureGenesis(event, data), []);
      const line = JSON.stringify(genesis);
      const ops: JournalOp[] = [
        { op: 'remove', path: RECORDS_DIR },
        { op: 'remove', path: BLOBS_DIR },
        { op: 'remove', path: SETTINGS_FILE },
        { op: 'write', path: AUDIT_FILE, text: `${line}\n` },
        { op: 'write', path: AUDIT_HEAD_FILE, text: JSON.stringify({ seq: genesis.seq, hash: genesis.hash }) },
      ];
      return { ops, result: JSON.parse(line) as AuditEvent };
    });
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

  /**
   * Plans and applies one change under the lock. Everything that can fail
   * (reading, encoding, sealing the event) happens in `plan`, before any
   * file is touched; new blobs are staged next (as `.tmp` files, so a crash
   * before the journal leaves none behind: the chain binds every blob to
   * the event that stored it), then the journal moves them into place with
   * the rest of the change.
   */
  async #change<T>(action: string, plan: () => Promise<Plan<T>>): Promise<T> {
    await this.ready();
    let committed = false;
    try {
      return await withWorkspaceLock(
        this.dir,
        async () => {
          // Another process may have crashed mid-change since this store opened.
          await recoverJournal(this.dir);
          const { ops, blobs = [], result } = await plan();
          const staged: JournalOp[] = [];
          for (const blob of blobs) {
            const op = await this.#stageBlob(blob);
            if (op) staged.push(op);
          }
          committed = ops.length > 0;
          await commitJournal(this.dir, [...staged, ...ops], this.#options.hooks);
          return result;
        },
        this.#options.lockTimeoutMs,
      );
    } catch (error) {
      throw fileStoreError(error, action, this.dir, committed);
    }
  }

  /** The write of a record, the record as it will read back, and its binding for the audit event. */
  #put(kind: FileRecordKind, value: unknown): { op: JournalOp; stored: unknown; binding: RecordBinding } {
    const text = encodeRecord(value);
    const key = recordKey(kind, value);
    const stored = decodeRecord(text);
    return { op: { op: 'write', path: recordPath(kind, key), text }, stored, binding: bindRecord(kind, key, stored) };
  }

  /** The append of `draft`, binding `records` (see audit-append.ts). */
  #audit(draft: AuditDraft, records: RecordBinding[]): Promise<{ ops: JournalOp[]; sealed: AuditEvent }> {
    return planAuditAppend(this.dir, draft, records);
  }

  /**
   * Stages a blob the change stores (written once: one already there is
   * not written again) and returns the op that moves it into place with
   * the rest of the change.
   */
  async #stageBlob({ hash, bytes }: BlobInput): Promise<JournalOp | null> {
    const path = blobPath(hash);
    if (path === null) {
      throw new WorkbenchError(
        'storage.bad_blob_hash',
        `A blob's hash "${hash.slice(0, 80)}" is not a SHA-256 in hex, so it cannot name a file. This is a workbench bug; please report it.`,
      );
    }
    const full = join(this.dir, path);
    if (await exists(full)) return null;
    const staged = await writeStaged(full, bytes);
    return { op: 'rename', from: relative(this.dir, staged).split(sep).join('/'), path };
  }

  async #read(kind: FileRecordKind, key: string): Promise<unknown> {
    return readRecord(this.dir, kind, key);
  }

  async #list(kind: FileRecordKind): Promise<unknown[]> {
    await this.ready();
    return readAllRecords(this.dir, kind);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
