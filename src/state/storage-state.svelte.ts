/**
 * How much the browser lets the workspace store, whether it may evict it,
 * and the one destructive action: erasing everything.
 */
import type { StorageInfo } from '../adapters/storage-quota/storage-info.ts';
import { workspaceErased } from '../core/audit/events/workspace-events.ts';
import { formatBytes } from '../core/format-bytes.ts';
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

  /**
   * Deletes every version, blob and audit event; the log restarts with the
   * erase itself. Afterwards `message` says what was removed and how much
   * storage the browser still reports in use.
   */
  async eraseAll(): Promise<boolean> {
    this.erasing = true;
    this.error = null;
    const store = this.#context.store;
    const outcome = await runThrowing(async () => {
      const [versions, runs, models] = await Promise.all([
        store.listDatasetVersions(),
        store.listRuns(),
        store.listRecords('models'),
      ]);
      const genesis = await store.eraseAll(workspaceErased({ at: this.#context.now(), actor: this.#context.actor() }));
      const events = (genesis.data as { erasedEvents?: number }).erasedEvents ?? 0;
      return { versions: versions.length, runs: runs.length, models: models.length, events };
    });
    this.erasing = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return false;
    }
    await this.#context.changes.notify('erased');
    await this.refresh();
    this.message = `${erasedSentence(outcome.value)} ${remainingSentence(this.info?.usageBytes)}`;
    return true;
  }
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function erasedSentence(erased: { versions: number; runs: number; models: number; events: number }): string {
  return `Erased ${count(erased.versions, 'dataset version', 'dataset versions')}, ${count(erased.runs, 'run', 'runs')}, ${count(erased.models, 'registered model', 'registered models')} and ${count(erased.events, 'audit event', 'audit events')}.`;
}

function remainingSentence(usageBytes: number | null | undefined): string {
  if (usageBytes == null) return 'The browser does not report how much storage remains in use.';
  return `The browser still reports ${formatBytes(usageBytes)} in use: it frees deleted IndexedDB space when it compacts the database, later, and counts the app's own cached files too.`;
}
