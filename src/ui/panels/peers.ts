/**
 * The peers a panel lists (what a workload reaches and is reached by, whom a policy lets in, the
 * members of a bundle), named so that each name reads back as exactly one endpoint of the
 * analysis: the workload name, with its namespace where two workloads share a name, and its kind
 * where that still is not enough; an external range as its CIDR (or `first – last` when it is not
 * one). Pure.
 */
import type { Analysis, ConnectionSet, Endpoint, EndpointId } from '../../engine/types';
import { rangeToCidrs } from '../graph/cidr';
import { edgeEnds, endpointsOfNode } from '../graph/ids';
import { connectionLabel } from '../graph/toFlow';

/** One CIDR when the range is one, else `first – last` (never a list: names go into lists). */
export function rangeName(endpoint: Extract<Endpoint, { type: 'external' }>): string {
  const cidrs = rangeToCidrs(endpoint.range);
  return cidrs.length === 1 ? cidrs[0]! : endpoint.id.replace('-', ' – ');
}

const namers = new WeakMap<readonly Endpoint[], (endpoint: Endpoint) => string>();

/**
 * Names for the endpoints of one analysis, each naming exactly one of `endpoints` (see the module
 * comment): a reader can tell which workload a listed name means, whichever else are listed.
 */
export function uniqueNames(endpoints: readonly Endpoint[]): (endpoint: Endpoint) => string {
  let namer = namers.get(endpoints);
  if (!namer) {
    const count = (key: (e: Endpoint) => string) => {
      const seen = new Map<string, number>();
      for (const e of endpoints) seen.set(key(e), (seen.get(key(e)) ?? 0) + 1);
      return (e: Endpoint) => seen.get(key(e)) ?? 0;
    };
    const byName = count((e) => (e.type === 'workload' ? e.name : e.id));
    const byNamespacedName = count((e) => (e.type === 'workload' ? `${e.namespace}/${e.name}` : e.id));
    namer = (e) => {
      if (e.type === 'external') return rangeName(e);
      if (byName(e) === 1) return e.name;
      return byNamespacedName(e) === 1 ? `${e.namespace}/${e.name}` : `${e.namespace}/${e.name} (${e.kind})`;
    };
    namers.set(endpoints, namer);
  }
  return namer;
}

/** One listed peer and what is allowed with it. */
export interface PeerRow {
  readonly peer: EndpointId;
  readonly name: string;
  /** `TCP 80`, `All`, … */
  readonly ports: string;
}

const natural = new Intl.Collator('en', { numeric: true });

/** Workloads before outside ranges, then by name as people count (`d2` before `d10`). */
function byName(a: { readonly endpoint: Endpoint; readonly name: string }, b: { readonly endpoint: Endpoint; readonly name: string }): number {
  const external = Number(a.endpoint.type === 'external') - Number(b.endpoint.type === 'external');
  return external || natural.compare(a.name, b.name);
}

/**
 * What `subject` reaches (`out`) or is reached by (`in`), one row per peer with something
 * allowed: workloads by name, then outside ranges.
 */
export function reachRows(analysis: Analysis, subject: EndpointId, direction: 'out' | 'in'): PeerRow[] {
  const allowed = new Map<EndpointId, ConnectionSet>();
  for (const c of analysis.connections) {
    if (direction === 'out' ? c.from === subject : c.to === subject) allowed.set(direction === 'out' ? c.to : c.from, c.allowed);
  }
  const name = uniqueNames(analysis.endpoints);
  return analysis.endpoints
    .filter((e) => allowed.has(e.id))
    .map((endpoint) => ({ endpoint, name: name(endpoint) }))
    .sort(byName)
    .map(({ endpoint, name }) => ({ peer: endpoint.id, name, ports: connectionLabel(allowed.get(endpoint.id)!) }));
}

/** The peers' unique names: workloads by name, then outside ranges. */
export function peerList(analysis: Analysis, peers: readonly EndpointId[]): string[] {
  const wanted = new Set(peers);
  const name = uniqueNames(analysis.endpoints);
  return analysis.endpoints
    .filter((e) => wanted.has(e.id))
    .map((endpoint) => ({ endpoint, name: name(endpoint) }))
    .sort(byName)
    .map((peer) => peer.name);
}

/**
 * A bundle's far ends (the nodes of its member edges that are not its hub) as endpoints, and
 * whether they are the sources or the destinations of its connections.
 */
export function bundlePeers(
  bundle: string,
  members: readonly (readonly [string, string])[],
): { readonly ends: 'sources' | 'destinations'; readonly peers: EndpointId[] } {
  const { target } = edgeEnds(bundle);
  const intoHub = members.every(([, to]) => to === target);
  return {
    ends: intoHub ? 'sources' : 'destinations',
    peers: members.flatMap(([from, to]) => endpointsOfNode(intoHub ? from : to)),
  };
}
