/**
 * The connectivity matrix: for every ordered pair of distinct endpoints, what the source's egress
 * AND the destination's ingress both allow. Built from the match tables in time proportional to
 * the pairs that policies leave open, not to all pairs, wherever isolation keeps things sparse.
 */
import type { CompiledRule } from './compile';
import type { MatchTables, MatchedPolicy, SideRules } from './matching';
import { hasClusterTiers, rulePortsToward } from './matching';
import { peerClassesOf, type PeerClasses } from './peer-classes';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  intersectConnections,
  isNoConnections,
  sameConnections,
  unionConnections,
} from './portset';
import { decideTiers } from './tiers';
import type { Connection, ConnectionSet, Direction, Endpoint } from './types';

/**
 * What an endpoint allows in one direction when policies decide it: `base` toward every peer no
 * rule names (NetworkPolicy rules without `from`/`to`), what it allows toward specific peers, and
 * on a side that cluster-wide rules decide, what it allows toward each class of peers those rules
 * name alike (where that differs from `base`; `perPeer` comes first).
 */
interface SideAllowance {
  readonly base: ConnectionSet;
  readonly perPeer: ReadonlyMap<number, ConnectionSet>;
  readonly byClass?: { readonly classes: PeerClasses; readonly answers: ReadonlyMap<number, ConnectionSet> };
}

function allowanceOf(side: SideAllowance | undefined, peer: number): ConnectionSet {
  if (!side) return ALL_CONNECTIONS;
  const own = side.perPeer.get(peer);
  if (own) return own;
  const byClass = side.byClass;
  return (byClass && byClass.answers.get(byClass.classes.classOf[peer]!)) ?? side.base;
}

/** The peers a side allows something toward beyond `base`: a superset, to narrow candidates. */
function peersBeyondBase(side: SideAllowance): Iterable<number> {
  const classes = side.byClass;
  if (!classes) return side.perPeer.keys();
  const members = [...classes.answers]
    .filter(([, allowed]) => !isNoConnections(allowed))
    .flatMap(([c]) => classes.classes.members[c]!);
  return [...side.perPeer.keys(), ...members];
}

/**
 * What a rule opens toward a peer. `constant` answers once for all peers when it can: always on
 * the ingress side (named ports resolve against the isolated destination itself), and on the
 * egress side unless the rule has named ports (they resolve against each destination).
 */
interface RulePorts {
  readonly constant: (rule: CompiledRule) => ConnectionSet | undefined;
  readonly toward: (rule: CompiledRule, peer: number) => ConnectionSet;
}

/** What the isolating NetworkPolicies allow: `base` widened per peer by the rules naming it. */
function networkPolicySide(
  isolating: readonly MatchedPolicy[],
  direction: Direction,
  allPeers: readonly number[],
  ports: RulePorts,
): SideAllowance | undefined {
  if (isolating.length === 0) return undefined;
  let base = NO_CONNECTIONS;
  const perPeer = new Map<number, ConnectionSet>();
  const widen = (peer: number, allowed: ConnectionSet) => {
    if (isNoConnections(allowed)) return;
    perPeer.set(peer, unionConnections(perPeer.get(peer) ?? NO_CONNECTIONS, allowed));
  };
  for (const policy of isolating) {
    for (const match of policy[direction] ?? []) {
      const constant = ports.constant(match.rule);
      if (match.matchesAll && constant) base = unionConnections(base, constant);
      else {
        for (const peer of match.matchesAll ? allPeers : match.peers) {
          widen(peer, constant ?? ports.toward(match.rule, peer));
        }
      }
    }
  }
  for (const [peer, allowed] of perPeer) perPeer.set(peer, unionConnections(allowed, base));
  return { base, perPeer };
}

/**
 * What the tiers allow (see tiers.ts). Peers of one class (peer-classes.ts) get one answer, decided
 * for one of them, except where an answer depends on the peer itself: its own NetworkPolicy
 * allowance, or an egress rule's named ports resolved on it; those are decided peer by peer.
 */
