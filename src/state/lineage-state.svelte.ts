/**
 * The lineage graph of the whole workspace: dataset versions → runs →
 * model versions, with stale models (trained on data that has a newer
 * version) marked, and the node picked for details.
 */
import { buildLineage, type LineageGraph, type LineageNode } from '../core/lineage/index.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

const EMPTY: LineageGraph = { nodes: [], edges: [] };

export class LineageState {
  graph = $state.raw<LineageGraph>(EMPTY);
  loaded = $state(false);
  error = $state<string | null>(null);
  /** The node whose details are shown. */
  pickedId = $state<string | null>(null);

  readonly picked = $derived<LineageNode | null>(this.graph.nodes.find((n) => n.id === this.pickedId) ?? null);
  readonly staleCount = $derived(this.graph.nodes.filter((n) => n.stale).length);

  readonly #context: WorkspaceContext;

  constructor(context: WorkspaceContext) {
    this.#context = context;
    // Feature view applies announce only `audit` (they have no change kind of their own).
    context.changes.subscribe(['datasetVersions', 'runs', 'registry', 'audit'], () => this.refresh());
  }

  /** Rereads every dataset version, run and model version and rebuilds the graph. */
  async refresh(): Promise<void> {
    const outcome = await runThrowing(async () => {
      const { store } = this.#context;
      const [datasetVersions, runs, modelVersions, featureViews] = await Promise.all([
        store.listDatasetVersions(),
        store.listRuns(),
        store.listRecords('modelVersions'),
        store.listRecords('featureViews'),
      ]);
      return buildLineage({ datasetVersions, runs, modelVersions, featureViews });
    });
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.error = null;
    this.graph = outcome.value;
    this.loaded = true;
    if (this.pickedId && !this.picked) this.pickedId = null;
  }

  pick(id: string | null): void {
    this.pickedId = id;
  }

  dismissError(): void {
    this.error = null;
  }
}
