/**
 * How much the browser lets the workspace store, whether it may evict it,
 * and the one destructive action: erasing everything.
 */
import { getStorageInfo, requestPersistence, type StorageInfo } from '../adapters/storage-quota/storage-info.ts';
import { actor, currentActor } from './actor-state.svelte.ts';
import { nowIso, workspaceStore } from './services.ts';
import { runThrowing } from './run-result.ts';
import { data } from './data-state.svelte.ts';
import { training } from './train-state.svelte.ts';
import { refreshWorkspace } from './workspace-refresh.ts';

export class StorageState {
  info = $state.raw<StorageInfo | null>(null);
  error = $state<string | null>(null);
  /** A sentence about the last persistence request, for a status line. */
  message = $state<string | null>(null);
  erasing = $state(false);

  /** Rereads usage, quota and persistence. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(() => getStorageInfo());
    if (outcome.ok) this.info = outcome.value;
    else this.error = outcome.message;
  }

  /** Asks the browser not to evict the workspace under storage pressure. */
  async makePersistent(): Promise<void> {
    this.error = null;
    const outcome = await runThrowing(() => requestPersistence());
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.message = outcome.value
      ? 'Storage is now persistent: the browser will not evict this workspace to free space.'
      : 'The browser declined persistent storage. Bookmarking or installing the app often makes it agree; until then it may evict this workspace when space runs low.';
    await this.refresh();
  }

  /** Deletes every version, blob and audit event; the log restarts with the erase itself. */
  async eraseAll(): Promise<boolean> {
    this.erasing = true;
    this.error = null;
    const outcome = await runThrowing(() =>
      workspaceStore().eraseAll({
        at: nowIso(),
        actor: currentActor(),
        type: 'workspace.erased',
        subject: 'workspace',
        data: {},
      }),
    );
    this.erasing = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    data.clear();
    training.clear();
    actor.forget();
    this.message = null;
    await refreshWorkspace();
    return true;
  }
}

/** The app's one storage panel state. */
export const storage = new StorageState();
