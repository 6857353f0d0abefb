/**
 * The point-in-time join preview: a saved version as the entity rows, its
 * time column, and feature view versions, joined in the features worker;
 * the first rows, the matches and what a naive join would have leaked; and
 * the result saved as a dataset version for the Train view.
 */
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import type { FeaturesApi, JoinPreview, JoinRequest } from '../adapters/workers/features-protocol.ts';
import { runResult } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** The preview's shape, for the components that show it (they reach adapters only through state). */
export type { JoinPreview };

const PREVIEW_ROWS = 20;

export class FeatureJoinState {
  entityVersionId = $state('');
  timestamp = $state('');
  viewIds = $state.raw<string[]>([]);
  ignoreCreatedAfter = $state(false);
  preview = $state.raw<JoinPreview | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  saved = $state.raw<{ created: boolean; version: DatasetVersion } | null>(null);
  readonly #context: WorkspaceContext;
  readonly #client: FeaturesApi;

  constructor(context: WorkspaceContext, client: FeaturesApi) {
    this.#context = context;
    this.#client = client;
  }

  get request(): JoinRequest {
    return {
      entityVersionId: this.entityVersionId,
      timestamp: this.timestamp,
      viewIds: this.viewIds,
      ignoreCreatedAfter: this.ignoreCreatedAfter,
    };
  }

  get ready(): boolean {
    return this.entityVersionId !== '' && this.timestamp !== '' && this.viewIds.length > 0 && !this.busy;
  }

  toggleView(id: string, on: boolean): void {
    this.viewIds = on ? [...this.viewIds.filter((v) => v !== id), id] : this.viewIds.filter((v) => v !== id);
    this.edited();
  }

  /** Clears the result shown: the choices changed. */
  edited(): void {
    this.preview = null;
    this.saved = null;
  }

  /** Joins in the worker and shows the first rows and the per-view counts. */
  async runPreview(): Promise<void> {
    if (!this.ready) return;
    this.busy = true;
    const outcome = await runResult(() => this.#client.preview(this.request, PREVIEW_ROWS));
    this.busy = false;
    if (outcome.ok) {
      this.preview = outcome.value;
      this.error = null;
    } else this.error = outcome.message;
  }

  /** Saves the joined table as a dataset version (its parent: the entity version). */
  async save(name: string, note: string): Promise<void> {
    if (!this.ready) return;
    this.busy = true;
    const input = { name, note, actor: this.#context.actor() };
    const outcome = await runResult(() => this.#client.save(this.request, input));
    this.busy = false;
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.saved = outcome.value;
    this.error = null;
    if (outcome.value.created) await this.#context.changes.notify('datasetVersions', 'audit');
  }

  dismissError(): void {
    this.error = null;
  }
}
