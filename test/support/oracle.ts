/**
 * A deliberately naive reference evaluator, written straight from the NetworkPolicy API
 * reference, for differential property tests. It answers one question at a time — "may `src`
 * send `protocol`/`port` to `dst`?" — with no compilation, no interval algebra and no caching,
 * so it shares no structure (and hopefully no bugs) with the engine.
 *
 * Semantics (see the spec comments in test/engine/*.test.ts):
 * - isolation per direction by policies of the pod's own namespace; policyTypes default
 *   [Ingress] + Egress iff egress rules exist;
 * - allowed iff (src not egress-isolated or some egress rule admits) AND (dst likewise, ingress);
 * - absent/empty peers = everything; absent/empty ports = everything;
 * - selectors match pods only; ipBlock matches external addresses and known pod IPs;
 * - named ports resolve on the destination's container ports (same name and protocol).
 */
import type { Protocol } from '../../src/model/types';
import type { GCluster, GPolicy, GPort, GRule, GSelector, GType, GWorkload, Labels } from './cluster';

export type OEndpoint = { kind: 'workload'; w: GWorkload } | { kind: 'external'; addr: bigint };

// ---------------------------------------------------------------------------------------------
// IPv4 helpers (the generator only uses IPv4)

export function v4ToInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => acc * 256n + BigInt(Number(part)), 0n);
}
export function intToV4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
}
/** Inclusive [first, last] of a CIDR, host bits masked. */
export function cidrRange(cidr: string): [bigint, bigint] {
  const [ip, len] = cidr.split('/') as [string, string];
  const size = 2n ** BigInt(32 - Number(len));
  const first = (v4ToInt(ip) / size) * size;
  return [first, first + size - 1n];
}
export const inCidr = (addr: bigint, cidr: string) => {
  const [f, l] = cidrRange(cidr);
  return f <= addr && addr <= l;
};

/**
 * The external ranges the ipBlocks of all policies (and `moreCidrs`, e.g. the `networks` of
 * cluster-wide policies) carve out of IPv4, as `first-last` ids.
 */
export function expectedExternalRanges(
  c: GCluster,
  moreCidrs: readonly string[] = [],
): { id: string; first: bigint; last: bigint }[] {
  const cuts = new Set<bigint>([0n, 2n ** 32n]);
  const rules = c.policies.flatMap((p) => [...(p.ingress ?? []), ...(p.egress ?? [])]);
  const blocks = rules
    .flatMap((r) => r.peers ?? [])
    .flatMap((peer) => (peer.ipBlock ? [peer.ipBlock.cidr, ...(peer.ipBlock.except ?? [])] : []));
  for (const cidr of [...blocks, ...moreCidrs]) {
    const [f, l] = cidrRange(cidr);
    cuts.add(f);
    cuts.add(l + 1n);
  }
  const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.slice(0, -1).map((first, i) => {
    const last = sorted[i + 1]! - 1n;
    return { id: `${intToV4(first)}-${intToV4(last)}`, first, last };
  });
}

// ---------------------------------------------------------------------------------------------
// Selectors

export function selects(sel: GSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const ok =
      e.operator === 'In'
        ? has && e.values!.includes(labels[e.key]!)
        : e.operator === 'NotIn'
          ? !has || !e.values!.includes(labels[e.key]!)
          : e.operator === 'Exists'
            ? has
            : !has;
    if (!ok) return false;
  }
  return true;
}

/** A namespace's labels, with the automatic `kubernetes.io/metadata.name`. */
export function nsLabels(c: GCluster, ns: string): Labels {
  const n = c.namespaces.find((x) => x.name === ns && x.declared);
  return { ...(n?.labels ?? {}), 'kubernetes.io/metadata.name': ns };
}

