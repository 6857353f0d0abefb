/**
 * Places the lineage graph with dagre: left to right, data → runs →
 * models, each node a fixed-size box, edges as polylines.
 */
import dagre from '@dagrejs/dagre';
import type { LineageGraph, LineageNode } from '../../core/lineage/index.ts';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 52;
/** Room for a Transform recipe's label on a derived edge. */
export const STEP_WIDTH = 150;

/** A node with its box's centre. */
export interface PlacedNode {
  node: LineageNode;
  x: number;
  y: number;
}

/** An edge as SVG path data. */
export interface PlacedEdge {
  from: string;
  to: string;
  kind: string;
  path: string;
  /** The Transform recipe on a derived edge, placed at `labelX`, `labelY`. */
  step: string | null;
  labelX: number;
  labelY: number;
}

/** The laid-out graph and the size of the area it needs. */
export interface LineageLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/**
 * Lays the graph out; the same graph gives the same positions.
 *
 * @example
 * const { width, height, nodes } = layoutLineage(graph);
 */
export function layoutLineage(graph: LineageGraph): LineageLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 70, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  // A recipe label gets room of its own between the two versions.
  for (const edge of graph.edges)
    g.setEdge(edge.from, edge.to, edge.step ? { width: STEP_WIDTH, height: 16, labelpos: 'c' } : {});
  dagre.layout(g);
  const label = g.graph() as { width?: number; height?: number };
  const nodes = graph.nodes.map((node) => {
    const placed = g.node(node.id) as { x: number; y: number };
    return { node, x: placed.x, y: placed.y };
  });
  const edges = graph.edges.map((edge) => {
    const placed = g.edge(edge.from, edge.to) as { points?: { x: number; y: number }[]; x?: number; y?: number };
    const points = placed.points ?? [];
    const path = points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const step = edge.step ?? null;
    return { from: edge.from, to: edge.to, kind: edge.kind, path, step, labelX: placed.x ?? 0, labelY: placed.y ?? 0 };
  });
  return { width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0), nodes, edges };
}