function tieredSide(
  rules: SideRules,
  direction: Direction,
  ports: RulePorts,
  networkPolicies: SideAllowance | undefined,
  classes: PeerClasses,
): SideAllowance {
  // A peer no cluster-wide rule names reaches the NetworkPolicies untouched, or past them the default.
  const base = networkPolicies ? networkPolicies.base : ALL_CONNECTIONS;
  const clusterMatches = [...rules.admin, ...rules.baseline].flatMap((policy) => policy[direction] ?? []);
  const decide = (peer: number, networkPolicy: ConnectionSet | undefined) => {
    const portsOf = (rule: CompiledRule) => ports.constant(rule) ?? ports.toward(rule, peer);
    return decideTiers(rules, direction, peer, portsOf, networkPolicy);
  };
  const perPeer = new Map<number, ConnectionSet>();
  for (const [peer, allowed] of networkPolicies?.perPeer ?? []) perPeer.set(peer, decide(peer, allowed));
  const answers = new Map<number, ConnectionSet>();
  for (const c of new Set(clusterMatches.flatMap((match) => classes.classesOfRule.get(match) ?? []))) {
    const members = classes.members[c]!;
    const one = members[0]!;
    if (clusterMatches.some((match) => match.has(one) && !ports.constant(match.rule))) {
      for (const peer of members) if (!perPeer.has(peer)) perPeer.set(peer, decide(peer, networkPolicies?.base));
      continue;
    }
    const allowed = decide(one, networkPolicies?.base);
    if (!sameConnections(allowed, base)) answers.set(c, allowed);
  }
  return { base, perPeer, byClass: { classes, answers } };
}

function buildSide(
  tables: MatchTables,
  direction: Direction,
  subject: number,
  allPeers: readonly number[],
  ports: RulePorts,
): SideAllowance | undefined {
  const rules = tables[direction][subject]!;
  const networkPolicies = networkPolicySide(rules.isolation, direction, allPeers, ports);
  if (!hasClusterTiers(rules)) return networkPolicies;
  return tieredSide(rules, direction, ports, networkPolicies, peerClassesOf(tables, direction, allPeers.length));
}

/** Per endpoint, what it allows in each direction (`undefined`: no policy decides it, everything). */
export interface Sides {
  readonly ingress: readonly (SideAllowance | undefined)[];
  readonly egress: readonly (SideAllowance | undefined)[];
}

/** What destination `d` accepts: the rules deciding its ingress, named ports resolved on itself. */
export function ingressSide(endpoints: readonly Endpoint[], tables: MatchTables, d: number, all: readonly number[]) {
  const toSelf = (rule: CompiledRule) => rulePortsToward(rule, endpoints[d]!);
  return buildSide(tables, 'ingress', d, all, { constant: toSelf, toward: toSelf });
}

/** What source `s` may send: the rules deciding its egress, named ports resolved per destination. */
export function egressSide(endpoints: readonly Endpoint[], tables: MatchTables, s: number, all: readonly number[]) {
  return buildSide(tables, 'egress', s, all, {
    constant: (rule) => (rule.namedPorts.length === 0 ? rule.fixedPorts : undefined),
    toward: (rule, d) => rulePortsToward(rule, endpoints[d]!),
  });
}

export function buildSides(endpoints: readonly Endpoint[], tables: MatchTables): Sides {
  const all = endpoints.map((_, i) => i);
  return {
    ingress: all.map((d) => ingressSide(endpoints, tables, d, all)),
    egress: all.map((s) => egressSide(endpoints, tables, s, all)),
  };
}

/** The connection from `s` to `d`: what both sides allow; `undefined` when that is nothing. */
export function pairConnection(endpoints: readonly Endpoint[], sides: Sides, s: number, d: number): Connection | undefined {
  const source = endpoints[s]!;
  const destination = endpoints[d]!;
  if (s === d || (source.type === 'external' && destination.type === 'external')) return undefined;
  const allowed = intersectConnections(allowanceOf(sides.egress[s], d), allowanceOf(sides.ingress[d], s));
  return isNoConnections(allowed) ? undefined : { from: source.id, to: destination.id, allowed };
}

/**
 * A function giving the connections from one source, in destination order. It only looks at the
 * destinations that can accept something from that source, wherever isolation keeps them few.
 */
export function connectionRows(endpoints: readonly Endpoint[], sides: Sides): (s: number) => Connection[] {
  const all = endpoints.map((_, i) => i);
  // Destinations that accept something from every source, and for each source the destinations
  // that accept it by name: the only candidates for a source whose egress is open.
  const openIngress = all.filter((d) => !sides.ingress[d] || !isNoConnections(sides.ingress[d].base));
  const acceptedBy: number[][] = endpoints.map(() => []);
  sides.ingress.forEach((side, d) => {
    if (side) for (const s of peersBeyondBase(side)) acceptedBy[s]!.push(d);
  });

  return (s) => {
    const out = sides.egress[s];
    const candidates =
      out && isNoConnections(out.base)
        ? [...new Set(peersBeyondBase(out))].sort((a, b) => a - b)
        : out
          ? all
          : [...new Set([...openIngress, ...acceptedBy[s]!])].sort((a, b) => a - b);
    const row: Connection[] = [];
    for (const d of candidates) {
      const connection = pairConnection(endpoints, sides, s, d);
      if (connection) row.push(connection);
    }
    return row;
  };
}
