import { WorkbenchError } from '../../core/errors.ts';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeStep } from './write-steps.ts';

/**
 * File operations that survive a crash: a file is either its old or its new
 * content, never half of one. Temporary files end in `.tmp`, so a recovery
 * can sweep away the ones a crash left behind.
 */

let counter = 0;

/** A temporary file name next to `path`, unique within this process and across processes. */
export function tempPathFor(path: string): string {
  return `${path}.${process.pid}.${++counter}.tmp`;
}

/**
 * Replaces `path` with `data`: written to a temporary file, flushed to disk,
 * then renamed over the old file (rename is atomic), and the folder flushed
 * so the rename itself survives a power cut. Creates missing folders.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = await writeStaged(path, data);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  writeStep(`rename ${path}`);
  await syncFolder(dirname(path));
}

/**
 * Writes `data` to a new temporary file next to `path` (flushed to disk),
 * for the caller to rename into place, and returns its name. A crash leaves
 * only a `.tmp` file, which recovery sweeps away.
 */
export async function writeStaged(path: string, data: Uint8Array | string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'w');
    writeStep(`create ${temp}`);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    writeStep(`write ${temp}`);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return temp;
}

/**
 * Writes `text` at byte `offset` of `path` and cuts the file there first:
 * applying the same append twice (after a crash) gives the same file. If the
 * file is shorter than `offset`, `text` goes at its end instead, never after
 * a gap of zeros.
 */
export async function writeAtOffset(path: string, offset: number, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, constants.O_RDWR | constants.O_CREAT);
  try {
    const { size } = await handle.stat();
    const at = Math.min(size, offset);
    if (size > at) {
      await handle.truncate(at);
      writeStep(`cut ${path}`);
    }
    const bytes = Buffer.from(text, 'utf8');
    await handle.write(bytes, 0, bytes.byteLength, at);
    await handle.sync();
    writeStep(`append ${path}`);
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (new, renamed or deleted files) to disk; a no-op where folders cannot be opened (Windows). */
export async function syncFolder(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data itself was already flushed.
  } finally {
    await handle?.close();
  }
}

/** The file's bytes, or undefined when it does not exist. */
export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // A folder where the workspace keeps a file (e.g. journal.json) was not made by the workbench.
    if (code === 'EISDIR')
      throw new WorkbenchError(
        'storage.corrupt',
        `${path} is a folder, but the workspace keeps a file there. Move that folder out of the workspace (the workbench did not make it), then run the command again.`,
        { cause: error },
      );
    throw error;
  }
}
