/**
 * The ids of the graph's nodes and edges, built and read here and nowhere else:
 * - a workload's node is its engine endpoint id (`ns/name[Kind]`);
 * - a namespace's group node is `namespace:<name>`; the frame of outside addresses is `group:external`;
 * - external ranges with the same connectivity share one node: their endpoint ids joined by `,`;
 * - an edge is `<source node>-><target node>`; a bundle of edges with one label adds `|<label>`
 *   (a group and a hub may have several bundles between them, one per label);
 * - the edge of a pair a shown policy denies, drawn beside the pair's allowed edge, adds `|deny`
 *   (no label is `deny`: labels are ports, `All`, or start with a tier or `only`).
 * Endpoint ids never contain `,`, `->` or `|` and never start with `namespace:` or `group:`, so
 * every id reads back unambiguously.
 */
import type { EndpointId } from '../../engine/types';

const NAMESPACE_PREFIX = 'namespace:';
const MEMBER_SEPARATOR = ',';
const EDGE_SEPARATOR = '->';
const BUNDLE_SEPARATOR = '|';

/** The group node framing the outside world's address ranges. */
export const EXTERNAL_GROUP_ID = 'group:external';

export function namespaceNodeId(name: string): string {
  return `${NAMESPACE_PREFIX}${name}`;
}

/** The namespace a group node stands for; `undefined` for any other node. */
export function namespaceOfNode(nodeId: string): string | undefined {
  return nodeId.startsWith(NAMESPACE_PREFIX) ? nodeId.slice(NAMESPACE_PREFIX.length) : undefined;
}

/** The node of external ranges that share their connectivity (in address order). */
export function externalNodeId(members: readonly EndpointId[]): string {
  return members.join(MEMBER_SEPARATOR);
}

/**
 * The endpoint a node stands for: a workload's own, an external group's first range (the ranges
 * of a group share every verdict); `undefined` for namespace and outside-world frames.
 */
export function endpointOfNode(nodeId: string): EndpointId | undefined {
  if (namespaceOfNode(nodeId) !== undefined || nodeId === EXTERNAL_GROUP_ID) return undefined;
  return nodeId.split(MEMBER_SEPARATOR)[0] as EndpointId;
}

/** The endpoints a node stands for: a workload, the ranges of an external group; none for frames. */
export function endpointsOfNode(nodeId: string): EndpointId[] {
  if (namespaceOfNode(nodeId) !== undefined || nodeId === EXTERNAL_GROUP_ID) return [];
  return nodeId.split(MEMBER_SEPARATOR) as EndpointId[];
}

/** The edge from one node to another: at most one per ordered pair of nodes. */
export function edgeId(source: string, target: string): string {
  return `${source}${EDGE_SEPARATOR}${target}`;
}

/** The edge of a pair that the shown policy denies: beside the pair's allowed edge, if it has one. */
export function denialEdgeId(source: string, target: string): string {
  return `${edgeId(source, target)}${BUNDLE_SEPARATOR}deny`;
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
