import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { WorkbenchError } from '../../core/errors.ts';
import type { BlobInput } from '../../core/ports.ts';
import { readIfExists, writeStaged } from './atomic-file.ts';
import type { JournalOp } from './journal.ts';
import { BLOBS_DIR, blobPath } from './workspace-layout.ts';

/**
 * The content-addressed blobs of a workspace folder: `blobs/<sha256>`, each
 * written once. Reads take no lock; a blob is staged as a `.tmp` file and
 * moved into place by the journal with the change that stores it.
 */

/** The blobs folder's files that are named by a SHA-256 (temporary files are not), sorted. */
export async function listBlobNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, BLOBS_DIR))).filter((name) => blobPath(name) !== null).sort();
  } catch {
    return [];
  }
}

/** The bytes stored under `hash`, or undefined (also for a hash that cannot name a blob). */
export async function readBlob(dir: string, hash: string): Promise<Uint8Array | undefined> {
  const path = blobPath(hash);
  const bytes = path === null ? undefined : await readIfExists(join(dir, path));
  return bytes && new Uint8Array(bytes);
}

/**
 * Stages a blob a change stores (written once: one already there is not
 * written again) and returns the op that moves it into place with the rest
 * of the change, or null when it is stored already.
 */
export async function stageBlob(dir: string, { hash, bytes }: BlobInput): Promise<JournalOp | null> {
  const path = blobPath(hash);
  if (path === null) {
    throw new WorkbenchError(
      'storage.bad_blob_hash',
      `A blob's hash "${hash.slice(0, 80)}" is not a SHA-256 in hex, so it cannot name a file. This is a workbench bug; please report it.`,
    );
  }
  const full = join(dir, path);
  if (await exists(full)) return null;
  const staged = await writeStaged(full, bytes);
  return { op: 'rename', from: relative(dir, staged).split(sep).join('/'), path };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
