/**
 * A policy's footprint: the endpoints it selects, the connections to which one of its rules
 * contributes allowed ports, and for a cluster-wide policy the pairs one of its Deny rules denies.
 * Read off the match tables, like the explanations; cluster-wide rules through the same tier walk
 * as the matrix (tiers.ts).
 */
import type { CompiledRule } from './compile';
import { hasClusterTiers, rulePortsToward, type MatchedPolicy, type MatchedRevision } from './matching';
import { ALL_CONNECTIONS, NO_CONNECTIONS, intersectConnections, isNoConnections, unionConnections } from './portset';
import { peerClassesOf, type PeerClasses } from './peer-classes';
import { decideTiers, emptyTrace } from './tiers';
import type { Connection, ConnectionSet, Direction, PolicyFootprint, PolicyId } from './types';

type Pair = readonly [number, number];

/**
 * The ports of a side that NetworkPolicies decide toward `peer`: all of them, unless cluster-wide
 * Admin rules decided some first.
 */
function decidedByNetworkPolicies(
  { analysis, tables }: MatchedRevision,
  direction: Direction,
  subject: number,
  peer: number,
  destination: number,
): ConnectionSet {
  const side = tables[direction][subject]!;
  if (!hasClusterTiers(side)) return ALL_CONNECTIONS;
  const trace = emptyTrace();
  const portsOf = (rule: CompiledRule) => rulePortsToward(rule, analysis.endpoints[destination]!);
  decideTiers(side, direction, peer, portsOf, NO_CONNECTIONS, trace);
  return trace.toNetworkPolicies;
}

/** Whether one of a NetworkPolicy's rules allows some of `connection`'s ports. */
function networkPolicyContributes(
  revision: MatchedRevision,
  matched: MatchedPolicy,
  selected: ReadonlySet<number>,
  connection: Connection,
): boolean {
  const { analysis, endpointIndex } = revision;
  const s = endpointIndex.get(connection.from)!;
  const d = endpointIndex.get(connection.to)!;
  const sides = [
    { direction: 'egress', subject: s, peer: d, rules: selected.has(s) ? matched.egress : undefined },
    { direction: 'ingress', subject: d, peer: s, rules: selected.has(d) ? matched.ingress : undefined },
  ] as const;
  return sides.some(({ direction, subject, peer, rules }) => {
    const helping = (rules ?? []).filter((match) => match.has(peer));
    if (helping.length === 0) return false;
    const decided = intersectConnections(connection.allowed, decidedByNetworkPolicies(revision, direction, subject, peer, d));
    return helping.some(
      (match) => !isNoConnections(intersectConnections(rulePortsToward(match.rule, analysis.endpoints[d]!), decided)),
    );
  });
}

/** What a cluster-wide policy's rules decided on one side toward one peer. */
interface PolicyPart {
  readonly accepted: ConnectionSet;
  readonly denies: boolean;
}

/**
 * A subject's side: the policy's part toward each class of peers (peer-classes.ts: peers that the
 * same cluster-wide rules name get the same decisions), and toward peers decided one by one (an
 * egress named port resolves on each destination).
 */
interface SidePart {
  readonly classes: PeerClasses;
  readonly byClass: ReadonlyMap<number, PolicyPart>;
  readonly perPeer: ReadonlyMap<number, PolicyPart>;
}

function partToward(side: SidePart, peer: number): PolicyPart | undefined {
  return side.perPeer.get(peer) ?? side.byClass.get(side.classes.classOf[peer]!);
}

function sidePart({ analysis, tables }: MatchedRevision, matched: MatchedPolicy, direction: Direction, subject: number) {
  const side = tables[direction][subject]!;
  if (!side.admin.includes(matched) && !side.baseline.includes(matched)) return undefined;
  const { endpoints } = analysis;
  const classes = peerClassesOf(tables, direction, endpoints.length);
  // Only the trace is read: it depends on whether NetworkPolicies isolate the side, not on what they allow.
  const isolated = side.isolation.length > 0 ? NO_CONNECTIONS : undefined;
  const part = (peer: number): PolicyPart => {
    const destination = endpoints[direction === 'egress' ? peer : subject]!;
    const trace = emptyTrace();
    decideTiers(side, direction, peer, (rule: CompiledRule) => rulePortsToward(rule, destination), isolated, trace);
    const steps = [...trace.admin, ...trace.baseline].filter((step) => step.policy === matched);
    const accepted = steps.filter((step) => step.match.rule.ref.action === 'accept');
    return {
      accepted: accepted.reduce((all, step) => unionConnections(all, step.decided), NO_CONNECTIONS),
      denies: steps.some((step) => step.match.rule.ref.action === 'deny'),
    };
  };
  const clusterMatches = [...side.admin, ...side.baseline].flatMap((policy) => policy[direction] ?? []);
  const byClass = new Map<number, PolicyPart>();
  const perPeer = new Map<number, PolicyPart>();
  for (const c of new Set((matched[direction] ?? []).flatMap((match) => classes.classesOfRule.get(match) ?? []))) {
    const members = classes.members[c]!;
    const namedOnEach =
      direction === 'egress' && clusterMatches.some((match) => match.rule.namedPorts.length > 0 && match.has(members[0]!));
    if (namedOnEach) for (const peer of members) perPeer.set(peer, part(peer));
    else byClass.set(c, part(members[0]!));
  }
  return { classes, byClass, perPeer };
}

