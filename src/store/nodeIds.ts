/**
 * The ids of the graph's nodes. They live in the store because the store's view state names
 * nodes (the selection, the focus, `showInGraph`); the graph builds its edge ids on top of them
 * (src/ui/graph/ids.ts, which re-exports these: import them from there in the UI).
 * - a workload's node is its engine endpoint id (`ns/name[Kind]`);
 * - a namespace's node is `namespace:<name>`, as an open frame and as one collapsed node alike;
 *   the frame of outside addresses is `group:external`;
 * - external ranges with the same connectivity share one node: their endpoint ids joined by `,`.
 * Endpoint ids never contain `,`, `->` or `|` and never start with `namespace:` or `group:`, so
 * every id reads back unambiguously.
 */
import type { EndpointId } from '../engine/types';

const NAMESPACE_PREFIX = 'namespace:';
const MEMBER_SEPARATOR = ',';

/** The group node framing the outside world's address ranges. */
export const EXTERNAL_GROUP_ID = 'group:external';

export function namespaceNodeId(name: string): string {
  return `${NAMESPACE_PREFIX}${name}`;
}

/** The namespace a namespace node stands for; `undefined` for any other node. */
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

/** The endpoints a node stands for: a workload, the ranges of an external group; none for namespaces and frames. */
export function endpointsOfNode(nodeId: string): EndpointId[] {
  if (namespaceOfNode(nodeId) !== undefined || nodeId === EXTERNAL_GROUP_ID) return [];
  return nodeId.split(MEMBER_SEPARATOR) as EndpointId[];
}
