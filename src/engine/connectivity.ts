/**
 * The connectivity matrix: for every ordered pair of distinct endpoints, what the source's egress
 * AND the destination's ingress both allow. Built from the match tables in time proportional to
 * the pairs that policies leave open, not to all pairs, wherever isolation keeps things sparse.
 */
import type { CompiledRule } from './compile';
import type { MatchTables, MatchedPolicy, SideRules } from './matching';
import { hasClusterTiers, rulePortsToward } from './matching';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  intersectConnections,
  isNoConnections,
  unionConnections,
} from './portset';
import { decideTiers } from './tiers';
import type { Connection, ConnectionSet, Direction, Endpoint } from './types';

/**
 * What an endpoint allows in one direction when policies decide it: `base` toward every peer no
 * rule names (NetworkPolicy rules without `from`/`to`), and what it allows toward specific peers.
 */
interface SideAllowance {
  readonly base: ConnectionSet;
  readonly perPeer: ReadonlyMap<number, ConnectionSet>;
}

function allowanceOf(side: SideAllowance | undefined, peer: number): ConnectionSet {
  if (!side) return ALL_CONNECTIONS;
  return side.perPeer.get(peer) ?? side.base;
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
 * What the tiers allow (see tiers.ts), decided per peer that a cluster-wide or NetworkPolicy rule
 * names. Peers that the same rules name, with the same ports, get the same answer: it is
 * computed once per such set of rules.
 */
function tieredSide(
  rules: SideRules,
  direction: Direction,
  allPeers: readonly number[],
  ports: RulePorts,
  networkPolicies: SideAllowance | undefined,
): SideAllowance {
  const clusterMatches = [...rules.admin, ...rules.baseline].flatMap((policy) => policy[direction] ?? []);
  const named = new Set<number>(networkPolicies?.perPeer.keys());
  for (const match of clusterMatches) for (const peer of match.matchesAll ? allPeers : match.peers) named.add(peer);
  const answers = new Map<string, ConnectionSet>();
  const perPeer = new Map<number, ConnectionSet>();
  for (const peer of named) {
    const own = networkPolicies?.perPeer.get(peer);
    const matching = clusterMatches.flatMap((match, i) => (match.has(peer) ? [i] : []));
    const sharable = own === undefined && matching.every((i) => ports.constant(clusterMatches[i]!.rule));
    const key = sharable ? matching.join() : undefined;
    let allowed = key === undefined ? undefined : answers.get(key);
    if (!allowed) {
      const portsOf = (rule: CompiledRule) => ports.constant(rule) ?? ports.toward(rule, peer);
      allowed = decideTiers(rules, direction, peer, portsOf, own ?? networkPolicies?.base);
      if (key !== undefined) answers.set(key, allowed);
    }
    perPeer.set(peer, allowed);
  }
  // A peer no rule names reaches the NetworkPolicies untouched, or past them the default.
  return { base: networkPolicies ? networkPolicies.base : ALL_CONNECTIONS, perPeer };
}

function buildSide(
  rules: SideRules,
  direction: Direction,
  allPeers: readonly number[],
  ports: RulePorts,
): SideAllowance | undefined {
  const networkPolicies = networkPolicySide(rules.isolation, direction, allPeers, ports);
  return hasClusterTiers(rules) ? tieredSide(rules, direction, allPeers, ports, networkPolicies) : networkPolicies;
}

/** Per endpoint, what it allows in each direction (`undefined`: no policy decides it, everything). */
export interface Sides {
  readonly ingress: readonly (SideAllowance | undefined)[];
  readonly egress: readonly (SideAllowance | undefined)[];
}

/** What destination `d` accepts: the rules deciding its ingress, named ports resolved on itself. */
export function ingressSide(endpoints: readonly Endpoint[], tables: MatchTables, d: number, all: readonly number[]) {
  const toSelf = (rule: CompiledRule) => rulePortsToward(rule, endpoints[d]!);
  return buildSide(tables.ingress[d]!, 'ingress', all, { constant: toSelf, toward: toSelf });
}

/** What source `s` may send: the rules deciding its egress, named ports resolved per destination. */
export function egressSide(endpoints: readonly Endpoint[], tables: MatchTables, s: number, all: readonly number[]) {
  return buildSide(tables.egress[s]!, 'egress', all, {
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
  sides.ingress.forEach((side, d) => side?.perPeer.forEach((_, s) => acceptedBy[s]!.push(d)));

  return (s) => {
    const out = sides.egress[s];
    const candidates =
      out && isNoConnections(out.base)
        ? [...out.perPeer.keys()].sort((a, b) => a - b)
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
