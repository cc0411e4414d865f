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
 * - lines that run together into a trunk in front of a node carry one label, at the junction: each
 *   line reads as that label (the trunk's lead edge's), from its own source into that node;
 * - a collapsed namespace stands for its workloads; an aggregate labelled `N pairs · <ports>`
 *   between it and another node stands for the edges its panel lists (N endpoint pairs in all,
 *   each with its own ports, each between parts of the aggregate's ends), `<ports>` being every
 *   port any of them allows (cut after a comma with `,…` when long);
 * - no edge between two endpoints: nothing is allowed between them — unless the graph says its
 *   "All" edges are hidden: then nothing, or everything;
 * - in the denied view of S: an edge `All denied` or `only <ports>` says what is allowed between S
 *   and the other node in that direction; no edge: everything is allowed;
 * - in the focus view of F: the edges out of F, into F, or both, exactly; a node is there only as
 *   a neighbour;
 * - an edge labelled `✗ expected <ports>` is a failing expectation's mark (traffic expected and not
 *   allowed): it claims no connectivity, in any view;
 * - an edge labelled `− <ports>` (a minus sign) is Compare's mark of traffic lost since the
 *   baseline: it claims no connectivity, in any view. Traffic gained is a badge under an edge's
 *   label (`+ <ports>`), not part of the label: it claims nothing either.
 */
import { EXTERNAL_GROUP_ID, endpointsOfNode, edgeEnds, namespaceOfNode } from '../../src/ui/graph/ids';
import { addressText } from '../../src/model/address-text';
import { PROTOCOLS, type Protocol } from '../../src/model/types';
import type { Analysis, ConnectionSet, EndpointId, PortRange } from '../../src/engine/types';

/** One edge an aggregate stands for: nodes as drawn when open, or endpoints, and its label. */
export interface ShownPair {
  readonly source: string;
  readonly target: string;
  readonly label: string;
}

export interface ShownEdge {
  readonly id: string;
  readonly label: string;
  /** A line with no label of its own, run into a trunk: the id of the edge whose label it reads. */
  readonly trunk?: string;
  /** A bundle's member edges as (source node, target node) ids. */
  readonly members?: readonly (readonly [string, string])[];
  /** An aggregate's edges, as its panel lists them. */
  readonly pairs?: readonly ShownPair[];
}

