/**
 * The model card of the version on show (see load-card.ts for where it
 * comes from), and its download as Markdown.
 */
import { loadCard, type ShownCard } from './load-card.ts';
import type { ModelVersion } from '../core/registry/registry-types.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

export type { ShownCard };

export class ModelCardState {
  shown = $state.raw<ShownCard | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
  }

  /** Loads the card of `version` (again, e.g. after its text was edited). */
  async open(version: ModelVersion): Promise<void> {
    this.loading = true;
    const outcome = await runThrowing(() => loadCard(this.#context.store, version));
    this.loading = false;
    if (!outcome.ok) {
      this.shown = null;
      this.error = outcome.message;
      return;
    }
    this.error = null;
    this.shown = outcome.value;
  }

  close(): void {
    this.shown = null;
    this.error = null;
  }

  /** Downloads the card on show as `<name>-v<n>-model-card.md`. */
  downloadMarkdown(): void {
    const shown = this.shown;
    if (!shown) return;
    this.#context.files.download(
      `${shown.versionId.replace('@', '-v')}-model-card.md`,
      shown.markdown,
      'text/markdown',
    );
  }

  dismissError(): void {
    this.error = null;
  }
}
