/**
 * Hub bundling: when dozens of edges from other namespaces meet at one node (every pod's DNS
 * egress to kube-dns, say), they become one edge per namespace, from the namespace group, with
 * the pod count in the label. A large cluster then draws about one edge per namespace pair at a
 * hub instead of thousands of lines nobody can read (and every frame would have to paint).
 */
import type { FlowEdge } from './flowTypes';
import { bundleId } from './ids';

/** Above this many edges from other namespaces into (or out of) one node, they are bundled. */
export const HUB_LIMIT = 24;

export type BundleCache = Map<string, { readonly signature: string; readonly edge: FlowEdge }>;

type End = 'source' | 'target';

function bundleAt(edges: readonly FlowEdge[], hub: End, groupOf: ReadonlyMap<string, string | undefined>, limit: number, cache?: BundleCache): FlowEdge[] {
  const far: End = hub === 'target' ? 'source' : 'target';
  // Only edges between pods (or ranges) of different groups; a bundle's own ends are groups.
  const farGroup = (e: FlowEdge) => {
    const [from, to] = [groupOf.get(e.source), groupOf.get(e.target)];
    return from !== undefined && to !== undefined && from !== to ? groupOf.get(e[far]) : undefined;
  };
  const count = new Map<string, number>();
  for (const e of edges) if (farGroup(e) !== undefined) count.set(e[hub], (count.get(e[hub]) ?? 0) + 1);
  if (![...count.values()].some((n) => n > limit)) return edges as FlowEdge[];
  // Bundles by hub, then far group, then label; `order` keeps each bundle where its first edge was.
  const bundles = new Map<string, Map<string, Map<string, FlowEdge[]>>>();
  const order: (FlowEdge | FlowEdge[])[] = [];
  for (const e of edges) {
    const group = farGroup(e);
    if (group === undefined || count.get(e[hub])! <= limit) {
      order.push(e);
      continue;
    }
    const byGroup = bundles.get(e[hub]) ?? new Map<string, Map<string, FlowEdge[]>>();
    bundles.set(e[hub], byGroup);
    const byLabel = byGroup.get(group) ?? new Map<string, FlowEdge[]>();
    byGroup.set(group, byLabel);
    const members = byLabel.get(wording(e));
    if (members) members.push(e);
    else {
      const fresh = [e];
      byLabel.set(wording(e), fresh);
      order.push(fresh);
    }
  }
  // A bundle of one edge says less than the edge: keep the edge.
  return order.map((item) => (!Array.isArray(item) ? item : item.length === 1 ? item[0]! : bundleOf(item, hub, far, groupOf, cache)));
}

/** What an edge says: its label, and its note (the cluster-wide Deny rule behind a denied pair). */
const wording = (e: FlowEdge) => (e.data!.note ? `${e.data!.label} · ${e.data!.note}` : e.data!.label);

function bundleOf(members: readonly FlowEdge[], hub: End, far: End, groupOf: ReadonlyMap<string, string | undefined>, cache?: BundleCache): FlowEdge {
  const first = members[0]!;
  const group = groupOf.get(first[far])!;
  const ends = hub === 'target' ? { source: group, target: first.target } : { source: first.source, target: group };
  // One bundle per label (and note) between a group and a hub: they are part of the id.
  const id = bundleId(ends.source, ends.target, wording(first));
  const label = `${first.data!.label} ×${members.length}`;
  const pairs = members.map((e) => [e.source, e.target] as const);
  const signature = `${label}|${first.data!.note}|${first.data!.title}|${first.data!.from}|${first.data!.to}|${first.data!.kind}|${pairs.join(';')}`;
  const cached = cache?.get(id);
  if (cached?.signature === signature) return cached.edge;
  const edge: FlowEdge = {
    ...first,
    ...ends,
    id,
    data: { ...first.data!, label, members: pairs },
    ariaLabel: `${members.length} connections from ${ends.source} to ${ends.target}, each ${wording(first)}`,
  };
  cache?.set(id, { signature, edge });
  return edge;
}

/**
 * Bundles the edges into hubs, then out of hubs. `groupOf` maps a node id to its group node id.
 * Each bundle keeps the first member's `from`/`to`, so explaining it explains a real pair.
 */
export function bundleHubs(
  edges: readonly FlowEdge[],
  groupOf: ReadonlyMap<string, string | undefined>,
  limit = HUB_LIMIT,
  cache?: BundleCache,
): FlowEdge[] {
  return bundleAt(bundleAt(edges, 'target', groupOf, limit, cache), 'source', groupOf, limit, cache);
}
