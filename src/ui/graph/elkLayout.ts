/**
 * Whole-graph layout: ELK in its own worker for graphs of a size ELK lays out quickly, a grid
 * beyond that (a 2000-node layered layout takes seconds and reads no better).
 */
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { XY } from '../../store/types';
import { fromElkGraph, toElkGraph } from './elkGraph';
import type { FlowEdge, FlowNode } from './flowTypes';
import { gridLayout } from './placement';

/** Above this many nodes (or edges), the grid is used. */
const ELK_LIMIT = { nodes: 200, edges: 1500 };

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Promise<Record<string, XY>> {
  if (nodes.length > ELK_LIMIT.nodes || edges.length > ELK_LIMIT.edges) return gridLayout(nodes);
  elk ??= new ELK({ workerUrl: elkWorkerUrl });
  return fromElkGraph(await elk.layout(toElkGraph(nodes, edges)));
}
