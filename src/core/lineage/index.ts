/** Lineage: how dataset versions, runs and model versions derive from one another. */
export { buildLineage, type LineageInput } from './build-lineage.ts';
export { newestDescendants } from './newest-descendant.ts';
export type { LineageEdge, LineageEdgeKind, LineageGraph, LineageNode, LineageNodeKind } from './lineage-types.ts';