/** SetDefaults_NetworkPolicy: `len(policyTypes) == 0` -> Ingress, plus Egress iff egress rules. */
export function effectiveTypes(p: GPolicy): GType[] {
  if (p.policyTypes && p.policyTypes.length > 0) return p.policyTypes;
  return p.egress && p.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

// ---------------------------------------------------------------------------------------------
// Rules

function peerMatches(c: GCluster, policy: GPolicy, rule: GRule, ep: OEndpoint): boolean {
  if (!rule.peers || rule.peers.length === 0) return true;
  return rule.peers.some((peer) => {
    if (peer.ipBlock) {
      const addrs = ep.kind === 'external' ? [ep.addr] : ep.w.ip ? [v4ToInt(ep.w.ip)] : [];
      const b = peer.ipBlock;
      return addrs.some((a) => inCidr(a, b.cidr) && !(b.except ?? []).some((x) => inCidr(a, x)));
    }
    if (ep.kind !== 'workload') return false;
    const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, nsLabels(c, ep.w.ns)) : ep.w.ns === policy.ns;
    const podOk = peer.podSelector ? selects(peer.podSelector, ep.w.labels) : true;
    return nsOk && podOk;
  });
}

function portMatches(pp: GPort, protocol: Protocol, port: number, dst: OEndpoint): boolean {
  if ((pp.protocol ?? 'TCP') !== protocol) return false;
  if (pp.port === undefined) return true;
  if (typeof pp.port === 'number') return pp.port <= port && port <= (pp.endPort ?? pp.port);
  if (dst.kind !== 'workload') return false;
  return dst.w.ports.some((cp) => cp.name === pp.port && (cp.protocol ?? 'TCP') === protocol && cp.port === port);
}

function rulePortsMatch(rule: GRule, protocol: Protocol, port: number, dst: OEndpoint): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some((pp) => portMatches(pp, protocol, port, dst));
}

/**
 * What the NetworkPolicies isolating workload `w` in direction `dir` say about traffic with `peer`
 * (dst = the receiving end): allowed when one of their rules admits it; `undefined` when none
 * isolates `w` in that direction.
 */
export function networkPolicyVerdict(
  c: GCluster,
  dir: GType,
  w: GWorkload,
  peer: OEndpoint,
  protocol: Protocol,
  port: number,
  dst: OEndpoint,
): boolean | undefined {
  const isolating = c.policies.filter(
    (p) => p.ns === w.ns && selects(p.podSelector, w.labels) && effectiveTypes(p).includes(dir),
  );
  if (isolating.length === 0) return undefined;
  return isolating.some((p) =>
    ((dir === 'Ingress' ? p.ingress : p.egress) ?? []).some(
      (r) => peerMatches(c, p, r, peer) && rulePortsMatch(r, protocol, port, dst),
    ),
  );
}

/** Whether `subject`'s `dir` side lets traffic with `peer` through (dst = the receiving end). */
function sideAllows(
  c: GCluster,
  dir: GType,
  subject: OEndpoint,
  peer: OEndpoint,
  protocol: Protocol,
  port: number,
  dst: OEndpoint,
): boolean {
  if (subject.kind !== 'workload') return true;
  return networkPolicyVerdict(c, dir, subject.w, peer, protocol, port, dst) ?? true;
}

/** The reference verdict for one packet kind. */
export function oracleAllows(c: GCluster, src: OEndpoint, dst: OEndpoint, protocol: Protocol, port: number): boolean {
  return sideAllows(c, 'Egress', src, dst, protocol, port, dst) && sideAllows(c, 'Ingress', dst, src, protocol, port, dst);
}

/** Port numbers at which any allowed set of this cluster can change (plus neighbours). */
export function probePorts(c: GCluster): number[] {
  const pts = new Set<number>([1, 2, 65534, 65535]);
  const add = (n: number) => [n - 1, n, n + 1].forEach((m) => m >= 1 && m <= 65535 && pts.add(m));
  for (const p of c.policies) {
    for (const r of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
      for (const pp of r.ports ?? []) {
        if (typeof pp.port === 'number') add(pp.port);
        if (pp.endPort !== undefined) add(pp.endPort);
      }
    }
  }
  for (const w of c.workloads) for (const cp of w.ports) add(cp.port);
  return [...pts].sort((a, b) => a - b);
}