/** Denied pairs listed in a footprint, at most: a Deny over every pod denies millions of pairs. */
export const FOOTPRINT_DENIES_LISTED = 5000;

function pairOrder(a: Pair, b: Pair): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** The peers a subject's side denies something toward, per the policy's Deny rules. */
function* deniedPeers(side: SidePart, subject: number): Generator<number> {
  for (const [c, part] of side.byClass) if (part.denies) for (const peer of side.classes.members[c]!) if (peer !== subject) yield peer;
  for (const [peer, part] of side.perPeer) if (part.denies && peer !== subject) yield peer;
}

/**
 * The pairs a cluster-wide policy's Deny rules deny some ports of: at most FOOTPRINT_DENIES_LISTED
 * of them, sorted, and how many there are. A pair its rules deny on both sides counts once.
 */
function deniedPairs(egress: ReadonlyMap<number, SidePart>, ingress: ReadonlyMap<number, SidePart>) {
  const listed = new Map<string, Pair>();
  const list = (pair: Pair, budget: { left: number }) => {
    if (budget.left <= 0) return;
    budget.left--;
    listed.set(pair.join(), pair);
  };
  let count = 0;
  const fromEgress = { left: FOOTPRINT_DENIES_LISTED };
  for (const [s, side] of egress) {
    for (const d of deniedPeers(side, s)) {
      const inbound = ingress.get(d);
      const twice = inbound !== undefined && partToward(inbound, s)?.denies === true;
      if (!twice) count++;
      list([s, d], fromEgress);
    }
  }
  const fromIngress = { left: FOOTPRINT_DENIES_LISTED };
  for (const [d, side] of ingress) {
    for (const s of deniedPeers(side, d)) {
      count++;
      list([s, d], fromIngress);
    }
  }
  return { count, pairs: [...listed.values()].sort(pairOrder).slice(0, FOOTPRINT_DENIES_LISTED) };
}

export function footprintOf(revision: MatchedRevision, policy: PolicyId): PolicyFootprint | undefined {
  const { analysis, endpointIndex, tables } = revision;
  const matched = tables.policies.find((m) => m.policy.ref.id === policy);
  if (!matched) return undefined;
  const { endpoints } = analysis;
  const selected = new Set(matched.selected);
  const touches = (c: Connection) => selected.has(endpointIndex.get(c.from)!) || selected.has(endpointIndex.get(c.to)!);
  const selects = matched.selected.map((i) => endpoints[i]!.id);
  const ids = (pair: Pair) => [endpoints[pair[0]]!.id, endpoints[pair[1]]!.id] as const;
  if (matched.policy.ref.tier === 'networkPolicy') {
    const contributes = (c: Connection) => networkPolicyContributes(revision, matched, selected, c);
    return { policy, selects, connections: analysis.connections.filter((c) => touches(c) && contributes(c)).map((c) => [c.from, c.to] as const) };
  }
  const parts = (direction: Direction) =>
    new Map(matched.selected.flatMap((i) => {
      const part = sidePart(revision, matched, direction, i);
      return part ? [[i, part] as const] : [];
    }));
  const [egress, ingress] = [parts('egress'), parts('ingress')];
  const accepts = (c: Connection) => {
    const [s, d] = [endpointIndex.get(c.from)!, endpointIndex.get(c.to)!];
    const toward = [egress.get(s) && partToward(egress.get(s)!, d), ingress.get(d) && partToward(ingress.get(d)!, s)];
    return toward.some((part) => part !== undefined && !isNoConnections(intersectConnections(part.accepted, c.allowed)));
  };
  const denied = deniedPairs(egress, ingress);
  return {
    policy,
    selects,
    connections: analysis.connections.filter((c) => touches(c) && accepts(c)).map((c) => [c.from, c.to] as const),
    denies: denied.pairs.map(ids),
    deniedPairs: denied.count,
  };
}
