import type { DBSchema, IDBPDatabase } from 'idb';
import type { AuditEvent } from '../../core/audit/audit-event.ts';
import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import type { RunRecord } from '../../core/train/run-record.ts';
import type { ModelVersion, RegisteredModel, StageTransition } from '../../core/registry/registry-types.ts';
import type { Deployment } from '../../core/serving/deployments/deployment-types.ts';
import type { PredictionLogBatch } from '../../core/serving/replay/prediction-log.ts';
import type { Alert, MonitorPolicy, RetrainingRecord } from '../../core/monitor/monitor-types.ts';
import type {
  FeatureEntity,
  FeatureService,
  FeatureViewRecord,
  OnlineFeatureTable,
} from '../../core/features/definitions/feature-types.ts';

/** The database every tab and worker of the workbench shares. */
export const WORKBENCH_DB_NAME = 'mlops-workbench';

/** Bumped by one for each cumulative upgrade step in {@link upgradeWorkbenchDb}. */
export const WORKBENCH_DB_VERSION = 6;

/**
 * Content-addressed bytes (a dataset version's canonical encoding, later
 * model weights): identical content is stored once, under its SHA-256.
 */
export interface BlobRecord {
  hash: string;
  bytes: Uint8Array;
  byteLength: number;
}

/** Every object store and index of the workbench database, for idb's typed API. */
export interface WorkbenchDbSchema extends DBSchema {
  datasetVersions: {
    key: string;
    value: DatasetVersion;
    indexes: { byCreatedAt: string };
  };
  blobs: {
    key: string;
    value: BlobRecord;
  };
  audit: {
    key: number;
    value: AuditEvent;
    indexes: { byType: string; byAt: string };
  };
  runs: {
    key: string;
    value: RunRecord;
    indexes: { byStartedAt: string };
  };
  models: {
    key: string;
    value: RegisteredModel;
  };
  modelVersions: {
    key: string;
    value: ModelVersion;
    indexes: { byModel: string; byRun: string };
  };
  stageTransitions: {
    key: string;
    value: StageTransition;
    indexes: { byModel: string; byAt: string };
  };
  deployments: {
    key: string;
    value: Deployment;
    indexes: { byModel: string };
  };
  predictionLogs: {
    key: string;
    value: PredictionLogBatch;
    indexes: { byLog: string };
  };
  monitorPolicies: {
    key: string;
    value: MonitorPolicy;
  };
  alerts: {
    key: string;
    value: Alert;
    indexes: { byModel: string };
  };
  retrainings: {
    key: string;
    value: RetrainingRecord;
    indexes: { byModel: string };
  };
  featureEntities: {
    key: string;
    value: FeatureEntity;
  };
  featureViews: {
    key: string;
    value: FeatureViewRecord;
    indexes: { byName: string };
  };
  featureServices: {
    key: string;
    value: FeatureService;
  };
  /** One record per feature view: its latest values per entity. */
  onlineFeatures: {
    key: string;
    value: OnlineFeatureTable;
  };
  /** Small settings with out-of-line keys, e.g. the actor name. */
  meta: {
    key: string;
    value: unknown;
  };
}

/** An open connection to the workbench database. */
export type WorkbenchDb = IDBPDatabase<WorkbenchDbSchema>;

/**
 * Brings a database at `oldVersion` up to {@link WORKBENCH_DB_VERSION}.
 * Steps are cumulative (`if (oldVersion < N)`), never edited once shipped:
 * a user on any old version replays exactly the steps they miss.
 */
export function upgradeWorkbenchDb(db: WorkbenchDb, oldVersion: number): void {
  if (oldVersion < 1) {
    const versions = db.createObjectStore('datasetVersions', { keyPath: 'id' });
    versions.createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('blobs', { keyPath: 'hash' });
    const audit = db.createObjectStore('audit', { keyPath: 'seq' });
    audit.createIndex('byType', 'type');
    audit.createIndex('byAt', 'at');
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    const runs = db.createObjectStore('runs', { keyPath: 'id' });
    runs.createIndex('byStartedAt', 'startedAt');
  }
  if (oldVersion < 3) {
    db.createObjectStore('models', { keyPath: 'name' });
    const versions = db.createObjectStore('modelVersions', { keyPath: 'id' });
    versions.createIndex('byModel', 'modelName');
    versions.createIndex('byRun', 'runId');
    const transitions = db.createObjectStore('stageTransitions', { keyPath: 'id' });
    transitions.createIndex('byModel', 'modelName');
    transitions.createIndex('byAt', 'at');
  }
  if (oldVersion < 4) {
    db.createObjectStore('deployments', { keyPath: 'id' }).createIndex('byModel', 'modelName');
    db.createObjectStore('predictionLogs', { keyPath: 'id' }).createIndex('byLog', 'logId');
  }
  if (oldVersion < 5) {
    db.createObjectStore('monitorPolicies', { keyPath: 'modelName' });
    db.createObjectStore('alerts', { keyPath: 'id' }).createIndex('byModel', 'modelName');
    db.createObjectStore('retrainings', { keyPath: 'id' }).createIndex('byModel', 'modelName');
  }
  if (oldVersion < 6) {
    db.createObjectStore('featureEntities', { keyPath: 'name' });
    db.createObjectStore('featureViews', { keyPath: 'id' }).createIndex('byName', 'name');
    db.createObjectStore('featureServices', { keyPath: 'name' });
    db.createObjectStore('onlineFeatures', { keyPath: 'view' });
  }
}
