/**
 * The point-in-time join preview: a saved version as the entity rows, its
 * time column, and feature view versions, joined in the features worker;
 * the first rows, the matches and what a naive join would have leaked; and
 * the result saved as a dataset version for the Train view.
 */
import type { DatasetVersion } from '../core/data/versions/dataset-version.ts';
import type { FeatureService, FeatureViewRecord } from '../core/features/definitions/feature-types.ts';
import { serviceId } from '../core/features/definitions/service-id.ts';
import type { EntityTimeline } from '../core/features/timeline/index.ts';
import type { FeaturesApi, JoinPreview, JoinRequest } from '../adapters/workers/features-protocol.ts';
import { runResult } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** The preview's shape, for the components that show it (they reach adapters only through state). */
export type { JoinPreview };
export type { EntityTimeline };

const PREVIEW_ROWS = 20;

export class FeatureJoinState {
  entityVersionId = $state('');
  timestamp = $state('');
  viewIds = $state.raw<string[]>([]);
  ignoreCreatedAfter = $state(false);
  /** The service (`name@version`) whose views are ticked; '' once the views are changed by hand. */
  service = $state('');
  preview = $state.raw<JoinPreview | null>(null);
  /** The entity whose timeline is shown (the preview's first, then the one picked). */
  timeline = $state.raw<EntityTimeline | null>(null);
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
      service: this.service || null,
    };
  }

  get ready(): boolean {
    return this.entityVersionId !== '' && this.timestamp !== '' && this.viewIds.length > 0 && !this.busy;
  }

  toggleView(id: string, on: boolean): void {
    this.viewIds = on ? [...this.viewIds.filter((v) => v !== id), id] : this.viewIds.filter((v) => v !== id);
    this.service = '';
    this.edited();
  }

  /**
   * Ticks exactly the newest version of each view `service` serves (none:
   * clears the service and keeps the ticks), and records the service with the join.
   */
  useService(service: FeatureService | null, latest: FeatureViewRecord[]): void {
    this.edited();
    if (service === null) {
      this.service = '';
      return;
    }
    const newest = new Map(latest.map((v) => [v.name, v.id]));
    this.viewIds = service.views.flatMap((name) => newest.get(name) ?? []);
    this.service = serviceId(service);
  }

  /** Clears the result shown: the choices changed. */
  edited(): void {
    this.preview = null;
    this.timeline = null;
    this.saved = null;
  }

  /** Shows `key`'s timeline in the previewed join. */
  async showEntity(key: string): Promise<void> {
    if (!this.preview) return;
    const outcome = await runResult(() => this.#client.timeline(this.request, key));
    if (outcome.ok) {
      this.timeline = outcome.value;
      this.error = null;
    } else this.error = outcome.message;
  }

  /** Joins in the worker and shows the first rows and the per-view counts. */
  async runPreview(): Promise<void> {
    if (!this.ready) return;
    this.busy = true;
    const outcome = await runResult(() => this.#client.preview(this.request, PREVIEW_ROWS));
    this.busy = false;
    if (outcome.ok) {
      this.preview = outcome.value;
      this.timeline = outcome.value.timeline.entity;
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
