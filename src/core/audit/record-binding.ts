import { recordDigest } from './record-digest.ts';

/**
 * How the audit chain vouches for the stored records: the event that writes
 * a record carries, in its `records` field, the record's kind, key and
 * digest ({@link recordDigest}); a blob is bound by its SHA-256, which is
 * its key. Replaying the bindings of a chain gives what every record must
 * be now (verify-records.ts), so a record edited, deleted or added outside
 * the workbench is named by verification.
 */

/** Every kind of thing a store keeps under a key: the record stores and the content-addressed blobs. */
export type BoundKind =
  | 'datasetVersions'
  | 'runs'
  | 'models'
  | 'modelVersions'
  | 'stageTransitions'
  | 'deployments'
  | 'predictionLogs'
  | 'monitorPolicies'
  | 'alerts'
  | 'retrainings'
  | 'featureEntities'
  | 'featureViews'
  | 'featureServices'
  | 'onlineFeatures'
  | 'blobs';

/** One record (or blob) an event wrote, and the digest it had. */
export interface RecordBinding {
  kind: BoundKind;
  key: string;
  sha256: string;
}

/**
 * Binds a record as written.
 * @example
 * bindRecord('modelVersions', 'churn@1', version) // { kind: 'modelVersions', key: 'churn@1', sha256: '…' }
 */
export function bindRecord(kind: Exclude<BoundKind, 'blobs'>, key: string, value: unknown): RecordBinding {
  return { kind, key, sha256: recordDigest(value) };
}

/** Binds a content-addressed blob: its name is its digest. */
export function bindBlob(hash: string): RecordBinding {
  return { kind: 'blobs', key: hash, sha256: hash };
}

/**
 * Whether a write after `head` must first adopt the records already stored:
 * the chain's last event predates record binding (it has no `records`), so
 * what it and the events before it wrote is not bound yet.
 */
export function needsAdoption(head: { records?: unknown } | null): boolean {
  return head !== null && head.records === undefined;
}
