/**
 * Compare on the graph: what changed since the pinned baseline, drawn the way failing expectations
 * are (graph/checkMarks.ts). Traffic gained is marked on the edge that draws it now (its label keeps
 * its ports; a badge under it says `+ <ports gained>`); traffic lost gets an edge of its own, dashed,
 * labelled `− <ports lost>`, beside the pair's edge if it still has one. Ports are united over the
 * pairs between the same two nodes. A mark claims no connectivity: the graph still reads exactly as
 * before (test/support/flow-decode.ts skips lost marks by their label; a gained badge is not part of
 * the label). Pairs whose ends are not drawn now (an endpoint removed, a namespace hidden by the
 * focus view) are left to the Compare list.
 * Pure (but for a cache of unchanged marks): the shown model and the comparison in, the model with its marks out.
 */
import { isNoConnections, NO_CONNECTIONS, pairChangeLines } from '../../engine';
import type { EndpointId } from '../../engine/types';
import type { ComparedPair, Comparison } from '../../store/evaluation/comparison';
import { connectionLabel } from '../graph/flowEdge';
import { edgeId, lostEdgeId } from '../graph/ids';
import { createMarkCache, edgesByPair, markedEdge, markEdges, tallyMark, type MarkCache, type MarkTally } from '../graph/pairMarkEdges';
import { endpointNodeIds, type FlowModel } from '../graph/toFlow';

/** A lost-traffic mark's label starts with this (a minus sign, U+2212); no connection's label does. */
const LOST_LABEL_PREFIX = '− ';
/** A gained-traffic mark, the second line of the edge that draws the traffic. */
const GAINED_PREFIX = '+ ';
const SINCE = 'Since the baseline:';

/** The pair's sentence about one side of its change only. */
const sideLines = ({ change }: ComparedPair, side: 'added' | 'removed') =>
  pairChangeLines(side === 'added' ? { ...change, removed: NO_CONNECTIONS } : { ...change, added: NO_CONNECTIONS });

/**
 * The model with the marks of `comparison` (null: nothing pinned, or not compared yet); `cache`
 * keeps the objects of marks that did not change since the last call.
 */
export function applyCompareMarks(
  model: FlowModel,
  comparison: Comparison | null | undefined,
  cache: MarkCache = createMarkCache(),
): FlowModel {
  if (!comparison || comparison.pairs.length === 0) return model;
  const nodeOf = endpointNodeIds(model.nodes);
  const drawn = edgesByPair(model.edges);
  /** By the id of the edge that draws the traffic gained (ids are unique in a model). */
  const gained = new Map<string, MarkTally>();
  const lost = new Map<string, MarkTally>();
  for (const pair of comparison.pairs) {
    const source = pair.shownFrom && nodeOf.get(pair.shownFrom as EndpointId);
    const target = pair.shownTo && nodeOf.get(pair.shownTo as EndpointId);
    if (source === undefined || target === undefined) continue;
    const ends = { from: pair.shownFrom!, to: pair.shownTo! };
    const { added, removed } = pair.change;
    const edge = drawn.get(edgeId(source, target));
    if (!isNoConnections(added) && edge) {
      tallyMark(gained, edge.id, { source: edge.source, target: edge.target, ...ends, ports: added }, sideLines(pair, 'added'));
    }
    if (!isNoConnections(removed)) {
      tallyMark(lost, lostEdgeId(source, target), { source, target, ...ends, ports: removed }, sideLines(pair, 'removed'));
    }
  }
  const edges = model.edges.map((edge) => {
    const mark = gained.get(edge.id);
    if (!mark) return edge;
    const badge = { label: `${GAINED_PREFIX}${connectionLabel(mark.ports)}`, title: [SINCE, ...mark.lines].join('\n') };
    return markedEdge(cache, edge, `${badge.label}\n${badge.title}`, { gained: badge });
  });
  return { nodes: model.nodes, edges: [...edges, ...markEdges(lost, 'lost', LOST_LABEL_PREFIX, SINCE, cache)] };
}
