import { openDB } from 'idb';
import { WorkbenchError } from '../../core/errors.ts';
import {
  WORKBENCH_DB_NAME,
  WORKBENCH_DB_VERSION,
  upgradeWorkbenchDb,
  type WorkbenchDb,
  type WorkbenchDbSchema,
} from './schema.ts';

/** Shared connections by database name; a failed or closed one is forgotten so the next call retries. */
const shared = new Map<string, Promise<WorkbenchDb>>();

/**
 * The shared connection to the workbench database, opened (and upgraded)
 * on first use. Concurrent callers get the same promise, so the database
 * opens once per thread.
 *
 * @example
 * const db = await openWorkbenchDb();
 * const versions = await db.getAll('datasetVersions');
 */
export function openWorkbenchDb(name: string = WORKBENCH_DB_NAME): Promise<WorkbenchDb> {
  let db = shared.get(name);
  if (!db) {
    db = connectWorkbenchDb(name, () => shared.delete(name));
    db.catch(() => shared.delete(name));
    shared.set(name, db);
  }
  return db;
}

/** Closes the shared connection to `name`, if open; the next {@link openWorkbenchDb} reopens it. */
export async function closeWorkbenchDb(name: string = WORKBENCH_DB_NAME): Promise<void> {
  const db = shared.get(name);
  shared.delete(name);
  if (db) (await db.catch(() => null))?.close();
}

/**
 * Opens a new, unshared connection (a worker has its own anyway; tests use
 * this to act as a second thread). `onClosed` runs when the connection
 * closes itself: it steps aside for a newer version of the app in another
 * tab, or the browser terminated it.
 *
 * @throws WorkbenchError `storage.unavailable` when IndexedDB cannot be opened,
 *   `storage.version_newer` when another tab already upgraded the database.
 */
export async function connectWorkbenchDb(
  name: string = WORKBENCH_DB_NAME,
  onClosed?: () => void,
): Promise<WorkbenchDb> {
  if (typeof indexedDB === 'undefined') {
    throw new WorkbenchError(
      'storage.unavailable',
      'This browser offers no IndexedDB here (private mode or storage disabled?). Allow site data for this page, or open it in a normal window, to keep your work.',
    );
  }
  try {
    return await openDB<WorkbenchDbSchema>(name, WORKBENCH_DB_VERSION, {
      upgrade(db, oldVersion) {
        upgradeWorkbenchDb(db, oldVersion);
      },
      blocking(_current, _blocked, event) {
        // Another tab runs a newer app and must upgrade: let it, instead of blocking it forever.
        (event.target as IDBDatabase).close();
        onClosed?.();
      },
      terminated() {
        onClosed?.();
      },
    });
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'VersionError') {
      throw new WorkbenchError(
        'storage.version_newer',
        'The local workspace was saved by a newer version of the workbench. Reload the page to get the latest version.',
        { cause: error },
      );
    }
    throw new WorkbenchError(
      'storage.unavailable',
      `The local database could not be opened (${error instanceof Error ? error.message : String(error)}). Allow site data for this page and reload; if it persists, free some disk space.`,
      { cause: error },
    );
  }
}
