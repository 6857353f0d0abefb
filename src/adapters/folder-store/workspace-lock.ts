import { hostname } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkbenchError } from '../../core/errors.ts';
import { writeStep } from './write-steps.ts';

/**
 * One writer at a time per workspace folder, across processes: the writer
 * holds `<dir>/lock`, created with O_EXCL (only one create can succeed) and
 * holding its pid and host. A lock whose process is gone (same host, pid not
 * running) is stale and is broken; breaking takes a second O_EXCL file,
 * `lock.break`, so two waiters never both break and one of them delete the
 * other's fresh lock. Within one process, handles also queue in memory, so
 * they do not poll each other.
 */

export const LOCK_FILE = 'lock';
const BREAK_FILE = 'lock.break';

/** A lock from another host cannot be checked by pid; after this long it is presumed dead. */
const FOREIGN_STALE_MS = 10 * 60_000;
/** A lock file with no readable owner (its writer died between create and write), or a break file, older than this is stale. */
const UNREADABLE_STALE_MS = 10_000;

interface LockOwner {
  pid: number;
  host: string;
  at: string;
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `body` while holding the workspace's lock.
 * @throws WorkbenchError `storage.locked` when another live process keeps it past `timeoutMs`.
 */
export async function withWorkspaceLock<T>(dir: string, body: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const key = resolve(dir);
  const previous = queues.get(key) ?? Promise.resolve();
  const turn = previous.then(async () => {
    const release = await acquire(key, timeoutMs);
    try {
      return await body();
    } finally {
      await release();
    }
  });
  const settled = turn.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return turn;
}

async function acquire(dir: string, timeoutMs: number): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
  const deadline = Date.now() + timeoutMs;
  let wait = 1;
  // Why a stale lock could not be broken, for the message at the deadline.
  let stuck: string | null = null;
  for (;;) {
    if (await tryCreate(path, JSON.stringify(owner)))
      return () =>
        unlink(path).then(
          () => writeStep(`remove ${path}`),
          () => undefined,
        );
    if (await isStale(path)) {
      stuck = await breakLock(dir, path);
      // Broken: try again at once. Not broken: wait like any other waiter, so nothing spins.
      if (stuck === null) continue;
    }
    if (Date.now() > deadline) throw await lockedError(dir, path, timeoutMs, stuck);
    // Jitter keeps two waiters from retrying in lockstep.
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 50);
  }
}

/** The error at the deadline: who holds the lock (or why it could not be broken) and what to do. */
async function lockedError(
  dir: string,
  path: string,
  timeoutMs: number,
  stuck: string | null,
): Promise<WorkbenchError> {
  const seconds = Math.round(timeoutMs / 1000);
  if (stuck !== null) {
    return new WorkbenchError(
      'storage.locked',
      `The workspace ${dir} is locked by ${path}, which no running workbench process holds, and it could not be removed (${stuck}). Remove ${path} yourself if no other workbench process is running, then try again.`,
    );
  }
  const holder = await readOwner(path);
  const who = holder === 'gone' || holder === null ? 'another process' : `process ${holder.pid} on ${holder.host}`;
  return new WorkbenchError(
    'storage.locked',
    `The workspace ${dir} is locked by ${who} (${path}), which did not finish within ${seconds} s. Wait for the other workbench command to end; if none is running, remove ${path} and try again.`,
  );
}

/** Creates the file with `text` if it does not exist; false if it does. */
async function tryCreate(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeStep(`create ${path}`);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  writeStep(`write ${path}`);
  return true;
}

async function isStale(path: string): Promise<boolean> {
  const owner = await readOwner(path);
  if (owner === 'gone') return false;
  if (owner === null) return (await ageMs(path)) > UNREADABLE_STALE_MS;
  if (owner.host === hostname()) return !isRunning(owner.pid);
  return (await ageMs(path)) > FOREIGN_STALE_MS;
}

/**
 * Removes a stale lock, unless another waiter is already doing so or it
 * changed meanwhile. Resolves to null when the lock is gone or may be
 * retried at once, else to why it could not be removed (e.g. it is a folder).
 */
async function breakLock(dir: string, path: string): Promise<string | null> {
  const breakPath = join(dir, BREAK_FILE);
  if (!(await tryCreate(breakPath, String(process.pid)))) {
    // A breaker that died mid-break would block everyone: its file goes once it is old.
    if ((await ageMs(breakPath)) <= UNREADABLE_STALE_MS) return 'another process is removing it';
    const failed = await removeFile(breakPath);
    return failed === null ? null : `${breakPath} is left from an earlier attempt and cannot be removed: ${failed}`;
  }
  try {
    // Re-checked under the break file: only a breaker removes a lock it does not own, and there is one breaker.
    return (await isStale(path)) ? await removeFile(path) : null;
  } finally {
    await unlink(breakPath).catch(() => undefined);
  }
}

/** Deletes a file; null when it is gone (or already was), else why not. */
async function removeFile(path: string): Promise<string | null> {
  try {
    await unlink(path);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR' || code === 'EPERM') {
      // unlink on a folder fails with EISDIR (Linux) or EPERM (macOS).
      const info = await stat(path).catch(() => null);
      if (info?.isDirectory()) return 'it is a folder, not a lock file';
    }
    return code ?? String(error);
  }
}

/** The lock's owner; null when unreadable; 'gone' when the lock no longer exists. */
async function readOwner(path: string): Promise<LockOwner | null | 'gone'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : null;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : null;
  } catch {
    return null;
  }
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether a process with this pid runs on this host (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
