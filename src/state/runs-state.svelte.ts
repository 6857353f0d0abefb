/**
 * Every stored training run (from IndexedDB, so they survive a reload), the
 * table's sort order, the runs ticked for comparison and the run on show.
 */
import type { RunRecord } from '../core/train/run-record.ts';
import { METRIC_COLUMNS, sortRuns, type SortKey } from './run-columns.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** The stored runs as the Runs view shows them. */
export class RunsState {
  /** Newest first, as stored. */
  list = $state.raw<RunRecord[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  sortKey = $state<SortKey>('startedAt');
  sortDirection = $state<'asc' | 'desc'>('desc');
  /** Ids ticked for comparison, in ticking order. */
  selected = $state.raw<string[]>([]);
  /** Ids being compared (set by {@link compare}). */
  compared = $state.raw<string[]>([]);
  /** The run whose details are shown. */
  shownId = $state<string | null>(null);

  readonly sorted = $derived(sortRuns(this.list, this.sortKey, this.sortDirection));
  readonly comparedRuns = $derived(this.compared.map((id) => this.byId(id)).filter((r): r is RunRecord => !!r));
  readonly shown = $derived(this.byId(this.shownId));

  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    context.changes.subscribe(['runs'], () => this.refresh());
  }

  /** Rereads the runs from storage and forgets picks of runs that are gone. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(() => this.#context.store.listRuns());
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.error = null;
    this.list = outcome.value;
    this.loaded = true;
    const ids = new Set(this.list.map((r) => r.id));
    this.selected = this.selected.filter((id) => ids.has(id));
    this.compared = this.compared.filter((id) => ids.has(id));
    if (this.shownId && !ids.has(this.shownId)) this.shownId = null;
  }

  /** Sorts by a column; clicking the sorted column again flips the direction. */
  sortBy(key: SortKey): void {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
      return;
    }
    this.sortKey = key;
    const metric = METRIC_COLUMNS.find((c) => c.key === key);
    // Best first: ascending for losses and errors, descending for scores and times.
    this.sortDirection = metric?.lowerIsBetter || key === 'name' ? 'asc' : 'desc';
  }

  toggle(id: string, on: boolean): void {
    this.selected = on ? [...this.selected.filter((s) => s !== id), id] : this.selected.filter((s) => s !== id);
  }

  /** Compares the ticked runs (two or more). */
  compare(): void {
    if (this.selected.length < 2) {
      this.error = 'Tick two or more runs to compare them.';
      return;
    }
    this.error = null;
    this.compared = [...this.selected];
  }

  show(id: string | null): void {
    this.shownId = id;
  }

  byId(id: string | null): RunRecord | undefined {
    return id ? this.list.find((r) => r.id === id) : undefined;
  }

  dismissError(): void {
    this.error = null;
  }
}
