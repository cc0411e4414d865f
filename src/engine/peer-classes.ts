/**
 * Peers that the same cluster-wide rules name, per direction. A cluster-wide rule often names a
 * large share of all pods (`namespaces: {}`), so deciding a side peer by peer would cost the
 * square of the cluster; peers of one class get the same answer from the tiers, so a side decides
 * once per class (connectivity.ts). Computed once per revision's tables and direction.
 */
import type { MatchTables, RuleMatch } from './matching';
import type { Direction } from './types';

export interface PeerClasses {
  /** Per endpoint, its class; -1 when no cluster-wide rule names it. */
  readonly classOf: Int32Array;
  readonly members: readonly (readonly number[])[];
  /** The classes whose peers a rule names. */
  readonly classesOfRule: ReadonlyMap<RuleMatch, readonly number[]>;
}

function computePeerClasses(tables: MatchTables, direction: Direction, endpointCount: number): PeerClasses {
  const rules = tables.policies
    .filter((matched) => matched.policy.ref.tier !== 'networkPolicy')
    .flatMap((matched) => matched[direction] ?? []);
  // Per endpoint, the indices of the rules naming it, in rule order: its signature.
  const naming: number[][] = Array.from({ length: endpointCount }, () => []);
  rules.forEach((match, r) => {
    if (match.matchesAll) naming.forEach((list) => list.push(r));
    else for (const peer of match.peers) naming[peer]!.push(r);
  });
  const classOf = new Int32Array(endpointCount).fill(-1);
  const members: number[][] = [];
  const bySignature = new Map<string, number>();
  const classesOfRule = new Map<RuleMatch, number[]>(rules.map((match) => [match, []]));
  naming.forEach((list, peer) => {
    if (list.length === 0) return;
    const signature = list.join();
    let c = bySignature.get(signature);
    if (c === undefined) {
      c = members.length;
      bySignature.set(signature, c);
      members.push([]);
      for (const r of list) classesOfRule.get(rules[r]!)!.push(c);
    }
    classOf[peer] = c;
    members[c]!.push(peer);
  });
  return { classOf, members, classesOfRule };
}

const computed = new WeakMap<MatchTables, Partial<Record<Direction, PeerClasses>>>();

/** The peer classes of `tables` for `direction`, computed on first use. */
export function peerClassesOf(tables: MatchTables, direction: Direction, endpointCount: number): PeerClasses {
  let byDirection = computed.get(tables);
  if (!byDirection) computed.set(tables, (byDirection = {}));
  return (byDirection[direction] ??= computePeerClasses(tables, direction, endpointCount));
}
