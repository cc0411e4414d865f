/**
 * Reads a drawn graph back into the connectivity it claims, as a person reading it would, and
 * compares that with the engine's: nothing missing, nothing extra, no pair claimed twice, no id
 * used twice. Written from what the graph shows (ids, labels, bundle members) and the legend's
 * rules, not from the mapping code, so it works on toFlow's model and on the DOM alike.
 *
 * How a graph reads (README, "Semantics"):
 * - an edge from node A to node B labelled `TCP 80,UDP 53` (or `All`) says that every endpoint A
 *   stands for reaches every endpoint B stands for on exactly those ports (an external node
 *   stands for all its ranges);
 * - a bundle labelled `<ports> ×N` stands for its N member edges, each with `<ports>`;
 * - no edge between two endpoints: nothing is allowed between them;
 * - in the denied view of S: an edge `All denied` or `only <ports>` says what is allowed between S
 *   and the other node in that direction; no edge: everything is allowed.
 */
import { endpointsOfNode, edgeEnds } from '../../src/ui/graph/ids';
import { addressText } from '../../src/model/address-text';
import { PROTOCOLS, type Protocol } from '../../src/model/types';
import type { Analysis, ConnectionSet, EndpointId, PortRange } from '../../src/engine/types';

export interface ShownEdge {
  readonly id: string;
  readonly label: string;
  /** A bundle's member edges as (source node, target node) ids. */
  readonly members?: readonly (readonly [string, string])[];
}

/** What a graph shows: its node ids and its edges. */
export interface ShownGraph {
  readonly nodes: readonly string[];
  readonly edges: readonly ShownEdge[];
}

const ALL: ConnectionSet = { TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] };
const NONE: ConnectionSet = { TCP: [], UDP: [], SCTP: [] };

/** `All`, or `TCP 80,8000-8080,UDP 53`: a protocol name opens its group, ranges follow. */
export function readPorts(text: string): ConnectionSet | undefined {
  if (text === 'All') return ALL;
  const set: Record<Protocol, PortRange[]> = { TCP: [], UDP: [], SCTP: [] };
  let protocol: Protocol | undefined;
  for (const token of text.split(',')) {
    const [head, tail] = token.includes(' ') ? token.split(' ') : [undefined, token];
    if (head !== undefined) {
      if (!PROTOCOLS.includes(head as Protocol)) return undefined;
      protocol = head as Protocol;
    }
    const match = /^(\d+)(?:-(\d+))?$/.exec(tail ?? '');
    if (!protocol || !match) return undefined;
    set[protocol].push([Number(match[1]), Number(match[2] ?? match[1])]);
  }
  return set;
}

const key = (from: string, to: string) => `${from} → ${to}`;

/** A label's ports and how many edges it claims to stand for (1 for a plain edge). */
function labelled(edge: ShownEdge, prefix = ''): { text: string; count: number } | string {
  const members = edge.members?.length;
  const bundle = / ×(\d+)$/.exec(edge.label);
  if ((members === undefined) !== (bundle === null)) return `${edge.id}: label "${edge.label}" and ${members ?? 0} members disagree`;
  if (bundle && Number(bundle[1]) !== members) return `${edge.id}: label says ×${bundle[1]}, ${members} members`;
  const text = bundle ? edge.label.slice(0, bundle.index) : edge.label;
  if (!text.startsWith(prefix)) return `${edge.id}: label "${edge.label}" does not start with "${prefix}"`;
  return { text: text.slice(prefix.length), count: members ?? 1 };
}

/** The (source node, target node) pairs an edge stands for. */
function nodePairs(edge: ShownEdge): readonly (readonly [string, string])[] {
  if (edge.members) return edge.members;
  const { source, target } = edgeEnds(edge.id);
  return [[source, target]];
}

function duplicateIds(graph: ShownGraph): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const id of [...graph.nodes, ...graph.edges.map((e) => e.id)]) {
    if (seen.has(id)) problems.push(`id used twice: ${id}`);
    seen.add(id);
  }
  return problems;
}

/**
 * What the allowed view claims, per ordered pair of endpoints, or the problems reading it. Each
 * pair may be claimed once.
 */
export function allowedClaims(graph: ShownGraph): { claims: Map<string, ConnectionSet>; problems: string[] } {
  const claims = new Map<string, ConnectionSet>();
  const problems = duplicateIds(graph);
  for (const edge of graph.edges) {
    const read = labelled(edge);
    if (typeof read === 'string') {
      problems.push(read);
      continue;
    }
    const ports = readPorts(read.text);
    if (!ports) problems.push(`${edge.id}: unreadable ports "${read.text}"`);
    for (const [a, b] of nodePairs(edge)) {
      for (const from of endpointsOfNode(a)) {
        for (const to of endpointsOfNode(b)) {
          if (claims.has(key(from, to))) problems.push(`${key(from, to)} claimed twice (again by ${edge.id})`);
          claims.set(key(from, to), ports ?? NONE);
        }
      }
    }
  }
  return { claims, problems };
}

/** The engine's connectivity, keyed like the claims (absent pairs allow nothing). */
function engineConnections(analysis: Analysis): Map<string, ConnectionSet> {
  return new Map(analysis.connections.map((c) => [key(c.from, c.to), c.allowed]));
}

const portsText = (set: ConnectionSet) => PROTOCOLS.map((p) => `${p}:${JSON.stringify(set[p])}`).join(' ');