/** What a graph shows: its node ids, its edges, and which namespace nodes are collapsed ones. */
export interface ShownGraph {
  readonly nodes: readonly string[];
  readonly edges: readonly ShownEdge[];
  readonly collapsed?: readonly string[];
  /** The graph says its "All" edges are hidden (a missing edge: nothing or everything allowed). */
  readonly allHidden?: boolean;
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

/** The endpoints a shown node stands for: a collapsed namespace, its workloads. */
function standsFor(graph: ShownGraph, analysis: Analysis): (node: string) => EndpointId[] {
  const collapsed = new Set(graph.collapsed ?? []);
  return (node) => {
    const namespace = namespaceOfNode(node);
    if (namespace === undefined || !collapsed.has(node)) return endpointsOfNode(node);
    return analysis.endpoints.flatMap((e) => (e.type === 'workload' && e.namespace === namespace ? [e.id] : []));
  };
}

/** The (source, target, label) edges an edge stands for, or the problems reading it as an aggregate. */
function partsOf(edge: ShownEdge, graph: ShownGraph, analysis: Analysis, denied: boolean): { parts: ShownPair[]; problems: string[] } {
  if (edge.pairs) return aggregateParts(edge, graph, analysis, denied);
  const read = labelled(edge);
  if (typeof read === 'string') return { parts: [], problems: [read] };
  const pairs = edge.members ?? [[edgeEnds(edge.id).source, edgeEnds(edge.id).target] as const];
  return { parts: pairs.map(([source, target]) => ({ source, target, label: read.text })), problems: [] };
}

/** A failing expectation's mark: not a connection. */
const isExpectationMark = (edge: ShownEdge) => edge.label.startsWith('✗ expected ');

/** Compare's mark of traffic lost since the baseline: not a connection. */
const isLostMark = (edge: ShownEdge) => edge.label.startsWith('− ');

/**
 * The edges that claim connectivity, each line of a trunk with the trunk's label (left blank, so
 * unreadable, when its lead is missing or leads into another node).
 */
function connections(graph: ShownGraph): ShownEdge[] {
  const byId = new Map(graph.edges.map((edge) => [edge.id, edge]));
  return graph.edges
    .filter((edge) => !isExpectationMark(edge) && !isLostMark(edge))
    .map((edge) => {
      if (edge.trunk === undefined) return edge;
      const lead = byId.get(edge.trunk);
      const same = lead !== undefined && lead.trunk === undefined && edgeEnds(lead.id).target === edgeEnds(edge.id).target;
      return { ...edge, label: same ? lead.label : '' };
    });
}

/** Port ranges sorted and merged, so that two ways of writing one set compare equal. */
function normal(set: ConnectionSet): ConnectionSet {
  const merge = (ranges: readonly PortRange[]) =>
    [...ranges].sort((a, b) => a[0] - b[0]).reduce<PortRange[]>((out, [lo, hi]) => {
      const last = out[out.length - 1];
      if (last && lo <= last[1] + 1) out[out.length - 1] = [last[0], Math.max(last[1], hi)];
      else out.push([lo, hi]);
      return out;
    }, []);
  return { TCP: merge(set.TCP), UDP: merge(set.UDP), SCTP: merge(set.SCTP) };
}

/** What a label says is allowed: ports, `All`, or in the denied view `only <ports>` and `All denied`. */
function allowedBy(label: string, denied: boolean): ConnectionSet | undefined {
  if (!denied) return readPorts(label);
  if (label === 'All denied') return NONE;
  return label.startsWith('only ') ? readPorts(label.slice(5)) : undefined;
}

/**
 * An aggregate's parts, checked against its label (how many endpoint pairs, every port any of
 * them allows) and its ends (each part joins parts of them).
 */
function aggregateParts(edge: ShownEdge, graph: ShownGraph, analysis: Analysis, denied: boolean): { parts: ShownPair[]; problems: string[] } {
  const problems: string[] = [];
  const parts = [...edge.pairs!];
  const label = /^(\d+) pairs? · (.+)$/.exec(edge.label);
  if (!label) return { parts, problems: [`${edge.id}: aggregate label "${edge.label}" unreadable`] };
  const count = parts.reduce((n, p) => n + endpointsOfNode(p.source).length * endpointsOfNode(p.target).length, 0);
  if (Number(label[1]) !== count) problems.push(`${edge.id}: label says ${label[1]} pairs, its parts are ${count}`);
  let union: ConnectionSet = NONE;
  for (const part of parts) {
    const allowed = allowedBy(part.label, denied) ?? NONE;
    union = { TCP: [...union.TCP, ...allowed.TCP], UDP: [...union.UDP, ...allowed.UDP], SCTP: [...union.SCTP, ...allowed.SCTP] };
  }
  const summary = label[2]!;
  const cut = summary.endsWith(',…');
  const said = allowedBy(cut ? summary.slice(0, -2) : summary, denied);
  if (!said) problems.push(`${edge.id}: summary "${summary}" unreadable`);
  else if (cut ? portsText(normal(unionOf(said, union))) !== portsText(normal(union)) : portsText(normal(said)) !== portsText(normal(union)))
    problems.push(`${edge.id}: summary "${summary}" is not what its parts allow together (${portsText(normal(union))})`);
  const { source, target } = edgeEnds(edge.id);
  const ends = standsFor(graph, analysis);
  const [sources, targets] = [new Set(ends(source)), new Set(ends(target))];
  for (const part of parts) {
    if (!endpointsOfNode(part.source).every((e) => sources.has(e)) || !endpointsOfNode(part.target).every((e) => targets.has(e)))
      problems.push(`${edge.id}: part ${part.source} → ${part.target} is not between its ends`);
  }
  return { parts, problems };
}

const unionOf = (a: ConnectionSet, b: ConnectionSet): ConnectionSet => ({ TCP: [...a.TCP, ...b.TCP], UDP: [...a.UDP, ...b.UDP], SCTP: [...a.SCTP, ...b.SCTP] });

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
export function allowedClaims(graph: ShownGraph, analysis: Analysis): { claims: Map<string, ConnectionSet>; problems: string[] } {
  const claims = new Map<string, ConnectionSet>();
  const problems = duplicateIds(graph);
  for (const edge of connections(graph)) {
    const { parts, problems: unread } = partsOf(edge, graph, analysis, false);
    problems.push(...unread);
    for (const part of parts) {
      const ports = readPorts(part.label);
      if (!ports) problems.push(`${edge.id}: unreadable ports "${part.label}"`);
      for (const from of endpointsOfNode(part.source)) {
        for (const to of endpointsOfNode(part.target)) {
          if (claims.has(key(from, to))) problems.push(`${key(from, to)} claimed twice (again by ${edge.id})`);
          claims.set(key(from, to), ports ?? NONE);
        }
      }
    }
  }
  return { claims, problems };
}

/** Every endpoint drawn by exactly one node (a workload, an address group, a collapsed namespace). */
function coverageProblems(graph: ShownGraph, analysis: Analysis): string[] {
  const drawnBy = new Map<EndpointId, string[]>();
  const ends = standsFor(graph, analysis);
  for (const node of graph.nodes) for (const e of ends(node)) drawnBy.set(e, [...(drawnBy.get(e) ?? []), node]);
  return analysis.endpoints.flatMap((e) => {
    const nodes = drawnBy.get(e.id) ?? [];
    return nodes.length === 1 ? [] : [`${e.id} drawn by ${nodes.length === 0 ? 'no node' : nodes.join(' and ')}`];
  });
}

/** The engine's connectivity, keyed like the claims (absent pairs allow nothing). */
function engineConnections(analysis: Analysis): Map<string, ConnectionSet> {
  return new Map(analysis.connections.map((c) => [key(c.from, c.to), c.allowed]));
}

const portsText = (set: ConnectionSet) => PROTOCOLS.map((p) => `${p}:${JSON.stringify(set[p])}`).join(' ');

/** Where the allowed view and the engine disagree; empty when the picture is exact. */
export function allowedViewDifferences(graph: ShownGraph, analysis: Analysis): string[] {
  const { claims, problems } = allowedClaims(graph, analysis);
  problems.push(...coverageProblems(graph, analysis));
  const expected = engineConnections(analysis);
  for (const [pair, allowed] of expected) {
    const claimed = claims.get(pair);
    if (!claimed) {
      if (!(graph.allHidden && portsText(allowed) === portsText(ALL))) problems.push(`missing: ${pair} (${portsText(allowed)})`);
    }
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
  const problems = [...duplicateIds(graph), ...coverageProblems(graph, analysis)];
  const subjectNode = graph.nodes.find((n) => endpointsOfNode(n).includes(subject));
  if (!subjectNode) return [...problems, `no node shows ${subject}`];
  const external = (id: EndpointId) => analysis.endpoints.find((e) => e.id === id)?.type === 'external';
  const shown = new Map<string, ConnectionSet>();
  for (const edge of connections(graph)) {
    const { parts, problems: unread } = partsOf(edge, graph, analysis, true);
    problems.push(...unread);
    for (const part of parts) {
      const ports = allowedBy(part.label, true);
      if (!ports) problems.push(`${edge.id}: unreadable denied label "${part.label}"`);
      if (part.source !== subjectNode && part.target !== subjectNode) problems.push(`${edge.id}: does not touch ${subjectNode}`);
      for (const from of endpointsOfNode(part.source)) {
        for (const to of endpointsOfNode(part.target)) {
          if (shown.has(key(from, to))) problems.push(`${key(from, to)} claimed twice`);
          shown.set(key(from, to), ports ?? NONE);
        }
      }
    }
  }
  const expected = engineConnections(analysis);
  const subjects = endpointsOfNode(subjectNode);
  const ends = standsFor(graph, analysis);
  for (const other of graph.nodes.flatMap(ends)) {
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
 * Where the focus view of `focus` (a node id) and the engine disagree: it must claim exactly the
 * engine's connections out of the node's endpoints (`out`), into them (`in`) or both, and show no
 * node that is not the focused one, a neighbour, or the group of one.
 */
export function focusViewDifferences(graph: ShownGraph, analysis: Analysis, focus: string, direction: 'in' | 'out' | 'both'): string[] {
  const { claims, problems } = allowedClaims(graph, analysis);
  const ends = standsFor(graph, analysis);
  if (!graph.nodes.includes(focus)) problems.push(`the focused node ${focus} is not shown`);
  const centre = new Set(ends(focus));
  const wanted = (from: EndpointId, to: EndpointId) =>
    (direction !== 'in' && centre.has(from)) || (direction !== 'out' && centre.has(to));
  const neighbours = new Set<EndpointId>();
  for (const c of analysis.connections) {
    if (!wanted(c.from, c.to)) continue;
    neighbours.add(c.from).add(c.to);
    const claimed = claims.get(key(c.from, c.to));
    if (!claimed) problems.push(`missing: ${key(c.from, c.to)} (${portsText(c.allowed)})`);
    else if (portsText(claimed) !== portsText(c.allowed)) problems.push(`wrong ports: ${key(c.from, c.to)}: shown ${portsText(claimed)}, engine ${portsText(c.allowed)}`);
    claims.delete(key(c.from, c.to));
  }
  for (const pair of claims.keys()) problems.push(`extra: ${pair}`);
  const collapsed = new Set(graph.collapsed ?? []);
  for (const node of graph.nodes) {
    const frame = node === EXTERNAL_GROUP_ID || (namespaceOfNode(node) !== undefined && !collapsed.has(node));
    if (!frame && node !== focus && !ends(node).some((e) => neighbours.has(e))) problems.push(`${node} is shown but no neighbour`);
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
