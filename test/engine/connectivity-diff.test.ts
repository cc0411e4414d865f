/**
 * The connectivity diff of two evaluated texts, through the public API: on manifests (an ipBlock
 * widened, a port opened), and on random pairs of clusters, plain and with cluster-wide policies:
 * the old connectivity with the diff applied (its added ports united, its removed ports taken
 * away) is the new connectivity, for every ordered pair — workloads matched by id, outside
 * addresses matched by address, probed at every boundary either side carves (worked out here from
 * the endpoints' ranges, not from the diff's own pieces). The streamed diff equals the plain one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  analyzeStream,
  connectivityDiff,
  intersectConnections,
  connectivityDiffLines,
  isNoConnections,
  streamConnectivityDiff,
  unionConnections,
  type Analysis,
  type ConnectionSet,
  type ConnectivityDiff,
  type PairChange,
} from '../../src/engine';
import { subtractConnections } from '../../src/engine/portset';
import { parseManifests } from '../../src/model';
import type { ClusterResources } from '../../src/model/types';
import { clusterArb, clusterYaml } from '../support/cluster';
import { tieredClusterArb, tieredClusterYaml } from '../support/tiered-cluster';
import { ALL_V6, NONE, analyzeYaml, docs, pod, tcp } from '../helpers';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

const resourcesOf = (text: string): ClusterResources => parseManifests([{ file: 'c.yaml', text }]).resources;

/** `10.0.0.1` → its number (the generated clusters carve IPv4 only). */
const v4 = (text: string) => text.split('.').reduce((acc, part) => (acc << 8n) + BigInt(part), 0n);

/** An outside range of an evaluation, read back from its id `first-last`. */
interface Range {
  readonly id: string;
  readonly first: bigint;
  readonly last: bigint;
}
const rangeOfId = (id: string): Range => {
  const [first, last] = id.split('-') as [string, string];
  return { id, first: v4(first), last: v4(last) };
};

/** What an evaluation allows, asked by workload id or by address. */
function lookup(analysis: Analysis) {
  const allowed = new Map(analysis.connections.map((c) => [`${c.from}\n${c.to}`, c.allowed]));
  const ranges = analysis.endpoints.filter((e) => e.type === 'external').map((e) => rangeOfId(e.id));
  const rangeAt = (address: bigint) => ranges.find((r) => r.first <= address && address <= r.last)!.id;
  return {
    workloads: analysis.endpoints.filter((e) => e.type === 'workload').map((e) => e.id as string),
    ranges,
    rangeAt,
    get: (from: string, to: string): ConnectionSet => allowed.get(`${from}\n${to}`) ?? NONE,
  };
}

const applied = (before: ConnectionSet, change: PairChange | undefined) =>
  change ? subtractConnections(unionConnections(before, change.added), change.removed) : before;

/** Checks `diff` against the two evaluations it was made from, pair by pair. */
function expectExact(before: Analysis, after: Analysis, diff: ConnectivityDiff): void {
  const was = lookup(before);
  const is = lookup(after);
  const changes = new Map(diff.changes.map((c) => [`${c.from}\n${c.to}`, c]));
  const pieces = diff.changes.flatMap((c) => [c.from, c.to]).filter((id) => /^\d/.test(id)).map(rangeOfId);
  // A listed piece lies inside one range of each side, so one verdict per side holds for all of it.
  for (const piece of pieces) {
    expect(was.rangeAt(piece.first)).toBe(was.rangeAt(piece.last));
    expect(is.rangeAt(piece.first)).toBe(is.rangeAt(piece.last));
  }
  const pieceAt = (address: bigint) => pieces.find((p) => p.first <= address && address <= p.last)?.id;
  const used = new Set<PairChange>();
  const check = (old: ConnectionSet, now: ConnectionSet, change: PairChange | undefined) => {
    expect(applied(old, change)).toEqual(now);
    if (!change) return;
    used.add(change);
    // Only what changed: no port added that was allowed, none removed that was not or still is.
    expect(isNoConnections(change.added) && isNoConnections(change.removed)).toBe(false);
    expect(isNoConnections(intersectConnections(change.added, old))).toBe(true);
    expect(isNoConnections(subtractConnections(change.removed, old))).toBe(true);
    expect(isNoConnections(intersectConnections(change.removed, now))).toBe(true);
    expect([change.before, change.after]).toEqual([old, now]);
    expect(change.kind).toBe(isNoConnections(old) ? 'added' : isNoConnections(now) ? 'removed' : 'changed');
  };
  const workloads = [...new Set([...was.workloads, ...is.workloads])];
  for (const from of workloads) {
    for (const to of workloads) if (from !== to) check(was.get(from, to), is.get(from, to), changes.get(`${from}\n${to}`));
  }
  // Both ends of every range either side carves: every piece of both carvings holds one of them.
  const probes = [...new Set([...was.ranges, ...is.ranges].flatMap((r) => [r.first, r.last]))];
  for (const address of probes) {
    const [old, now, piece] = [was.rangeAt(address), is.rangeAt(address), pieceAt(address)];
    for (const w of workloads) {
      check(was.get(w, old), is.get(w, now), piece === undefined ? undefined : changes.get(`${w}\n${piece}`));
      check(was.get(old, w), is.get(now, w), piece === undefined ? undefined : changes.get(`${piece}\n${w}`));
    }
  }
  // Nothing listed that no pair accounts for.
  expect(used.size).toBe(diff.changes.length);
  expect(diff.endpointsAdded).toEqual(is.workloads.filter((id) => !was.workloads.includes(id)));
  expect(diff.endpointsRemoved).toEqual(was.workloads.filter((id) => !is.workloads.includes(id)));
}

