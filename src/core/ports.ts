import type { AuditDraft, AuditEvent } from './audit/audit-event.ts';
import type { ErasureRequest } from './audit/events/workspace-events.ts';
import type { DatasetVersion } from './data/versions/dataset-version.ts';
import type { RunRecord } from './train/run-record.ts';
import type { ModelVersion, RegisteredModel, StageTransition } from './registry/registry-types.ts';
import type { Deployment } from './serving/deployments/deployment-types.ts';
import type { PredictionLogBatch } from './serving/replay/prediction-log.ts';
import type { Alert, MonitorPolicy, RetrainingRecord } from './monitor/monitor-types.ts';
import type {
  FeatureEntity,
  FeatureService,
  FeatureViewRecord,
  OnlineFeatureTable,
} from './features/definitions/feature-types.ts';

/** Records kept by key: models by name, versions by `name@n`; transitions, deployments and prediction-log batches by id. */
export interface RecordTypes {
  models: RegisteredModel;
  modelVersions: ModelVersion;
  stageTransitions: StageTransition;
  deployments: Deployment;
  predictionLogs: PredictionLogBatch;
  /** Alert rules and retraining policy per model (keyed by model name). */
  monitorPolicies: MonitorPolicy;
  alerts: Alert;
  retrainings: RetrainingRecord;
  featureEntities: FeatureEntity;
  featureViews: FeatureViewRecord;
  featureServices: FeatureService;
  onlineFeatures: OnlineFeatureTable;
}
export type RecordKind = keyof RecordTypes;
/** Every kind of record a store keeps under a key: the record kinds, dataset versions and runs (not blobs). */
export type StoredKind = RecordKind | 'datasetVersions' | 'runs';

/** The field each record kind is keyed by (its keyPath in IndexedDB). */
export const RECORD_KEY_FIELDS = {
  models: 'name',
  modelVersions: 'id',
  stageTransitions: 'id',
  deployments: 'id',
  predictionLogs: 'id',
  monitorPolicies: 'modelName',
  alerts: 'id',
  retrainings: 'id',
  featureEntities: 'name',
  featureViews: 'id',
  featureServices: 'name',
  onlineFeatures: 'view',
} as const satisfies { [K in RecordKind]: keyof RecordTypes[K] };

/** The key `value` of `kind` is stored under. */
export function recordKeyOf(kind: RecordKind, value: unknown): string {
  return String((value as Record<string, unknown>)[RECORD_KEY_FIELDS[kind]]);
}
export type RecordPut = { [K in RecordKind]: { kind: K; value: RecordTypes[K] } }[RecordKind];
/** Optimistic concurrency: the stored record must still equal what the plan read (`undefined` = absent). */
export type RecordExpectation = {
  [K in RecordKind]: { kind: K; key: string; equals: RecordTypes[K] | undefined };
}[RecordKind];

/** A planned change: records to write, blobs to store once, and what must still hold when it is applied. */
export interface RecordChange {
  puts: RecordPut[];
  blobs?: BlobInput[];
  expect?: RecordExpectation[];
}

/** Content-addressed bytes to store with a record (e.g. a model artifact). */
export interface BlobInput {
  hash: string;
  bytes: Uint8Array;
}

/**
 * The storage the core needs. Adapters implement it: IndexedDB in the
 * browser, memory in tests, files for the CLI. Every method that changes
 * something also appends its audit event, atomically with the change, and
 * the event binds what it wrote (core/audit/record-binding.ts): each record's
 * kind, key and digest, and each blob's hash. When the chain's last event
 * predates record binding, the write first appends an
 * `audit.records_adopted` event binding every record stored so far.
 */
export interface WorkspaceStore {
  /**
   * Saves a dataset version and its canonical bytes (keyed by `version.id`)
   * and appends `event`, all in one transaction. If a version with this id
   * already exists nothing is written and `created` is false.
   */
  saveDatasetVersion(
    version: DatasetVersion,
    bytes: Uint8Array,
    event: AuditDraft,
  ): Promise<{ created: boolean; version: DatasetVersion }>;
  listDatasetVersions(): Promise<DatasetVersion[]>;
  getDatasetVersion(id: string): Promise<DatasetVersion | undefined>;
  getBlob(hash: string): Promise<Uint8Array | undefined>;
  /** The hash of every stored blob, in no particular order (for verification). */
  listBlobs(): Promise<string[]>;
  /**
   * Stores a finished run (any status), its blobs (stored once per hash) and
   * its audit event in one transaction. A run id is written once.
   */
  saveRun(run: RunRecord, blobs: BlobInput[], event: AuditDraft): Promise<RunRecord>;
  /** Runs, newest first. */
  listRuns(): Promise<RunRecord[]>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /**
   * Applies a planned registry change and its audit event in one
   * transaction. If any expectation no longer holds (someone else changed
   * the record meanwhile) nothing is written and `storage.conflict` is thrown.
   */
  commit(change: RecordChange, event: AuditDraft): Promise<AuditEvent>;
  listRecords<K extends RecordKind>(kind: K): Promise<RecordTypes[K][]>;
  getRecord<K extends RecordKind>(kind: K, key: string): Promise<RecordTypes[K] | undefined>;
  /**
   * The key of every stored record of `kind`, sorted (code-unit order, as
   * IndexedDB orders string keys), without reading the records: a
   * prediction-log batch holds thousands of entries, its id a few bytes.
   */
  listKeys(kind: StoredKind): Promise<string[]>;
  /** How many records of `kind` are stored, without reading them. */
  countRecords(kind: StoredKind): Promise<number>;
  /** Small local settings (e.g. the actor name); not audited. */
  getSetting(key: string): Promise<unknown>;
  setSetting(key: string, value: unknown): Promise<void>;
  /** Appends an event that records a change with no stored record of its own. */
  appendAudit(event: AuditDraft): Promise<AuditEvent>;
  listAudit(): Promise<AuditEvent[]>;
  /**
   * Deletes every record and blob, then starts a new chain with `event`
   * completed by `erasureGenesis` (how many events were erased, the old head).
   */
  eraseAll(event: ErasureRequest): Promise<AuditEvent>;
}
