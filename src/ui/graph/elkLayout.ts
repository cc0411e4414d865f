/**
 * Whole-graph layout: ELK in its own worker for graphs it orders and lays out quickly, a grid
 * otherwise. ELK (its worker script alone is ~475 kB gzip) is loaded and started by the first
 * layout that needs it, never before.
 * - ELK orders by the edges that carry specific ports between groups (elkGraph.ts); a graph with
 *   none of those leaves it nothing to order, and the grid places such a graph as well.
 * - Above ELK_LIMIT, a layered layout takes seconds and reads no better than the grid; with
 *   many top-level boxes (collapsed namespaces) it is one layer dozens of screens wide
 *   (gridLayout.ts `prefersGrid`).
 */
import type ELK from 'elkjs/lib/elk-api.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { XY } from '../../store/types';
import { fromElkGraph, toElkGraph } from './elkGraph';
import type { FlowEdge, FlowNode } from './flowTypes';
import { gridLayout, prefersGrid } from './gridLayout';

/** Above this many nodes (or edges), the grid is used. */
const ELK_LIMIT = { nodes: 200, edges: 1500 };

let elk: Promise<InstanceType<typeof ELK>> | undefined;

function startElk(): Promise<InstanceType<typeof ELK>> {
  elk ??= import('elkjs/lib/elk-api.js').then(({ default: Elk }) => new Elk({ workerUrl: elkWorkerUrl }));
  return elk;
}

/** The graph ELK should lay out, or undefined when the grid does it (see the header). */
export function elkGraphFor(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): ElkNode | undefined {
  if (nodes.length > ELK_LIMIT.nodes || edges.length > ELK_LIMIT.edges || prefersGrid(nodes)) return undefined;
  const graph = toElkGraph(nodes, edges);
  return graph.edges!.length > 0 ? graph : undefined;
}

export async function layoutGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Promise<Record<string, XY>> {
  const graph = elkGraphFor(nodes, edges);
  return graph ? fromElkGraph(await (await startElk()).layout(graph)) : gridLayout(nodes, edges);
}
