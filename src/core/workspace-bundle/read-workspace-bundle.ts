import type { AuditEvent } from '../audit/audit-event.ts';
import { WorkbenchError } from '../errors.ts';
import { sha256Hex } from '../hash/sha256.ts';
import { unzipFiles } from '../registry/bundle/deterministic-zip.ts';
import {
  AUDIT_PATH,
  MANIFEST_PATH,
  SETTINGS_PATH,
  WORKSPACE_BUNDLE_FORMAT,
  WORKSPACE_BUNDLE_VERSION,
  recordsPath,
  type BundledListName,
  type RecordCodec,
  type WorkspaceBundleManifest,
} from './bundle-layout.ts';
import { verifySnapshot } from './verify-snapshot.ts';
import {
  BUNDLED_RECORD_KINDS,
  PORTABLE_SETTING_KEYS,
  type ProgressListener,
  type RecordsByKind,
  type WorkspaceSnapshot,
} from './workspace-snapshot.ts';

/**
 * Reads a workspace bundle and checks all of it before anything is written:
 * the zip, the manifest, every file's size and SHA-256, that no file was
 * added or removed, the audit chain, and every record and blob against the
 * event that wrote it. Any failure throws a WorkbenchError naming what failed.
 *
 * @throws WorkbenchError `workspace.not_a_bundle`, `.bundle_newer`, `.bundle_damaged`, `.bundle_audit_broken`
 * @example
 * const snapshot = await readWorkspaceBundle(zipBytes, codec);
 */
export async function readWorkspaceBundle(
  bytes: Uint8Array,
  codec: RecordCodec,
  onProgress?: ProgressListener,
): Promise<WorkspaceSnapshot> {
  const files = unzip(bytes);
  const manifest = readManifest(files);
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of files.keys()) {
    if (name !== MANIFEST_PATH && !listed.has(name)) {
      throw damaged(`"${name}" is in the zip but not in its manifest: a file was added after export`);
    }
  }
  for (const [i, entry] of manifest.files.entries()) {
    const file = files.get(entry.path);
    if (!file) throw damaged(`"${entry.path}" is listed in the manifest but missing from the zip (truncated?)`);
    if (file.byteLength !== entry.bytes) {
      throw damaged(`"${entry.path}" holds ${file.byteLength} bytes, but the manifest says ${entry.bytes}`);
    }
    if ((await sha256Hex(file)) !== entry.sha256) {
      throw damaged(`"${entry.path}" does not match its SHA-256 in the manifest: its content was changed`);
    }
    onProgress?.({ phase: 'Checking hashes', done: i + 1, total: manifest.files.length });
  }
  const snapshot: WorkspaceSnapshot = {
    audit: parse(files, AUDIT_PATH, (text) => JSON.parse(text)) as AuditEvent[],
    datasetVersions: list(files, 'datasetVersions', codec) as WorkspaceSnapshot['datasetVersions'],
    runs: list(files, 'runs', codec) as WorkspaceSnapshot['runs'],
    records: Object.fromEntries(BUNDLED_RECORD_KINDS.map((kind) => [kind, list(files, kind, codec)])) as RecordsByKind,
    blobs: new Map(
      [...files].filter(([path]) => path.startsWith('blobs/')).map(([path, data]) => [path.slice(6), data]),
    ),
    settings: settingsOf(files, codec),
  };
  for (const hash of snapshot.blobs.keys()) {
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      throw damaged(`"blobs/${hash}" is not named by a SHA-256`);
    }
  }
  if (
    snapshot.audit.length !== manifest.audit.events ||
    (snapshot.audit.at(-1)?.hash ?? null) !== manifest.audit.head
  ) {
    throw damaged(
      `the audit log holds ${snapshot.audit.length} events, not the ${manifest.audit.events} the manifest names`,
    );
  }
  onProgress?.({ phase: 'Verifying the audit chain', done: 0, total: 1 });
  const problem = await verifySnapshot(snapshot);
  if (problem) {
    throw new WorkbenchError(
      'workspace.bundle_audit_broken',
      `The bundle's audit chain does not verify: ${problem}. The bundle was altered after export; nothing was imported. Export the workspace again.`,
    );
  }
  onProgress?.({ phase: 'Verifying the audit chain', done: 1, total: 1 });
  return snapshot;
}

