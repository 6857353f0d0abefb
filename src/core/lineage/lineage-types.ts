/**
 * The lineage graph: dataset versions → runs → model versions.
 *
 * Extension point: deployments (a later issue) add `'deployment'` to
 * {@link LineageNodeKind}, `'deployed'` to {@link LineageEdgeKind} and one
 * more layer in build-lineage.ts that links each model version to its
 * deployments; a deployment of a stale model version inherits its staleness.
 */
export type LineageNodeKind = 'dataset' | 'featureView' | 'run' | 'model';

/**
 * `derived`: parent → child dataset version; `trained`: dataset version → run;
 * `registered`: run → model version; `computed`: source dataset version →
 * feature view version; `served`: feature view version → a run trained on it;
 * `joined`: feature view version → a dataset version joined from it.
 */
export type LineageEdgeKind = 'derived' | 'trained' | 'registered' | 'computed' | 'served' | 'joined';

/** One record in the graph. */
export interface LineageNode {
  /** `dataset:<id>`, `run:<id>` or `model:<name@version>`: unique across kinds. */
  id: string;
  kind: LineageNodeKind;
  /** The id of the record the node stands for (to open it). */
  recordId: string;
  label: string;
  /** Secondary text: row count, run status, stage. */
  detail: string;
  createdAt: string;
  /** Trained on a dataset version that has a newer descendant. */
  stale: boolean;
  /** Names the newer dataset version when `stale`. */
  staleReason: string | null;
}

/** `from` produced or fed `to` (node ids). */
export interface LineageEdge {
  from: string;
  to: string;
  kind: LineageEdgeKind;
  /** On a `derived` edge made by Transform steps: the recipe in one line. */
  step?: string;
}

/** Nodes and edges, ready for a layout library (e.g. dagre). */
export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
}