const plainArb = clusterArb.map((c) => clusterYaml(c));
const tieredArb = tieredClusterArb(clusterArb).map((c) => tieredClusterYaml(c));
/** Two clusters with the same workloads and namespaces, different policies: the usual edit. */
const editArb = fc.tuple(tieredClusterArb(clusterArb), tieredClusterArb(clusterArb)).map(([a, b]) => [
  tieredClusterYaml(a),
  tieredClusterYaml({ ...a, policies: b.policies, clusterPolicies: b.clusterPolicies }),
]);

describe('connectivityDiff, applied to the old connectivity, gives the new one', () => {
  const property = (texts: readonly string[]) => {
    const [before, after] = texts.map((text) => analyze(resourcesOf(text))) as [Analysis, Analysis];
    const diff = connectivityDiff(before, after);
    expectExact(before, after, diff);
    const streamed = streamConnectivityDiff(analyzeStream(resourcesOf(texts[0]!)), analyzeStream(resourcesOf(texts[1]!)));
    expect({ ...streamed, changes: [...streamed.changes] }).toEqual(diff);
  };

  it('on random pairs of clusters', () => {
    fc.assert(fc.property(fc.tuple(plainArb, plainArb), property), { numRuns: RUNS });
  });

  it('on random pairs of clusters with cluster-wide policies', () => {
    fc.assert(fc.property(fc.tuple(tieredArb, tieredArb), property), { numRuns: RUNS });
  });

  it('on random policy edits of one cluster', () => {
    fc.assert(fc.property(editArb, property), { numRuns: RUNS });
  });

  it('is empty from a cluster to itself', () => {
    fc.assert(
      fc.property(tieredArb, (text) => {
        const diff = connectivityDiff(analyze(resourcesOf(text)), analyze(resourcesOf(text)));
        expect(diff).toEqual({ endpointsAdded: [], endpointsRemoved: [], changes: [] });
      }),
      { numRuns: RUNS },
    );
  });
});

const DENY_ALL_EGRESS = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'client-out', namespace: 'default' },
  spec: { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'] },
};
const egressTo = (to: object[]) => ({ ...DENY_ALL_EGRESS, spec: { ...DENY_ALL_EGRESS.spec, egress: [{ to }] } });
const PODS = ['client', 'db'].map((name) => pod({ ns: 'default', name, labels: { app: name } }));
const DB_INGRESS = (ports: object[]) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'db-in', namespace: 'default' },
  spec: {
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports }],
  },
});

describe('connectivityDiff on manifests', () => {
  it('says what a rule opening one port allows, and that nothing else changes', () => {
    const before = analyzeYaml(docs(...PODS, DB_INGRESS([{ port: 80 }])));
    const after = analyzeYaml(docs(...PODS, DB_INGRESS([{ port: 80 }, { port: 5432 }])));
    const diff = connectivityDiff(before, after);
    expect(diff.changes.map((c) => [c.from, c.to, c.added])).toEqual([['default/client[Pod]', 'default/db[Pod]', tcp(5432)]]);
    expect(connectivityDiffLines(diff)).toEqual([
      'Allows: default/client[Pod] → default/db[Pod] TCP 5432. Nothing else changes.',
    ]);
  });

  it('compares IPv6 addresses address by address once both sides carve IPv6', () => {
    const v6 = [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '2001:db8::/32' } }];
    const before = analyze(resourcesOf(docs(...PODS, egressTo([{ ipBlock: { cidr: '0.0.0.0/0' } }]))), { addressFamilies: [6] });
    const after = analyze(resourcesOf(docs(...PODS, egressTo(v6))));
    // Before, the isolated client reached no IPv6 address, and the db every one.
    expect(before.connections.filter((c) => c.to === ALL_V6).map((c) => c.from)).toEqual(['default/db[Pod]']);
    const diff = connectivityDiff(before, after);
    expect(diff.endpointsAdded).toEqual([]);
    expect(connectivityDiffLines(diff)).toEqual([
      'Allows: default/client[Pod] → 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff all traffic. Nothing else changes.',
    ]);
  });

  it('finds exactly 10.0.0.0/8 between egress to 0.0.0.0/0 except 10.0.0.0/8 and to 0.0.0.0/0', () => {
    const before = analyzeYaml(docs(...PODS, egressTo([{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }])));
    const after = analyzeYaml(docs(...PODS, egressTo([{ ipBlock: { cidr: '0.0.0.0/0' } }])));
    expect(connectivityDiffLines(connectivityDiff(before, after))).toEqual([
      'Allows: default/client[Pod] → 10.0.0.0-10.255.255.255 all traffic. Nothing else changes.',
    ]);
    expect(connectivityDiffLines(connectivityDiff(after, before))).toEqual([
      'Stops allowing: default/client[Pod] → 10.0.0.0-10.255.255.255 all traffic. Nothing else changes.',
    ]);
  });
});
