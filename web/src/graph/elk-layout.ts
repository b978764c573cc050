import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import ElkApi from 'elkjs/lib/elk-api.js';
import workerUrl from 'elkjs/lib/elk-worker.min.js?url';

let elk: ELK | undefined;

export interface LayoutNode {
  id: string;
  /** Layer (column) of the node: its hop. */
  layer: number;
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * Positions (centres) for a graph laid out left to right in layers, each node in the layer given
 * (ELK layered with partitioning: a node's hop is its column). ELK runs in a Web Worker, so a large
 * trace never freezes the page.
 *
 * @example
 * const positions = await layeredPositions([{ id: 'a', layer: 0, width: 20, height: 20 }], []);
 */
export async function layeredPositions(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Map<string, { x: number; y: number }>> {
  elk ??= new ElkApi({ workerFactory: () => new Worker(workerUrl) });
  const known = new Set(nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '14',
      // Fewer sweeps and simple placement: a 600-node trace lays out in seconds, not half a minute.
      'elk.layered.thoroughness': '1',
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, layoutOptions: { 'elk.partitioning.partition': String(n.layer) } })),
    edges: edges.filter((e) => known.has(e.source) && known.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const laid = await elk.layout(graph);
  const out = new Map<string, { x: number; y: number }>();
  for (const c of laid.children ?? []) out.set(c.id, { x: (c.x ?? 0) + (c.width ?? 0) / 2, y: (c.y ?? 0) + (c.height ?? 0) / 2 });
  return out;
}
