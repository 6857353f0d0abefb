import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../../core/errors.ts';
import { readIfExists } from './atomic-file.ts';
import { decodeRecord } from './record-codec.ts';
import { RECORDS_DIR, SETTINGS_FILE, recordPath, type FileRecordKind } from './workspace-layout.ts';

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
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((name) => name.endsWith('.json')).map((name) => join(folder, name));
  const raws = await Promise.all(files.map((path) => readIfExists(path)));
  return raws.flatMap((raw, i) => (raw === undefined ? [] : [decodeFile(raw, files[i])]));
}

/** How many records of a kind are stored, without reading them. */
export async function countRecords(dir: string, kind: FileRecordKind): Promise<number> {
  try {
    return (await readdir(join(dir, RECORDS_DIR, kind))).filter((name) => name.endsWith('.json')).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** The workspace's settings. */
export async function readSettings(dir: string): Promise<Map<string, unknown>> {
  const path = join(dir, SETTINGS_FILE);
  const raw = await readIfExists(path);
  return new Map(raw === undefined ? [] : Object.entries(decodeFile(raw, path) as Record<string, unknown>));
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
