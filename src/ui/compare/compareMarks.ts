/**
 * Compare on the graph: what changed since the pinned baseline, drawn the way failing expectations
 * are (graph/checkMarks.ts). Traffic gained is marked on the edge that draws it now (its label keeps
 * its ports; a badge under it says `+ <ports gained>`); traffic lost gets an edge of its own, dashed,
 * labelled `− <ports lost>`, beside the pair's edge if it still has one. Ports are united over the
 * pairs between the same two nodes. A mark claims no connectivity: the graph still reads exactly as
 * before (test/support/flow-decode.ts skips lost marks by their label; a gained badge is not part of
 * the label). Pairs whose ends are not drawn now (an endpoint removed, a namespace hidden by the
 * focus view) are left to the Compare list.
 * Pure: the shown model and the comparison in, the model with its marks out.
 */
import { isNoConnections, NO_CONNECTIONS, pairChangeLines, unionConnections } from '../../engine';
import type { ConnectionSet, EndpointId } from '../../engine/types';
import type { ComparedPair, Comparison } from '../../store/evaluation/comparison';
import { connectionLabel, flowEdge } from '../graph/flowEdge';
import type { FlowEdge } from '../graph/flowTypes';
import { edgeId, lostEdgeId } from '../graph/ids';
import { endpointNodeIds, type FlowModel } from '../graph/toFlow';

/** A lost-traffic mark's label starts with this (a minus sign, U+2212); no connection's label does. */
export const LOST_LABEL_PREFIX = '− ';
/** A gained-traffic mark, the second line of the edge that draws the traffic. */
export const GAINED_PREFIX = '+ ';
const SINCE = 'Since the baseline:';

/** Each drawn connection edge by the (source node, target node) pairs it stands for: itself, a bundle's members, an aggregate's ends. */
function edgesByPair(edges: readonly FlowEdge[]): Map<string, FlowEdge> {
  const index = new Map<string, FlowEdge>();
  for (const edge of edges) {
    const data = edge.data!;
    if (data.ofPolicy !== undefined || data.kind === 'expected' || data.kind === 'lost') continue;
    index.set(edgeId(edge.source, edge.target), edge);
    for (const [source, target] of data.members ?? []) index.set(edgeId(source, target), edge);
  }
  return index;
}

/** What the pairs between two nodes gained or lost, and the sentences that say so. */
interface Tally {
  readonly source: string;
  readonly target: string;
  readonly first: ComparedPair;
  ports: ConnectionSet;
  readonly lines: string[];
}

/** Adds what `pair` gained (or lost) to the tally of the mark at `key`. */
function tally(into: Map<string, Tally>, key: string, source: string, target: string, pair: ComparedPair, side: 'added' | 'removed'): void {
  const { change } = pair;
  const ports = change[side];
  // The pair's sentence about this side only.
  const lines = pairChangeLines(side === 'added' ? { ...change, removed: NO_CONNECTIONS } : { ...change, added: NO_CONNECTIONS });
  const known = into.get(key);
  if (!known) into.set(key, { source, target, first: pair, ports, lines });
  else {
    known.ports = unionConnections(known.ports, ports);
    known.lines.push(...lines);
  }
}

/** The model with the marks of `comparison` (null: nothing pinned, or not compared yet). */
export function applyCompareMarks(model: FlowModel, comparison: Comparison | null | undefined): FlowModel {
  if (!comparison || comparison.pairs.length === 0) return model;
  const nodeOf = endpointNodeIds(model.nodes);
  const drawn = edgesByPair(model.edges);
  /** By the id of the edge that draws the traffic gained (ids are unique in a model). */
  const gained = new Map<string, Tally>();
  const lost = new Map<string, Tally>();
  for (const pair of comparison.pairs) {
    const source = pair.shownFrom && nodeOf.get(pair.shownFrom as EndpointId);
    const target = pair.shownTo && nodeOf.get(pair.shownTo as EndpointId);
    if (source === undefined || target === undefined) continue;
    const { added, removed } = pair.change;
    const edge = drawn.get(edgeId(source, target));
    if (!isNoConnections(added) && edge) tally(gained, edge.id, edge.source, edge.target, pair, 'added');
    if (!isNoConnections(removed)) tally(lost, lostEdgeId(source, target), source, target, pair, 'removed');
  }
  const edges = model.edges.map((edge) => {
    const mark = gained.get(edge.id);
    if (!mark) return edge;
    return { ...edge, data: { ...edge.data!, gained: { label: `${GAINED_PREFIX}${connectionLabel(mark.ports)}`, title: [SINCE, ...mark.lines].join('\n') } } };
  });
  for (const [id, { source, target, first, ports, lines }] of lost) {
    const label = `${LOST_LABEL_PREFIX}${connectionLabel(ports)}`;
    const data = { from: first.shownFrom!, to: first.shownTo!, kind: 'lost' as const, label, title: [SINCE, ...lines].join('\n') };
    edges.push(flowEdge(source, target, data, id));
  }
  return { nodes: model.nodes, edges };
}
