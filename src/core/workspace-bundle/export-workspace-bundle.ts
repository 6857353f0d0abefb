import { zipDeterministic } from '../registry/bundle/deterministic-zip.ts';
import { sha256Hex } from '../hash/sha256.ts';
import { recordKeyOf } from '../ports.ts';
import {
  AUDIT_PATH,
  MANIFEST_PATH,
  SETTINGS_PATH,
  WORKSPACE_BUNDLE_FORMAT,
  WORKSPACE_BUNDLE_VERSION,
  blobEntryPath,
  recordsPath,
  type BundledListName,
  type RecordCodec,
  type WorkspaceBundleEntry,
  type WorkspaceBundleManifest,
} from './bundle-layout.ts';
import { BUNDLED_RECORD_KINDS, type ProgressListener, type WorkspaceSnapshot } from './workspace-snapshot.ts';

export interface ExportWorkspaceInput {
  snapshot: WorkspaceSnapshot;
  codec: RecordCodec;
  /** ISO 8601 time of the export (the clock is passed in). */
  exportedAt: string;
  onProgress?: ProgressListener;
}

/**
 * The whole workspace as one zip: every record list, every blob, the audit
 * chain, and a manifest with each file's SHA-256. The same workspace and
 * time give the same bytes (records sorted by key, fixed zip timestamps).
 *
 * @example
 * const zip = await exportWorkspaceBundle({ snapshot: await readSnapshot(store), codec, exportedAt });
 */
export async function exportWorkspaceBundle(input: ExportWorkspaceInput): Promise<Uint8Array> {
  const { snapshot, codec, exportedAt, onProgress } = input;
  const text = new TextEncoder();
  const files: [string, Uint8Array][] = [[AUDIT_PATH, text.encode(JSON.stringify(snapshot.audit))]];
  const counts: Record<string, number> = {};
  const lists: [BundledListName, unknown[]][] = [
    ['datasetVersions', byKey(snapshot.datasetVersions, (v) => v.id)],
    ['runs', byKey(snapshot.runs, (r) => r.id)],
    ...BUNDLED_RECORD_KINDS.map(
      (kind) =>
        [kind, byKey<unknown>(snapshot.records[kind], (v) => recordKeyOf(kind, v))] as [BundledListName, unknown[]],
    ),
  ];
  for (const [name, values] of lists) {
    counts[name] = values.length;
    files.push([recordsPath(name), text.encode(codec.encode(values))]);
  }
  const hashes = [...snapshot.blobs.keys()].sort();
  counts.blobs = hashes.length;
  for (const hash of hashes) files.push([blobEntryPath(hash), snapshot.blobs.get(hash)!]);
  const settingKeys = Object.keys(snapshot.settings).sort();
  counts.settings = settingKeys.length;
  const settings = Object.fromEntries(settingKeys.map((key) => [key, snapshot.settings[key]]));
  files.push([SETTINGS_PATH, text.encode(codec.encode(settings))]);

  const entries: WorkspaceBundleEntry[] = [];
  for (const [i, [path, bytes]] of files.entries()) {
    entries.push({ path, sha256: await sha256Hex(bytes), bytes: bytes.byteLength });
    onProgress?.({ phase: 'Hashing files', done: i + 1, total: files.length });
  }
  const last = snapshot.audit.at(-1);
  const manifest: WorkspaceBundleManifest = {
    format: WORKSPACE_BUNDLE_FORMAT,
    formatVersion: WORKSPACE_BUNDLE_VERSION,
    exportedAt,
    audit: { events: snapshot.audit.length, head: last?.hash ?? null },
    counts,
    files: entries,
  };
  onProgress?.({ phase: 'Compressing', done: 0, total: 1 });
  const zip = zipDeterministic([[MANIFEST_PATH, text.encode(JSON.stringify(manifest, null, 2))], ...files]);
  onProgress?.({ phase: 'Compressing', done: 1, total: 1 });
  return zip;
}

/** Records sorted by key, so a store's listing order never changes the bundle's bytes. */
function byKey<T>(values: readonly T[], key: (value: T) => string): T[] {
  return [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
