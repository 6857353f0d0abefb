import type { AuditDraft, AuditEvent } from './audit/audit-event.ts';
import type { DatasetVersion } from './data/dataset-version.ts';

/**
 * The storage the core needs. Adapters implement it: IndexedDB in the
 * browser, memory in tests, files for the CLI. Every method that changes
 * something also appends its audit event, atomically with the change.
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
  /** Appends an event that records a change with no stored record of its own. */
  appendAudit(event: AuditDraft): Promise<AuditEvent>;
  listAudit(): Promise<AuditEvent[]>;
  /** Deletes every record and blob, then starts a new chain with `event`. */
  eraseAll(event: AuditDraft): Promise<AuditEvent>;
}
