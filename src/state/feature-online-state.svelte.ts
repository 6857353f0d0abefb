/**
 * The online store from the app: materialize every applied view up to a
 * time (progress per view, in the features worker), and look entity keys up,
 * each vector shown next to the one offline retrieval gives at that time.
 */
import type {
  FeaturesApi,
  LookupResult,
  MaterializeProgress,
  MaterializeSummary,
} from '../adapters/workers/features-protocol.ts';
import { runResult } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** Key parts are typed joined by "|"; the store joins them by U+001F. */
export function parseKeys(text: string): string[] {
  return text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')
    .map((k) =>
      k
        .split('|')
        .map((p) => p.trim())
        .join('\u001f'),
    );
}

export class FeatureOnlineState {
  /** ISO time to materialize up to; empty: now. */
  end = $state('');
  progress = $state.raw<MaterializeProgress | null>(null);
  materialized = $state.raw<MaterializeSummary | null>(null);
  materializing = $state(false);
  /** A service or view name. */
  lookupName = $state('');
  keys = $state('');
  lookup = $state.raw<LookupResult | null>(null);
  looking = $state(false);
  error = $state<string | null>(null);
  readonly #context: WorkspaceContext;
  readonly #client: FeaturesApi;

  constructor(context: WorkspaceContext, client: FeaturesApi) {
    this.#context = context;
    this.#client = client;
  }

  async materialize(): Promise<void> {
    const end = this.end.trim() === '' ? Date.parse(this.#context.now()) : Date.parse(this.end.trim());
    if (Number.isNaN(end)) {
      this.error = `"${this.end}" is not a time. Write ISO 8601, e.g. 2024-03-01T00:00:00Z, or leave it empty for now.`;
      return;
    }
    this.materializing = true;
    this.progress = null;
    const request = { end, actor: this.#context.actor() };
    const outcome = await runResult(() => this.#client.materialize(request, (p) => (this.progress = p)));
    this.materializing = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.materialized = outcome.value;
    this.lookup = null;
    this.error = null;
    await this.#context.changes.notify('audit');
  }

  async runLookup(): Promise<void> {
    const keys = parseKeys(this.keys);
    if (this.lookupName === '' || keys.length === 0) return;
    this.looking = true;
    const outcome = await runResult(() => this.#client.lookup(this.lookupName, keys));
    this.looking = false;
    if (outcome.ok) {
      this.lookup = outcome.value;
      this.error = null;
    } else this.error = outcome.message;
  }

  dismissError(): void {
    this.error = null;
  }
}
