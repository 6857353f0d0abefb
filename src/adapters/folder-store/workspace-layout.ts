import { sha256HexSync } from '../../core/hash/sha256.ts';

/**
 * Where everything lives in a workspace folder. The folder holds the same
 * records and content-addressed blobs as the browser's IndexedDB store:
 *
 *   workspace.json                  format and version (written once)
 *   blobs/<sha256>                  raw bytes, written once (staged as .tmp, moved in by the journal)
 *   records/<kind>/<key>.json       one record per file
 *   audit.jsonl                     one sealed audit event per line, append-only; each event
 *                                   binds the records and blobs it wrote (core/audit/record-binding.ts)
 *   audit-head.json                 seq and hash of the last event, written with it (audit-head.ts)
 *   settings.json                   small local settings (not audited), e.g. the last run number
 *   journal.json                    a change being applied (see journal.ts)
 *   lock                            held by the process that is writing
 */

export const WORKSPACE_FORMAT = 'mlops-workbench-workspace';
export const WORKSPACE_VERSION = 1;

export const WORKSPACE_FILE = 'workspace.json';
export const AUDIT_FILE = 'audit.jsonl';
export const AUDIT_HEAD_FILE = 'audit-head.json';
export const SETTINGS_FILE = 'settings.json';
export const BLOBS_DIR = 'blobs';
export const RECORDS_DIR = 'records';

/** Every kind of record the store keeps, with the field that is its key. */
export const RECORD_KEYS = {
  datasetVersions: 'id',
  runs: 'id',
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
} as const;
export type FileRecordKind = keyof typeof RECORD_KEYS;

/** The key a record is stored under (its keyPath in IndexedDB). */
export function recordKey(kind: FileRecordKind, value: unknown): string {
  const key = (value as Record<string, unknown>)[RECORD_KEYS[kind]];
  return typeof key === 'string' ? key : String(key);
}

/** A blob's file, relative to the workspace; null when `hash` is not 64 lowercase hex digits. */
export function blobPath(hash: string): string | null {
  return /^[0-9a-f]{64}$/.test(hash) ? `${BLOBS_DIR}/${hash}` : null;
}

/** A record's file, relative to the workspace. */
export function recordPath(kind: FileRecordKind, key: string): string {
  return `${RECORDS_DIR}/${kind}/${encodeKey(key)}.json`;
}

// Longest encoded key kept readable; file names are limited to 255 bytes.
const MAX_NAME = 200;
const HASHED = '~';

/**
 * A record key as a file name, reversibly: ASCII lower-case letters, digits,
 * `_`, `-`, `.` and `@` stay as they are; every other UTF-8 byte becomes
 * `%XX` (upper-case hex). Upper-case letters are escaped too, so `Churn` and
 * `churn` stay two files on case-insensitive disks (macOS, Windows). A key
 * whose encoding would be too long for a file name is stored under `~` and
 * its SHA-256 instead; its record still holds the key itself.
 *
 * @example
 * encodeKey('churn@3');   // 'churn@3'
 * encodeKey('Churn v2');  // '%43hurn%20v2'
 */
export function encodeKey(key: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(key)) {
    const ch = String.fromCharCode(byte);
    out += /[a-z0-9_\-.@]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  // A leading dot would hide the file; '.' and '..' are not files at all.
  if (out.startsWith('.')) out = `%2E${out.slice(1)}`;
  if (out === '') out = '%';
  return out.length > MAX_NAME ? `${HASHED}${sha256HexSync(key)}` : out;
}

/** The key a file name stands for, or null for a hashed (too long) key, whose record holds it. */
export function decodeKey(name: string): string | null {
  if (name.startsWith(HASHED)) return null;
  if (name === '%') return '';
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '%') {
      bytes.push(parseInt(name.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(name.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
