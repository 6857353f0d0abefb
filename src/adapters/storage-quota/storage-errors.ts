import type { DatasetVersion } from '../../core/data/versions/dataset-version.ts';
import { WorkbenchError } from '../../core/errors.ts';

/**
 * Turns a failed write into a WorkbenchError that tells the user nothing was
 * saved and what to do; WorkbenchErrors pass through unchanged.
 *
 * @param action What was attempted, e.g. "Saving the dataset version".
 */
export function storageWriteError(error: unknown, action: string): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return new WorkbenchError(
      'storage.quota_exceeded',
      `${action} failed: this page's browser storage is full, so nothing was saved. Erase data you no longer need or free disk space, then try again.`,
      { cause: error },
    );
  }
  if (name === 'DataCloneError') {
    return new WorkbenchError(
      'storage.not_storable',
      `${action} failed: part of it cannot be stored (${detail}), so nothing was saved. This is a workbench bug; please report it with the file you used.`,
      { cause: error },
    );
  }
  return new WorkbenchError(
    'storage.write_failed',
    `${action} failed (${detail}), so nothing was saved. Try again; reload the page if it keeps failing.`,
    { cause: error },
  );
}

/**
 * Refuses bytes that cannot be the version's canonical encoding: a caller
 * bug that would otherwise store a blob that no longer matches its record.
 */
export function assertVersionBytes(version: DatasetVersion, bytes: Uint8Array): void {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength !== version.byteLength) {
    const got = bytes instanceof Uint8Array ? `${bytes.byteLength} bytes` : 'no byte array';
    throw new WorkbenchError(
      'storage.version_mismatch',
      `Dataset version ${version.id} says its encoding is ${version.byteLength} bytes but ${got} were given. Nothing was saved; encode the table again and save the version it produces.`,
    );
  }
}

/**
 * The bytes as an array that owns its whole buffer. Storing a view clones
 * the entire underlying buffer, so a small slice of a big buffer would cost
 * the big one.
 */
export function ownedBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
