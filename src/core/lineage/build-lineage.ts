import { describeRecipe } from '../data/transform/recipe.ts';
import type { DatasetVersion } from '../data/versions/dataset-version.ts';
import type { FeatureViewRecord } from '../features/definitions/feature-types.ts';
import type { ModelVersion } from '../registry/registry-types.ts';
import type { RunRecord } from '../train/run-record.ts';
import type { LineageEdge, LineageGraph, LineageNode } from './lineage-types.ts';
import { newestDescendants } from './newest-descendant.ts';

/** The records a lineage graph is built from (usually every one in the workspace). */
export interface LineageInput {
  datasetVersions: DatasetVersion[];
  runs: RunRecord[];
  modelVersions: ModelVersion[];
  /** Feature view versions; runs trained on features link to the ones they used. */
  featureViews?: FeatureViewRecord[];
}

const datasetNode = (id: string) => `dataset:${id}`;
const runNode = (id: string) => `run:${id}`;
const modelNode = (id: string) => `model:${id}`;
const viewNode = (id: string) => `featureView:${id}`;

/**
 * Builds the lineage graph: each dataset version derived from its parent,
 * each feature view version computed from its source version, each joined
 * version from the view versions it joined, each run from its dataset
 * version (and the views a feature-source spec pinned), each model version
 * from its run. A
 * model version and the run that made it are stale when their dataset
 * version has a newer descendant; the reason names the newest one. Edges to
 * records not in the input are left out. Nodes come in a fixed order (kind,
 * then time, then id) so the same records give the same graph.
 *
 * @example
 * buildLineage({ datasetVersions, runs, modelVersions }).nodes.filter((n) => n.stale);
 */
export function buildLineage(input: LineageInput): LineageGraph {
  const datasets = new Map(input.datasetVersions.map((d) => [d.id, d]));
  const runs = new Map(input.runs.map((r) => [r.id, r]));
  const newer = newestDescendants(input.datasetVersions);
  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];

  for (const d of input.datasetVersions) {
    nodes.push({
      id: datasetNode(d.id),
      kind: 'dataset',
      recordId: d.id,
      label: `${d.name} · ${d.id.slice(0, 8)}`,
      detail: `${d.rowCount} rows × ${d.columnCount} columns`,
      createdAt: d.createdAt,
      stale: false,
      staleReason: null,
    });
    if (d.parentId && datasets.has(d.parentId)) {
      const step = d.recipe ? { step: describeRecipe(d.recipe) } : {};
      edges.push({ from: datasetNode(d.parentId), to: datasetNode(d.id), kind: 'derived', ...step });
    }
  }

  const views = new Set<string>();
  for (const v of input.featureViews ?? []) {
    views.add(v.id);
    nodes.push({
      id: viewNode(v.id),
      kind: 'featureView',
      recordId: v.id,
      label: `${v.name} v${v.version}`,
      detail: `${v.features.length} feature${v.features.length === 1 ? '' : 's'}`,
      createdAt: v.createdAt,
      stale: false,
      staleReason: null,
    });
    if (datasets.has(v.sourceVersionId))
      edges.push({ from: datasetNode(v.sourceVersionId), to: viewNode(v.id), kind: 'computed' });
  }
  // A version joined in the Features area names the view versions it was built from.
  for (const d of input.datasetVersions) {
    for (const id of d.featureJoin?.viewIds ?? []) {
      if (views.has(id)) edges.push({ from: viewNode(id), to: datasetNode(d.id), kind: 'joined' });
    }
  }

  const staleRuns = new Map<string, string>();
  const modelNodes: LineageNode[] = [];
  for (const v of input.modelVersions) {
    const successor = newer.get(v.datasetVersionId);
    const reason = successor ? staleReason(datasets.get(v.datasetVersionId)!, successor) : null;
    if (reason && runs.has(v.runId)) staleRuns.set(v.runId, reason);
    modelNodes.push({
      id: modelNode(v.id),
      kind: 'model',
      recordId: v.id,
      label: `${v.modelName} v${v.version}`,
      detail: v.stage,
      createdAt: v.createdAt,
      stale: reason !== null,
      staleReason: reason,
    });
    if (runs.has(v.runId)) edges.push({ from: runNode(v.runId), to: modelNode(v.id), kind: 'registered' });
  }

  for (const r of input.runs) {
    const reason = staleRuns.get(r.id) ?? null;
    nodes.push({
      id: runNode(r.id),
      kind: 'run',
      recordId: r.id,
      label: r.name,
      detail: r.status,
      createdAt: r.startedAt,
      stale: reason !== null,
      staleReason: reason,
    });
    if (datasets.has(r.datasetVersionId))
      edges.push({ from: datasetNode(r.datasetVersionId), to: runNode(r.id), kind: 'trained' });
    for (const id of r.spec.featureSource?.views ?? []) {
      if (views.has(id)) edges.push({ from: viewNode(id), to: runNode(r.id), kind: 'served' });
    }
  }
  for (const node of modelNodes) nodes.push(node);

  const kindOrder = { dataset: 0, featureView: 1, run: 2, model: 3 } as const;
  nodes.sort(
    (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || compare(a.createdAt, b.createdAt) || compare(a.id, b.id),
  );
  edges.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
  return { nodes, edges };
}

function staleReason(old: DatasetVersion, successor: DatasetVersion): string {
  return `Trained on dataset version "${old.name}" (${old.id.slice(0, 8)}); a newer version "${successor.name}" (${successor.id.slice(0, 8)}, saved ${successor.createdAt}) derives from it. Retrain on the newer version.`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
