/**
 * The ids of the graph's nodes and edges, built and read here and nowhere else:
 * - a workload's node is its engine endpoint id (`ns/name[Kind]`);
 * - a namespace's group node is `namespace:<name>`; the frame of outside addresses is `group:external`;
 * - external ranges with the same connectivity share one node: their endpoint ids joined by `,`;
 * - an edge, or a bundle of edges, is `<source node>-><target node>`.
 * Endpoint ids never contain `,` and never start with `namespace:` or `group:`, so every id reads
 * back unambiguously.
 */
import type { EndpointId } from '../../engine/types';

const NAMESPACE_PREFIX = 'namespace:';
const MEMBER_SEPARATOR = ',';
const EDGE_SEPARATOR = '->';

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

/** The edge (or bundle) from one node to another: at most one per ordered pair of nodes. */
export function edgeId(source: string, target: string): string {
  return `${source}${EDGE_SEPARATOR}${target}`;
}
