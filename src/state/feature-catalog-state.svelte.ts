/**
 * The feature store as stored: entities, every version of every feature
 * view, services, and what the online store holds. Reread at start-up and
 * after every audited write (the feature writers announce `audit`).
 */
import type { FeatureEntity, FeatureService, FeatureViewRecord } from '../core/features/definitions/feature-types.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** What the online store holds for one view. */
export interface OnlineSummary {
  view: string;
  viewId: string;
  end: string;
  entities: number;
}

export class FeatureCatalogState {
  entities = $state.raw<FeatureEntity[]>([]);
  /** Every stored version, by name then newest version first. */
  views = $state.raw<FeatureViewRecord[]>([]);
  services = $state.raw<FeatureService[]>([]);
  online = $state.raw<OnlineSummary[]>([]);
  error = $state<string | null>(null);
  /** The newest version of each view, by name. */
  latest: FeatureViewRecord[] = $derived(this.views.filter((v, i, all) => all[i - 1]?.name !== v.name));
  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    context.changes.subscribe(['audit', 'erased'], () => this.refresh());
  }

  async refresh(): Promise<void> {
    const store = this.#context.store;
    const outcome = await runThrowing(() =>
      Promise.all([
        store.listRecords('featureEntities'),
        store.listRecords('featureViews'),
        store.listRecords('featureServices'),
        store.listRecords('onlineFeatures'),
      ]),
    );
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    const [entities, views, services, online] = outcome.value;
    this.error = null;
    this.entities = [...entities].sort((a, b) => a.name.localeCompare(b.name));
    this.views = [...views].sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version);
    this.services = [...services].sort((a, b) => a.name.localeCompare(b.name));
    this.online = online
      .map((t) => ({ view: t.view, viewId: t.viewId, end: t.end, entities: t.keys.length }))
      .sort((a, b) => a.view.localeCompare(b.view));
  }

  dismissError(): void {
    this.error = null;
  }
}