function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  // The model-bundle reader's messages speak of models; a file that is no zip at all is named here first.
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) {
    throw new WorkbenchError(
      'workspace.not_a_bundle',
      'This file is not a zip archive, so it cannot be a workspace bundle. Choose the .zip file that "Export workspace" wrote.',
    );
  }
  try {
    return unzipFiles(bytes);
  } catch (cause) {
    // The zip reader's advice speaks of model bundles: keep only its first sentence, which names what failed.
    const reason = (cause instanceof Error ? cause.message : String(cause)).split(/(?<=\.)\s/)[0];
    throw new WorkbenchError(
      'workspace.bundle_damaged',
      `The workspace bundle cannot be unpacked: ${reason} Export the workspace again and copy the whole file; nothing was imported.`,
      { cause },
    );
  }
}

function readManifest(files: Map<string, Uint8Array>): WorkspaceBundleManifest {
  if (!files.has(MANIFEST_PATH)) {
    throw new WorkbenchError(
      'workspace.not_a_bundle',
      `The zip has no ${MANIFEST_PATH}, so it is not a workspace bundle (a model bundle keeps its manifest in a folder). Choose the file "Export workspace" wrote.`,
    );
  }
  const manifest = parse(files, MANIFEST_PATH, (text) => JSON.parse(text)) as Partial<WorkspaceBundleManifest>;
  if (manifest.format !== WORKSPACE_BUNDLE_FORMAT) {
    throw new WorkbenchError(
      'workspace.not_a_bundle',
      `${MANIFEST_PATH} does not describe a workspace bundle (format ${JSON.stringify(manifest.format)}). Choose the file "Export workspace" wrote.`,
    );
  }
  if (typeof manifest.formatVersion !== 'number' || manifest.formatVersion > WORKSPACE_BUNDLE_VERSION) {
    throw new WorkbenchError(
      'workspace.bundle_newer',
      `The bundle was written by a newer workbench (bundle format ${String(manifest.formatVersion)}; this one reads up to ${WORKSPACE_BUNDLE_VERSION}). Update the workbench to import it.`,
    );
  }
  if (!Array.isArray(manifest.files) || !manifest.audit) throw damaged(`${MANIFEST_PATH} lacks its file list`);
  return manifest as WorkspaceBundleManifest;
}

function list(files: Map<string, Uint8Array>, name: BundledListName, codec: RecordCodec): unknown[] {
  const path = recordsPath(name);
  // A kind this workbench knows but an older one did not write: none of it.
  if (!files.has(path)) return [];
  const value = parse(files, path, codec.decode);
  if (!Array.isArray(value)) throw damaged(`"${path}" is not a list of records`);
  return value;
}

/** The portable settings; a bundle from before they travelled has none, and other keys are not taken. */
function settingsOf(files: Map<string, Uint8Array>, codec: RecordCodec): Record<string, unknown> {
  if (!files.has(SETTINGS_PATH)) return {};
  const value = parse(files, SETTINGS_PATH, codec.decode);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw damaged(`"${SETTINGS_PATH}" is not an object of settings`);
  }
  const settings = value as Record<string, unknown>;
  return Object.fromEntries(PORTABLE_SETTING_KEYS.filter((key) => key in settings).map((key) => [key, settings[key]]));
}

function parse(files: Map<string, Uint8Array>, path: string, decode: (text: string) => unknown): unknown {
  const bytes = files.get(path);
  if (!bytes) throw damaged(`"${path}" is missing from the zip`);
  try {
    return decode(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new WorkbenchError(
      'workspace.bundle_damaged',
      `"${path}" in the bundle cannot be read: ${String(cause)}. Export the workspace again; nothing was imported.`,
      { cause },
    );
  }
}

function damaged(what: string): WorkbenchError {
  return new WorkbenchError(
    'workspace.bundle_damaged',
    `The workspace bundle was altered or truncated: ${what}. Export the workspace again and copy the whole file; nothing was imported.`,
  );
}