/** Where the allowed view and the engine disagree; empty when the picture is exact. */
export function allowedViewDifferences(graph: ShownGraph, analysis: Analysis): string[] {
  const { claims, problems } = allowedClaims(graph);
  const expected = engineConnections(analysis);
  for (const [pair, allowed] of expected) {
    const claimed = claims.get(pair);
    if (!claimed) problems.push(`missing: ${pair} (${portsText(allowed)})`);
    else if (portsText(claimed) !== portsText(allowed)) problems.push(`wrong ports: ${pair}: shown ${portsText(claimed)}, engine ${portsText(allowed)}`);
  }
  for (const pair of claims.keys()) if (!expected.has(pair)) problems.push(`extra: ${pair}`);
  return problems;
}

/**
 * Where the denied view of `subject` and the engine disagree: for every endpoint of another
 * workload or external node, both ways, what is allowed with the subject.
 */
export function deniedViewDifferences(graph: ShownGraph, analysis: Analysis, subject: EndpointId): string[] {
  const problems = duplicateIds(graph);
  const subjectNode = graph.nodes.find((n) => endpointsOfNode(n).includes(subject));
  if (!subjectNode) return [...problems, `no node shows ${subject}`];
  const external = (id: EndpointId) => analysis.endpoints.find((e) => e.id === id)?.type === 'external';
  const shown = new Map<string, ConnectionSet>();
  for (const edge of graph.edges) {
    const read = labelled(edge);
    if (typeof read === 'string') {
      problems.push(read);
      continue;
    }
    const ports = read.text === 'All denied' ? NONE : read.text.startsWith('only ') ? readPorts(read.text.slice(5)) : undefined;
    if (!ports) problems.push(`${edge.id}: unreadable denied label "${edge.label}"`);
    for (const [a, b] of nodePairs(edge)) {
      if (a !== subjectNode && b !== subjectNode) problems.push(`${edge.id}: does not touch ${subjectNode}`);
      for (const from of endpointsOfNode(a)) {
        for (const to of endpointsOfNode(b)) {
          if (shown.has(key(from, to))) problems.push(`${key(from, to)} claimed twice`);
          shown.set(key(from, to), ports ?? NONE);
        }
      }
    }
  }
  const expected = engineConnections(analysis);
  const subjects = endpointsOfNode(subjectNode);
  for (const other of graph.nodes.flatMap(endpointsOfNode)) {
    if (subjects.includes(other) || (external(subject) && external(other))) continue;
    for (const s of subjects) {
      for (const [from, to] of [[s, other], [other, s]] as const) {
        const allowed = expected.get(key(from, to)) ?? NONE;
        const claimed = shown.get(key(from, to)) ?? ALL;
        if (portsText(claimed) !== portsText(allowed)) problems.push(`denied view of ${subject}: ${key(from, to)} reads ${portsText(claimed)}, engine ${portsText(allowed)}`);
      }
    }
  }
  return problems;
}

/**
 * The endpoint a listed name means (panels name peers: `web`, `ns/web`, `ns/web (Kind)`, a CIDR,
 * or `first – last`), or `undefined` when the name does not say which one exactly.
 */
export function readPeerName(name: string, analysis: Analysis): EndpointId | undefined {
  const matches = analysis.endpoints.filter((e) => {
    if (e.type === 'external') return name === e.id.replace('-', ' – ') || cidrOf(e.range) === name;
    const withKind = /^(.+)\/(.+) \((.+)\)$/.exec(name);
    if (withKind) return e.namespace === withKind[1] && e.name === withKind[2] && e.kind === withKind[3];
    return name.includes('/') ? `${e.namespace}/${e.name}` === name : e.name === name;
  });
  return matches.length === 1 ? matches[0]!.id : undefined;
}

/** The CIDR of a range that is exactly one block, written as the analysis writes addresses. */
function cidrOf(range: { readonly family: 4 | 6; readonly first: bigint; readonly last: bigint }): string | undefined {
  const size = range.last - range.first + 1n;
  const bits = range.family === 4 ? 32 : 128;
  let prefix = bits;
  while (prefix > 0 && 1n << BigInt(bits - prefix) < size) prefix--;
  if (1n << BigInt(bits - prefix) !== size || range.first % size !== 0n) return undefined;
  return `${addressText(range.family, range.first)}/${prefix}`;
}

/**
 * Where a list of peers with ports (`name → ports`, as the node panel shows what an endpoint
 * reaches or is reached by) and the engine disagree.
 */
export function peerRowsDifferences(
  rows: readonly { readonly name: string; readonly ports: string }[],
  analysis: Analysis,
  subject: EndpointId,
  direction: 'out' | 'in',
): string[] {
  const problems: string[] = [];
  const claimed = new Map<EndpointId, ConnectionSet>();
  for (const row of rows) {
    const peer = readPeerName(row.name, analysis);
    const ports = readPorts(row.ports);
    if (!peer) problems.push(`"${row.name}" names no single endpoint`);
    else if (!ports) problems.push(`"${row.ports}" are no ports`);
    else if (claimed.has(peer)) problems.push(`${peer} listed twice`);
    else claimed.set(peer, ports);
  }
  for (const c of analysis.connections) {
    const [self, peer] = direction === 'out' ? [c.from, c.to] : [c.to, c.from];
    if (self !== subject) continue;
    const shown = claimed.get(peer);
    if (!shown) problems.push(`${direction === 'out' ? 'reaches' : 'reached by'} ${peer}: not listed`);
    else if (portsText(shown) !== portsText(c.allowed)) problems.push(`${peer}: listed ${portsText(shown)}, engine ${portsText(c.allowed)}`);
    claimed.delete(peer);
  }
  for (const peer of claimed.keys()) problems.push(`${peer} listed but nothing is allowed`);
  return problems;
}
