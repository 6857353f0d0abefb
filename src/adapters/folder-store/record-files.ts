import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../../core/errors.ts';
import { readIfExists } from './atomic-file.ts';
import { decodeRecord } from './record-codec.ts';
import {
  RECORDS_DIR,
  SETTINGS_FILE,
  decodeKey,
  recordKey,
  recordPath,
  type FileRecordKind,
} from './workspace-layout.ts';

/**
 * Reading the record files of a workspace (writes go through the journal).
 * Reads take no lock: every file is replaced atomically, so each read sees a
 * whole record, old or new.
 */

/** The record stored under `key`, or undefined. */
export async function readRecord(dir: string, kind: FileRecordKind, key: string): Promise<unknown> {
  const path = join(dir, recordPath(kind, key));
  const raw = await readIfExists(path);
  return raw === undefined ? undefined : decodeFile(raw, path);
}

/** Every record of a kind, in no particular order. */
export async function readAllRecords(dir: string, kind: FileRecordKind): Promise<unknown[]> {
  const folder = join(dir, RECORDS_DIR, kind);
  const files = (await recordFileNames(folder)).map((name) => join(folder, name));
  const raws = await Promise.all(files.map((path) => readIfExists(path)));
  return raws.flatMap((raw, i) => (raw === undefined ? [] : [decodeFile(raw, files[i])]));
}

/**
 * The key of every record of a kind, sorted, from the folder's file names:
 * no record is read, except one whose key was too long for a file name
 * (stored under its hash, workspace-layout.ts), which holds its key.
 */
export async function listRecordKeys(dir: string, kind: FileRecordKind): Promise<string[]> {
  const folder = join(dir, RECORDS_DIR, kind);
  const keys = await Promise.all(
    (await recordFileNames(folder)).map(async (name) => {
      const key = decodeKey(name.slice(0, -JSON_SUFFIX.length));
      if (key !== null) return [key];
      const path = join(folder, name);
      const raw = await readIfExists(path);
      return raw === undefined ? [] : [recordKey(kind, decodeFile(raw, path))];
    }),
  );
  return keys.flat().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How many records of a kind are stored, without reading them. */
export async function countRecords(dir: string, kind: FileRecordKind): Promise<number> {
  return (await recordFileNames(join(dir, RECORDS_DIR, kind))).length;
}

/** The workspace's settings. */
export async function readSettings(dir: string): Promise<Map<string, unknown>> {
  const path = join(dir, SETTINGS_FILE);
  const raw = await readIfExists(path);
  return new Map(raw === undefined ? [] : Object.entries(decodeFile(raw, path) as Record<string, unknown>));
}

const JSON_SUFFIX = '.json';

/** The record files of a kind's folder (temporary files end in `.tmp`); none when the folder is missing. */
async function recordFileNames(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => name.endsWith(JSON_SUFFIX));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function decodeFile(raw: Buffer, path: string): unknown {
  try {
    return decodeRecord(raw.toString('utf8'));
  } catch (error) {
    throw new WorkbenchError(
      'storage.corrupt',
      `${path} is damaged (${error instanceof Error ? error.message : String(error)}). Restore it from a backup, or delete the file to drop that record.`,
      { cause: error },
    );
  }
}
