/**
 * How many rows of a dataset version lack a value in one of the chosen
 * features: what the Train form's "drop the rows" imputation would remove.
 * Counted by the data worker from the stored table.
 */
import { runResult } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export class MissingRowsState {
  /** The count for {@link key}, or null while unknown. */
  count = $state<number | null>(null);
  error = $state<string | null>(null);
  /** The version and columns `count` is for. */
  key = $state('');
  readonly #context: Pick<WorkspaceContext, 'data'>;
  #asked = '';

  constructor(context: Pick<WorkspaceContext, 'data'>) {
    this.#context = context;
  }

  /** Counts for a version and its features; an answer to an older question is dropped. */
  async refresh(versionId: string, columns: string[]): Promise<void> {
    const key = `${versionId}\u0000${columns.join('\u0000')}`;
    if (key === this.key || key === this.#asked) return;
    this.#asked = key;
    const outcome = await runResult(() => this.#context.data.countRowsMissing(versionId, columns));
    if (this.#asked !== key) return;
    this.key = key;
    this.count = outcome.ok ? outcome.value : null;
    this.error = outcome.ok ? null : outcome.message;
  }
}
