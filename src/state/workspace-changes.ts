/**
 * "The workspace changed": writers say which kinds of record they changed
 * once their commit is done, and each view rereads only the kinds it shows,
 * once per notification, however many of its kinds changed together.
 */

/** The kinds of stored record a view can show. */
export type RecordChange = 'datasetVersions' | 'runs' | 'registry' | 'audit';
/** `all`: reread every kind (start-up); `erased`: every kind is gone, and what views hold in memory too. */
export type WorkspaceChange = RecordChange | 'all' | 'erased';

const EVERY_KIND: readonly RecordChange[] = ['datasetVersions', 'runs', 'registry', 'audit'];

type Listener = () => void | Promise<void>;

export class WorkspaceChanges {
  readonly #subscribers: { kinds: ReadonlySet<WorkspaceChange>; listener: Listener }[] = [];

  /**
   * Calls `listener` after each notification that names one of `kinds`
   * (`all` and `erased` name every record kind). Returns the unsubscribe.
   *
   * @example
   * changes.subscribe(['runs'], () => runs.refresh());
   */
  subscribe(kinds: readonly WorkspaceChange[], listener: Listener): () => void {
    const subscriber = { kinds: new Set(kinds), listener };
    this.#subscribers.push(subscriber);
    return () => {
      const index = this.#subscribers.indexOf(subscriber);
      if (index >= 0) this.#subscribers.splice(index, 1);
    };
  }

  /** Tells every subscriber to one of `changes`, once each; resolves when all have reread. */
  async notify(...changes: WorkspaceChange[]): Promise<void> {
    const named = new Set<WorkspaceChange>(changes);
    if (named.has('all') || named.has('erased')) for (const kind of EVERY_KIND) named.add(kind);
    const reached = this.#subscribers.filter(({ kinds }) => [...kinds].some((kind) => named.has(kind)));
    // A view's failed reread is its own error to show, never the writer's.
    await Promise.allSettled(reached.map(({ listener }) => listener()));
  }
}
