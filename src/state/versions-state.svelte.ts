/**
 * The saved dataset versions, newest first, and the diff between two of them.
 */
import type { DatasetDiff } from '../core/data/diff/diff-types.ts';
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import { runResult, runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export class VersionsState {
  /** Newest first. */
  list = $state.raw<DatasetVersion[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  fromId = $state('');
  toId = $state('');
  diff = $state.raw<DatasetDiff | null>(null);
  diffing = $state(false);
  #newestSeen = '';
  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    context.changes.subscribe(['datasetVersions'], () => this.refresh());
  }

  /** Rereads the list from storage and keeps the diff picks valid. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(() => this.#context.store.listDatasetVersions());
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.error = null;
    this.list = newestFirst(outcome.value);
    this.loaded = true;
    const ids = new Set(this.list.map((v) => v.id));
    const newest = this.list[0]?.id ?? '';
    // A new version resets the picks to "previous → newest", the usual question.
    if (newest !== this.#newestSeen) {
      this.#newestSeen = newest;
      this.toId = newest;
      this.fromId = this.list[1]?.id ?? '';
    }
    if (!ids.has(this.toId)) this.toId = newest;
    if (!ids.has(this.fromId) || this.fromId === this.toId) {
      this.fromId = this.list.find((v) => v.id !== this.toId)?.id ?? '';
    }
    if (this.diff && !(ids.has(this.diff.fromId) && ids.has(this.diff.toId))) this.diff = null;
  }

  /** Computes the diff from `fromId` to `toId` in the worker. */
  async compare(): Promise<void> {
    if (!this.fromId || !this.toId) return;
    this.diffing = true;
    this.error = null;
    const outcome = await runResult(() => this.#context.data.diffVersions(this.fromId, this.toId));
    this.diffing = false;
    if (outcome.ok) this.diff = outcome.value;
    else this.error = outcome.message;
  }

  /** The version with this id, if listed. */
  byId(id: string | null): DatasetVersion | undefined {
    return id ? this.list.find((v) => v.id === id) : undefined;
  }

  dismissError(): void {
    this.error = null;
  }
}

/** Newest first by creation time; equal times keep the store's later-first order. */
function newestFirst(versions: DatasetVersion[]): DatasetVersion[] {
  return versions
    .map((version, index) => ({ version, index }))
    .sort((a, b) => b.version.createdAt.localeCompare(a.version.createdAt) || b.index - a.index)
    .map((entry) => entry.version);
}
