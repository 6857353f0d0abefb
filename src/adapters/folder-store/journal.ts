import { readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { sha256HexSync } from '../../core/hash/sha256.ts';
import { readIfExists, syncFolder, writeAtOffset, writeFileAtomic } from './atomic-file.ts';
import { writeStep } from './write-steps.ts';

/**
 * Atomic multi-file changes in a workspace folder, by write-ahead journal:
 *
 *   1. every new file content goes into `journal.json` (written to a
 *      temporary file, flushed, renamed: the commit point);
 *   2. each file is then changed (write-temp-and-rename, or a cut-and-append
 *      at a recorded offset), every step safe to repeat;
 *   3. the journal is deleted.
 *
 * On open, {@link recoverJournal} re-applies a leftover complete journal and
 * discards a damaged one, so a crash at any point leaves either the whole
 * change or none of it. Callers must hold the workspace lock.
 */

export const JOURNAL_FILE = 'journal.json';
const JOURNAL_FORMAT = 'mlops-workbench-journal/1';

/** One file change; `path` is relative to the workspace, with `/` separators. */
export type JournalOp =
  | { op: 'write'; path: string; text: string }
  /** Appends `text` to a file that was `offset` bytes long when the change was planned. */
  | { op: 'append'; path: string; offset: number; text: string }
  /** Deletes a file or a whole folder. */
  | { op: 'remove'; path: string }
  /**
   * Moves a file staged before the journal (a blob, written once) into
   * place. Staged files end in `.tmp`, so without a journal that names them
   * they are swept away: a blob lands only with the change that uses it.
   */
  | { op: 'rename'; from: string; path: string };

/** Test seams that stop a change part-way, as a crash would. */
export interface JournalHooks {
  /** Called once the journal is on disk, before any file changes. */
  afterJournal?: () => void | Promise<void>;
  /** Called after the op at `index` was applied. */
  afterOp?: (index: number) => void | Promise<void>;
}

/** What {@link recoverJournal} found: nothing pending, a change it finished, or a damaged journal it dropped. */
export type Recovery = 'none' | 'applied' | 'discarded';

/** Commits `ops` to the workspace at `dir` as one change (see the module comment). */
export async function commitJournal(dir: string, ops: JournalOp[], hooks: JournalHooks = {}): Promise<void> {
  if (ops.length === 0) return;
  for (const op of ops) resolveInside(dir, op.path);
  const body = JSON.stringify(ops);
  await writeFileAtomic(
    join(dir, JOURNAL_FILE),
    JSON.stringify({ format: JOURNAL_FORMAT, sha256: sha256HexSync(body), ops: body }),
  );
  await hooks.afterJournal?.();
  await applyOps(dir, ops, hooks);
  await unlink(join(dir, JOURNAL_FILE));
  writeStep(`remove ${JOURNAL_FILE}`);
  await syncFolder(dir);
}

/**
 * Finishes or drops a change a crash left behind, and sweeps temporary
 * files. Safe to call at any time the lock is held.
 */
export async function recoverJournal(dir: string): Promise<Recovery> {
  const raw = await readIfExists(join(dir, JOURNAL_FILE));
  if (raw === undefined) return 'none';
  const ops = parseJournal(raw.toString('utf8'), dir);
  if (ops) await applyOps(dir, ops, {});
  await unlink(join(dir, JOURNAL_FILE));
  writeStep(`remove ${JOURNAL_FILE}`);
  await syncFolder(dir);
  return ops ? 'applied' : 'discarded';
}

/** Deletes the `.tmp` files an interrupted write left in the workspace's folders. */
export async function sweepTempFiles(dir: string, folders: string[]): Promise<number> {
  let removed = 0;
  for (const folder of ['', ...folders]) {
    let names: string[];
    try {
      names = await readdir(join(dir, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.endsWith('.tmp')) {
        await rm(join(dir, folder, name), { force: true });
        writeStep(`remove ${folder}/${name}`);
        removed++;
      }
    }
  }
  return removed;
}

/** The journal's ops, or null when it is incomplete, damaged or not a journal. */
function parseJournal(text: string, dir: string): JournalOp[] | null {
  try {
    const journal = JSON.parse(text) as { format?: unknown; sha256?: unknown; ops?: unknown };
    if (
      journal.format !== JOURNAL_FORMAT ||
      typeof journal.ops !== 'string' ||
      sha256HexSync(journal.ops) !== journal.sha256
    )
      return null;
    const ops = JSON.parse(journal.ops) as JournalOp[];
    if (!Array.isArray(ops) || !ops.every((op) => isOp(op, dir))) return null;
    return ops;
  } catch {
    return null;
  }
}

function isOp(op: JournalOp, dir: string): boolean {
  if (!op || typeof op.path !== 'string') return false;
  try {
    resolveInside(dir, op.path);
  } catch {
    return false;
  }
  if (op.op === 'write') return typeof op.text === 'string';
  if (op.op === 'append') return typeof op.text === 'string' && Number.isInteger(op.offset) && op.offset >= 0;
  if (op.op === 'rename') {
    try {
      resolveInside(dir, op.from);
      return true;
    } catch {
      return false;
    }
  }
  return op.op === 'remove';
}

async function applyOps(dir: string, ops: JournalOp[], hooks: JournalHooks): Promise<void> {
  for (const [index, op] of ops.entries()) {
    const path = resolveInside(dir, op.path);
    if (op.op === 'write') await writeFileAtomic(path, op.text);
    else if (op.op === 'append') await writeAtOffset(path, op.offset, op.text);
    else if (op.op === 'rename') await moveStaged(resolveInside(dir, op.from), path);
    else {
      await rm(path, { recursive: true, force: true });
      writeStep(`remove ${op.path}`);
    }
    await hooks.afterOp?.(index);
  }
}

/** Renames a staged file into place; done already (replayed after a crash) when it is gone and its target is there. */
async function moveStaged(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
    writeStep(`rename ${to}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await stat(to).catch(() => null))) return;
    throw error;
  }
}

/** The absolute path of `relative` inside `dir`; refuses anything that would land outside it. */
function resolveInside(dir: string, relative: string): string {
  const clean = normalize(relative);
  if (
    relative === '' ||
    isAbsolute(relative) ||
    clean === '..' ||
    clean.startsWith(`..${sep}`) ||
    clean.split(sep).includes('..')
  ) {
    throw new Error(`journal path "${relative}" is outside the workspace`);
  }
  return join(dir, clean);
}
