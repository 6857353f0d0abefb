/**
 * How much the browser lets the workspace store, whether it may evict it,
 * and the one destructive action: erasing everything.
 */
import type { StorageInfo } from '../adapters/storage-quota/storage-info.ts';
import { workspaceErased } from '../core/audit/events/workspace-events.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export class StorageState {
  info = $state.raw<StorageInfo | null>(null);
  error = $state<string | null>(null);
  /** A sentence about the last persistence request, for a status line. */
  message = $state<string | null>(null);
  erasing = $state(false);
  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    // Every stored record takes space: reread the figures after any change.
    context.changes.subscribe(['datasetVersions', 'runs', 'registry', 'audit'], () => this.refresh());
  }

  /** Rereads usage, quota and persistence. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(() => this.#context.quota.info());
    if (outcome.ok) this.info = outcome.value;
    else this.error = outcome.message;
  }

  /** Asks the browser not to evict the workspace under storage pressure. */
  async makePersistent(): Promise<void> {
    this.error = null;
    const outcome = await runThrowing(() => this.#context.quota.persist());
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
      this.#context.store.eraseAll(workspaceErased({ at: this.#context.now(), actor: this.#context.actor() })),
    );
    this.erasing = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    this.message = null;
    await this.#context.changes.notify('erased');
    return true;
  }
}
