import { GENESIS_HASH, type AuditDraft, type AuditEvent } from '../../core/audit/audit-event.ts';
import { sealEvent } from '../../core/audit/chain.ts';
import { erasureGenesis, type ErasureRequest } from '../../core/audit/events/workspace-events.ts';
import { bindBlob, bindRecord, needsAdoption, type RecordBinding } from '../../core/audit/record-binding.ts';
import { adoptionDraft } from '../../core/audit/events/adoption-events.ts';
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
import { assertVersionBytes, storageWriteError } from '../storage-quota/storage-errors.ts';

/**
 * The workspace in memory, for tests and the CLI. It behaves like the
 * IndexedDB store: values are copied in and out (structured clone, so what
 * IndexedDB would refuse is refused here too), and each change is prepared
 * in full before anything is stored, so a failure leaves nothing behind.
 *
 * @example
 * const store = new MemoryWorkspaceStore();
 * await store.appendAudit(modelUpdated({ at, actor: 'cli' }, 'iris', 'Iris species from flower measurements'));
 */
export class MemoryWorkspaceStore implements WorkspaceStore {
  readonly #versions = new Map<string, DatasetVersion>();
  readonly #blobs = new Map<string, Uint8Array>();
  readonly #runs = new Map<string, RunRecord>();
  readonly #records: { [K in RecordKind]: Map<string, RecordTypes[K]> } = {
    models: new Map(),
    modelVersions: new Map(),
    stageTransitions: new Map(),
    deployments: new Map(),
    predictionLogs: new Map(),
    monitorPolicies: new Map(),
    alerts: new Map(),
    retrainings: new Map(),
    featureEntities: new Map(),
    featureViews: new Map(),
    featureServices: new Map(),
    onlineFeatures: new Map(),
  };
  readonly #settings = new Map<string, unknown>();
  #audit: AuditEvent[] = [];

  async saveDatasetVersion(
    version: DatasetVersion,
    bytes: Uint8Array,
    event: AuditDraft,
  ): Promise<{ created: boolean; version: DatasetVersion }> {
    assertVersionBytes(version, bytes);
    const existing = this.#versions.get(version.id);
    if (existing) return { created: false, version: structuredClone(existing) };
    const [stored, sealed] = prepare('Saving the dataset version', () => {
      const copy = structuredClone(version);
      return [copy, this.#seal(event, [bindRecord('datasetVersions', copy.id, copy), bindBlob(version.id)])] as const;
    });
    if (!this.#blobs.has(version.id)) this.#blobs.set(version.id, bytes.slice());
    this.#versions.set(version.id, stored);
    this.#audit.push(...sealed);
    return { created: true, version: structuredClone(stored) };
  }

  async listDatasetVersions(): Promise<DatasetVersion[]> {
    // Newest first; equal timestamps by id, descending, as the IndexedDB index gives them.
    const all = [...this.#versions.values()].sort((a, b) =>
      a.createdAt === b.createdAt ? compare(b.id, a.id) : compare(b.createdAt, a.createdAt),
    );
    return structuredClone(all);
  }

  async getDatasetVersion(id: string): Promise<DatasetVersion | undefined> {
    const version = this.#versions.get(id);
    return version && structuredClone(version);
  }

  async listBlobs(): Promise<string[]> {
    return [...this.#blobs.keys()];
  }

  async getBlob(hash: string): Promise<Uint8Array | undefined> {
    return this.#blobs.get(hash)?.slice();
  }

  async saveRun(run: RunRecord, blobs: BlobInput[], event: AuditDraft): Promise<RunRecord> {
    if (this.#runs.has(run.id)) {
      throw new WorkbenchError(
        'storage.run_exists',
        `A run with id ${run.id} is already stored. Start a new run instead.`,
      );
    }
    const [stored, sealed] = prepare('Saving the run', () => {
      const copy = structuredClone(run);
      return [
        copy,
        this.#seal(event, [bindRecord('runs', copy.id, copy), ...blobs.map((b) => bindBlob(b.hash))]),
      ] as const;
    });
    for (const { hash, bytes } of blobs) if (!this.#blobs.has(hash)) this.#blobs.set(hash, bytes.slice());
    this.#runs.set(run.id, stored);
    this.#audit.push(...sealed);
    return structuredClone(stored);
  }

  async listRuns(): Promise<RunRecord[]> {
    const all = [...this.#runs.values()].sort((a, b) =>
      a.startedAt === b.startedAt ? compare(b.id, a.id) : compare(b.startedAt, a.startedAt),
    );
    return structuredClone(all);
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const run = this.#runs.get(id);
    return run && structuredClone(run);
  }

  async commit(change: RecordChange, event: AuditDraft): Promise<AuditEvent> {
    for (const e of change.expect ?? []) {
      if (!sameData(this.#records[e.kind].get(e.key), e.equals)) {
        throw new WorkbenchError(
          'storage.conflict',
          `${e.key} was changed elsewhere (another tab?) while you worked. Reload and try again.`,
        );
      }
    }
    const [puts, sealed] = prepare('Saving the registry change', () => {
      const copies = change.puts.map((p) => ({ kind: p.kind, value: structuredClone(p.value) }));
      const bindings = [
        ...copies.map((p) => bindRecord(p.kind, recordKeyOf(p.kind, p.value), p.value)),
        ...(change.blobs ?? []).map((b) => bindBlob(b.hash)),
      ];
      return [copies, this.#seal(event, bindings)] as const;
    });
    for (const { hash, bytes } of change.blobs ?? []) if (!this.#blobs.has(hash)) this.#blobs.set(hash, bytes.slice());
    for (const p of puts) (this.#records[p.kind] as Map<string, unknown>).set(recordKeyOf(p.kind, p.value), p.value);
    this.#audit.push(...sealed);
    return structuredClone(sealed.at(-1)!);
  }

  async listRecords<K extends RecordKind>(kind: K): Promise<RecordTypes[K][]> {
    return structuredClone([...this.#records[kind].values()]);
  }

  async getRecord<K extends RecordKind>(kind: K, key: string): Promise<RecordTypes[K] | undefined> {
    const value = this.#records[kind].get(key);
    return value && structuredClone(value);
  }

  async listKeys(kind: StoredKind): Promise<string[]> {
    return [...this.#keyed(kind).keys()].sort(compare);
  }

  async countRecords(kind: StoredKind): Promise<number> {
    return this.#keyed(kind).size;
  }

  async getSetting(key: string): Promise<unknown> {
    return structuredClone(this.#settings.get(key));
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    this.#settings.set(key, structuredClone(value));
  }

  async appendAudit(event: AuditDraft): Promise<AuditEvent> {
    const sealed = prepare('Recording the audit event', () => this.#seal(event, []));
    this.#audit.push(...sealed);
    return structuredClone(sealed.at(-1)!);
  }

  async listAudit(): Promise<AuditEvent[]> {
    return structuredClone(this.#audit);
  }

  async eraseAll(event: ErasureRequest): Promise<AuditEvent> {
    const genesis = prepare('Erasing local data', () => {
      const data = {
        erasedEvents: this.#audit.length,
        previousHead: this.#head()?.hash ?? GENESIS_HASH,
      };
      return structuredClone(sealEvent(null, erasureGenesis(event, data), []));
    });
    this.#versions.clear();
    this.#runs.clear();
    for (const map of Object.values(this.#records)) map.clear();
    this.#settings.clear();
    this.#blobs.clear();
    this.#audit = [genesis];
    return structuredClone(genesis);
  }

  #keyed(kind: StoredKind): ReadonlyMap<string, unknown> {
    if (kind === 'datasetVersions') return this.#versions;
    return kind === 'runs' ? this.#runs : this.#records[kind];
  }

  #head(): AuditEvent | null {
    return this.#audit.at(-1) ?? null;
  }

  /** `draft` sealed with its bindings, after an adoption event when the chain began before record binding. */
  #seal(draft: AuditDraft, records: RecordBinding[]): AuditEvent[] {
    let prev = this.#head();
    const out: AuditEvent[] = [];
    if (needsAdoption(prev)) {
      const all = this.#bindAll();
      prev = structuredClone(sealEvent(prev, adoptionDraft(draft.at, draft.actor, all), all));
      out.push(prev);
    }
    out.push(structuredClone(sealEvent(prev, draft, records)));
    return out;
  }

  #bindAll(): RecordBinding[] {
    return [
      ...[...this.#versions.values()].map((v) => bindRecord('datasetVersions', v.id, v)),
      ...[...this.#runs.values()].map((r) => bindRecord('runs', r.id, r)),
      ...(Object.keys(this.#records) as RecordKind[]).flatMap((kind) =>
        [...this.#records[kind].entries()].map(([key, value]) => bindRecord(kind, key, value)),
      ),
      ...[...this.#blobs.keys()].map(bindBlob),
    ];
  }
}

/** Runs the part of a change that may fail, before anything is stored. */
function prepare<T>(action: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw storageWriteError(error, action);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
