import type { RecordKind } from '../ports.ts';

/** Name written in every workspace bundle's manifest, so model bundles and other zips are told apart. */
export const WORKSPACE_BUNDLE_FORMAT = 'mlops-workbench-workspace-bundle';
/** Bumped when the layout changes in a way older workbenches cannot read. */
export const WORKSPACE_BUNDLE_VERSION = 1;

/**
 * Inside the zip:
 *
 *   manifest.json                 format, counts, the audit head, and every other file with its SHA-256
 *   audit.json                    the audit chain, in append order
 *   records/datasetVersions.json  dataset versions
 *   records/runs.json             runs
 *   records/<kind>.json           every record kind of RecordTypes (core/ports.ts)
 *   blobs/<sha256>                content-addressed bytes
 *   settings.json                 the portable settings (lesson settings and progress)
 */
export const MANIFEST_PATH = 'manifest.json';
export const AUDIT_PATH = 'audit.json';
export const SETTINGS_PATH = 'settings.json';

/** The record lists a bundle holds: dataset versions and runs, then every keyed record kind. */
export type BundledListName = 'datasetVersions' | 'runs' | RecordKind;

export function recordsPath(name: BundledListName): string {
  return `records/${name}.json`;
}

export function blobEntryPath(hash: string): string {
  return `blobs/${hash}`;
}

/** One file of the bundle as the manifest lists it. */
export interface WorkspaceBundleEntry {
  path: string;
  sha256: string;
  bytes: number;
}

/** Content of manifest.json. */
export interface WorkspaceBundleManifest {
  format: typeof WORKSPACE_BUNDLE_FORMAT;
  formatVersion: typeof WORKSPACE_BUNDLE_VERSION;
  /** ISO 8601, from the clock passed in. */
  exportedAt: string;
  /** The chain's last event, so a bundle can be matched with a workspace's audit log. */
  audit: { events: number; head: string | null };
  /** How many records of each list, and how many blobs. */
  counts: Record<string, number>;
  /** Every file but manifest.json, in write order. */
  files: WorkspaceBundleEntry[];
}

/**
 * How records become text and back. The folder store's record codec
 * (adapters/folder-store/record-codec.ts) is passed in: it keeps NaN,
 * −0, typed arrays and `undefined` exactly as IndexedDB stores them.
 */
export interface RecordCodec {
  encode: (value: unknown) => string;
  decode: (text: string) => unknown;
}
