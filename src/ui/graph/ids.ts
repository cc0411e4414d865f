/**
 * The ids of the graph's nodes and edges, read and built here and nowhere else in the UI. Node
 * ids are defined in the store (store/nodeIds.ts: its view state names nodes) and re-exported:
 * - a workload's node is its engine endpoint id (`ns/name[Kind]`);
 * - a namespace's node is `namespace:<name>` (open frame or collapsed node); the frame of outside
 *   addresses is `group:external`;
 * - external ranges with the same connectivity share one node: their endpoint ids joined by `,`;
 * - an edge is `<source node>-><target node>`; a bundle of edges with one label adds `|<label>`
 *   (a group and a hub may have several bundles between them, one per label); an aggregate of the
 *   edges between a collapsed namespace and another node is the plain edge id of those two nodes;
 * - the edge of a pair a shown policy denies, drawn beside the pair's allowed edge, adds `|deny`
 *   (no label is `deny`: labels are ports, `All`, or start with a tier or `only`);
 * - the mark of traffic a failing expectation expects but the pair does not allow adds `|expected`;
 * - the mark of traffic lost since Compare's baseline adds `|lost`.
 * Endpoint ids never contain `,`, `->` or `|` and never start with `namespace:` or `group:`, so
 * every id reads back unambiguously.
 */
export {
  EXTERNAL_GROUP_ID,
  endpointOfNode,
  endpointsOfNode,
  externalNodeId,
  namespaceNodeId,
  namespaceOfNode,
} from '../../store/nodeIds';

const EDGE_SEPARATOR = '->';
const BUNDLE_SEPARATOR = '|';

/** The edge from one node to another: at most one per ordered pair of nodes. */
export function edgeId(source: string, target: string): string {
  return `${source}${EDGE_SEPARATOR}${target}`;
}

/** The edge of a pair that the shown policy denies: beside the pair's allowed edge, if it has one. */
export function denialEdgeId(source: string, target: string): string {
  return `${edgeId(source, target)}${BUNDLE_SEPARATOR}deny`;
}

/** The mark of traffic expected between two nodes and not allowed (checkMarks.ts): beside their edge, if any. */
export function expectedEdgeId(source: string, target: string): string {
  return `${edgeId(source, target)}${BUNDLE_SEPARATOR}expected`;
}

/** The mark of traffic two nodes' pairs allowed at Compare's baseline and no longer do (compare/compareMarks.ts). */
export function lostEdgeId(source: string, target: string): string {
  return `${edgeId(source, target)}${BUNDLE_SEPARATOR}lost`;
}

/** The bundle of the edges with `label` between a group and a hub (see bundle.ts). */
export function bundleId(source: string, target: string, label: string): string {
  return `${edgeId(source, target)}${BUNDLE_SEPARATOR}${label}`;
}

/** The nodes an edge or bundle id joins. */
export function edgeEnds(id: string): { readonly source: string; readonly target: string } {
  const edge = id.split(BUNDLE_SEPARATOR, 1)[0]!;
  const at = edge.indexOf(EDGE_SEPARATOR);
  return { source: edge.slice(0, at), target: edge.slice(at + EDGE_SEPARATOR.length) };
}
