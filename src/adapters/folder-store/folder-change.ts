import type { BlobInput } from '../../core/ports.ts';
import { stageBlob } from './blob-files.ts';
import { fileStoreError } from './file-store-error.ts';
import { commitJournal, recoverJournal, type JournalHooks, type JournalOp } from './journal.ts';
import { withWorkspaceLock } from './workspace-lock.ts';

/** A change planned under the lock: files to change, blobs to store first, and what to return. */
export interface Plan<T> {
  ops: JournalOp[];
  blobs?: BlobInput[];
  result: T;
}

/** How a change is applied: how long to wait for the lock, and the test seams of the journal. */
export interface ChangeOptions {
  lockTimeoutMs?: number;
  hooks?: JournalHooks;
}

/**
 * Plans and applies one change to the workspace in `dir` under the lock.
 * Everything that can fail (reading, encoding, sealing the event) happens in
 * `plan`, before any file is touched; new blobs are staged next (as `.tmp`
 * files, so a crash before the journal leaves none behind: the chain binds
 * every blob to the event that stored it), then the journal moves them into
 * place with the rest of the change.
 *
 * @throws WorkbenchError naming `action`, and whether the change landed (file-store-error.ts).
 */
export async function applyChange<T>(
  dir: string,
  options: ChangeOptions,
  action: string,
  plan: () => Promise<Plan<T>>,
): Promise<T> {
  let committed = false;
  try {
    return await withWorkspaceLock(
      dir,
      async () => {
        // Another process may have crashed mid-change since this store opened.
        await recoverJournal(dir);
        const { ops, blobs = [], result } = await plan();
        const staged: JournalOp[] = [];
        for (const blob of blobs) {
          const op = await stageBlob(dir, blob);
          if (op) staged.push(op);
        }
        committed = ops.length > 0;
        await commitJournal(dir, [...staged, ...ops], options.hooks);
        return result;
      },
      options.lockTimeoutMs,
    );
  } catch (error) {
    throw fileStoreError(error, action, dir, committed);
  }
}
