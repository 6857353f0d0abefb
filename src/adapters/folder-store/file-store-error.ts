import { WorkbenchError } from '../../core/errors.ts';
import { storageWriteError } from '../storage-quota/storage-errors.ts';

/**
 * Turns a failed workspace write into a WorkbenchError that says whether
 * anything was saved and what to do. Before the journal is committed
 * nothing was; after it, the change is on disk and is finished the next
 * time the workspace is opened.
 *
 * @param committed Whether the journal (the commit point) was reached.
 */
export function fileStoreError(error: unknown, action: string, dir: string, committed: boolean): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  // Values that cannot be stored: the same message the browser stores give.
  if (name === 'DataCloneError') return storageWriteError(error, action);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  const fix =
    code === 'ENOSPC'
      ? 'Free disk space'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `Make ${dir} writable`
        : 'Check that the folder is writable and the disk has space';
  if (committed) {
    return new WorkbenchError(
      'storage.incomplete',
      `${action} in ${dir} was recorded but not fully applied (${detail}); it is completed the next time the workspace is opened. ${fix}, then run any workbench command on this workspace.`,
      { cause: error },
    );
  }
  return new WorkbenchError(
    'storage.write_failed',
    `${action} in ${dir} failed (${detail}), so nothing was saved. ${fix}, then try again.`,
    { cause: error },
  );
}
