import type { AuditEvent } from '../audit/audit-event.ts';
import type { DatasetVersion } from '../data/versions/dataset-version.ts';
import { LESSON_SETTINGS_KEY } from '../lessons/lesson-settings.ts';
import { LESSON_PROGRESS_KEY } from '../lessons/progress.ts';
import { RECORD_KEY_FIELDS, type RecordKind, type RecordTypes, type WorkspaceStore } from '../ports.ts';
import type { RunRecord } from '../train/run-record.ts';

/** Every record kind the store keeps by key, read from RECORD_KEY_FIELDS so a kind added there is bundled too. */
export const BUNDLED_RECORD_KINDS = Object.keys(RECORD_KEY_FIELDS) as RecordKind[];

/**
 * Settings that belong to the work rather than to the device, so they travel
 * in a bundle: a teacher's lesson settings and the learner's progress. The
 * actor name and a CLI's run counter stay where they are.
 */
export const PORTABLE_SETTING_KEYS: readonly string[] = [LESSON_SETTINGS_KEY, LESSON_PROGRESS_KEY];

/** Records of every kind, by kind. */
export type RecordsByKind = { [K in RecordKind]: RecordTypes[K][] };

/**
 * A whole workspace as plain data: what a workspace bundle holds, and what
 * an import writes. Of the settings, only the portable ones are part of it.
 */
export interface WorkspaceSnapshot {
  datasetVersions: DatasetVersion[];
  runs: RunRecord[];
  records: RecordsByKind;
  /** Content-addressed bytes by their SHA-256 (dataset versions, model artifacts). */
  blobs: Map<string, Uint8Array>;
  /** The audit chain, in append order. */
  audit: AuditEvent[];
  /** The {@link PORTABLE_SETTING_KEYS} that have a value. Not audited: the manifest's hash guards them. */
  settings: Record<string, unknown>;
}

/** Reports how far a long step got: `done` of `total` units of `phase`. */
export type ProgressListener = (progress: { phase: string; done: number; total: number }) => void;

/**
 * Reads everything `store` holds. Blobs are read one by one, reporting
 * progress after each.
 *
 * @example
 * const snapshot = await readSnapshot(store);
 * snapshot.audit.length; // events in the chain
 */
export async function readSnapshot(store: WorkspaceStore, onProgress?: ProgressListener): Promise<WorkspaceSnapshot> {
  const [datasetVersions, runs, audit, hashes] = await Promise.all([
    store.listDatasetVersions(),
    store.listRuns(),
    store.listAudit(),
    store.listBlobs(),
  ]);
  const records = Object.fromEntries(
    await Promise.all(BUNDLED_RECORD_KINDS.map(async (kind) => [kind, await store.listRecords(kind)] as const)),
  ) as RecordsByKind;
  const settings: Record<string, unknown> = {};
  for (const key of PORTABLE_SETTING_KEYS) {
    const value = await store.getSetting(key);
    if (value !== undefined) settings[key] = value;
  }
  const blobs = new Map<string, Uint8Array>();
  const sorted = [...hashes].sort();
  for (const [i, hash] of sorted.entries()) {
    const bytes = await store.getBlob(hash);
    if (bytes) blobs.set(hash, bytes);
    onProgress?.({ phase: 'Reading stored data', done: i + 1, total: sorted.length });
  }
  return { datasetVersions, runs, records, blobs, audit, settings };
}

/** Whether a snapshot holds anything besides an erasure event: an import only goes into an empty workspace. */
export function snapshotIsEmpty(
  snapshot: Pick<WorkspaceSnapshot, 'datasetVersions' | 'runs' | 'records' | 'blobs' | 'audit'>,
): boolean {
  return (
    snapshot.datasetVersions.length === 0 &&
    snapshot.runs.length === 0 &&
    snapshot.blobs.size === 0 &&
    Object.values(snapshot.records).every((list) => list.length === 0) &&
    auditIsEmpty(snapshot.audit)
  );
}

/**
 * An audit log that records no work: empty, or only the genesis event that
 * "Erase all local data" leaves. An import replaces such a log with the
 * bundle's chain; any other log belongs to work that must not be overwritten.
 */
export function auditIsEmpty(events: readonly Pick<AuditEvent, 'type'>[]): boolean {
  return events.length === 0 || (events.length === 1 && events[0].type === 'workspace.erased');
}
