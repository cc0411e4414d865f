/**
 * Property tests of the tiers over random small clusters: the v1 clusters of properties.test.ts
 * (namespaces, pods with labels, some with IPs and named container ports, Deployments, 0-4
 * NetworkPolicies) with 2-4 random cluster-wide policies of the three kinds
 * (test/support/tiered-cluster.ts), rendered to YAML and read by the model.
 *
 * 0. differential: every pair, protocol and sampled port (every port-range bound ±1, every
 *    container port ±1, and the engine's own bounds) agrees with a naive reference evaluator
 *    written from the network-policy-api (test/support/tier-reference.ts); the external
 *    endpoints are exactly the ranges the ipBlocks and `networks` carve;
 * 1. explain() agrees with the matrix; a cluster-wide policy's footprint is exactly the pairs
 *    where, by the reference, one of its rules accepted an allowed packet or denied one;
 * 2. cluster-wide policies whose subjects select no pod change nothing;
 * 3. an Admin policy at priority 0 that accepts (denies) everything of one pair's direction makes
 *    that side allow (deny) everything, whatever the NetworkPolicies and other tiers say;
 * 4. grouping the pods of one owner changes no verdict;
 * 5. the incremental Analyzer equals a fresh analysis, revision after revision, when edits add,
 *    remove and change cluster-wide policies, NetworkPolicies, labels, ports and IPs.
 * PROPERTY_RUNS overrides the number of runs (default 100; the costlier properties run fewer).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/engine';
import { ManifestParser, parseManifests } from '../../src/model';
import type { SourceLocation } from '../../src/model/source';
import type { Analysis, EndpointId, WorkloadEndpoint } from '../../src/engine/types';
import { ALL, NONE, PROTOS, admits, analyzeYaml, conn, explainPair, externalIds, footprint, workloadIds } from '../helpers';
import {
  IPS,
  clusterArb,
  containerPortsArb,
  labelsArb,
  ownedClusterArb,
  policyArb,
  workloadId,
  type GCluster,
  type GPolicy,
  type GWorkload,
} from '../support/cluster';
import { intersect, refinedPairs, wellFormednessProblems } from '../support/compare';
import type { OEndpoint } from '../support/oracle';
import {
  referenceEndpoints,
  referenceFootprints,
  tieredAllows,
  tieredExternalRanges,
  tieredProbePorts,
} from '../support/tier-reference';
import {
  clusterPolicyArb,
  networksOf,
  tieredClusterArb,
  tieredClusterDocs,
  tieredClusterYaml,
  type GClusterKind,
  type GClusterPeer,
  type GClusterPolicy,
  type GTieredCluster,
} from '../support/tiered-cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const NAME_LABEL = 'kubernetes.io/metadata.name';

const analyzeCluster = (c: GTieredCluster) => analyzeYaml(tieredClusterYaml(c));
const nsNames = (c: GCluster) => c.namespaces.map((n) => n.name);

/** Default-deny in both directions in every namespace: NetworkPolicies then isolate every pod. */
const denyAll = (c: GCluster): GPolicy[] =>
  nsNames(c).map((ns) => ({ ns, name: 'zz-deny-all', podSelector: {}, policyTypes: ['Ingress', 'Egress'] }));

/** Throws with a readable message on the first disagreement with the reference evaluator. */
function checkAgainstReference(c: GTieredCluster): void {
  const a = analyzeCluster(c);
  const problems = wellFormednessProblems(a);
  if (problems.length) throw new Error(`ill-formed analysis: ${problems.join('; ')}\n${tieredClusterYaml(c)}`);
  expect(workloadIds(a)).toEqual(c.workloads.map(workloadId).sort());
  expect(externalIds(a)).toEqual(tieredExternalRanges(c).map((e) => e.id).sort());
  const endpoints = referenceEndpoints(c);
  const probes = tieredProbePorts(c);
  const listed = new Map(a.connections.map((x) => [`${x.from} -> ${x.to}`, x.allowed]));
  for (const [sId, s] of endpoints) {
    for (const [dId, d] of endpoints) {
      if (sId === dId || (s.kind === 'external' && d.kind === 'external')) continue;
      const set = listed.get(`${sId} -> ${dId}`) ?? NONE;
      const ports = new Set(probes);
      // Also around the engine's own bounds, so that a stray bound cannot hide between probes.
      for (const p of PROTOS) {
        for (const [lo, hi] of set[p]) [lo - 1, lo, hi, hi + 1].forEach((n) => n >= 1 && n <= 65535 && ports.add(n));
      }
      for (const protocol of PROTOS) {
        for (const port of ports) {
          const want = tieredAllows(c, s, d, protocol, port);
          if (admits(set, protocol, port) !== want) {
            const engine = `engine ${!want}, reference ${want}; engine set ${JSON.stringify(set)}`;
            throw new Error(`${sId} -> ${dId} ${protocol}/${port}: ${engine}\n${tieredClusterYaml(c)}`);
          }
        }
      }
    }
  }
}

describe('the tiers against a reference evaluator written from the network-policy-api', () => {
  it('agree on every pair, protocol and sampled port of random clusters', () => {
    fc.assert(fc.property(tieredClusterArb(clusterArb, { dense: true }), checkAgainstReference), { numRuns: RUNS });
  });

  it('agree when NetworkPolicies isolate every pod in both directions (Baseline is never reached)', () => {
    const isolated = tieredClusterArb(clusterArb, { dense: true }).map((c) => ({ ...c, policies: [...c.policies, ...denyAll(c)] }));
    fc.assert(fc.property(isolated, checkAgainstReference), { numRuns: Math.ceil(RUNS / 4) });
  });

  it('are not vacuous: the generator writes every action of each tier, all of IPv4 and pods without an IP', () => {
    // Tallied on the reference, so a generator that stopped reaching a case would be noticed.
    const seen = new Set<string>();
    fc.assert(
      fc.property(tieredClusterArb(clusterArb), (c) => {
        for (const p of c.clusterPolicies) {
          for (const rule of [...p.ingress, ...p.egress]) seen.add(`${p.tier} ${rule.action}`);
          const peers = p.egress.flatMap((r) => r.peers);
          if (peers.some((peer) => 'networks' in peer && peer.networks.includes('0.0.0.0/0'))) seen.add('all IPv4');
        }
        if (c.workloads.some((w) => w.kind === 'Pod' && w.ip === undefined)) seen.add('pod without IP');
      }),
      { numRuns: 200, seed: 1 },
    );
    const actions = ['Admin Accept', 'Admin Deny', 'Admin Pass', 'Baseline Accept', 'Baseline Deny', 'Baseline Pass'];
    expect([...seen].sort()).toEqual([...actions, 'all IPv4', 'pod without IP'].sort());
  });
});

describe('explain() and footprints on random clusters with tiers', () => {
  it('explain() gives the listed connection for every pair, egress ∩ ingress, and answers queries by membership', () => {
    fc.assert(
      fc.property(tieredClusterArb(clusterArb), fc.constantFrom(...PROTOS), fc.constantFrom(53, 80, 81, 8080), (c, protocol, port) => {
        const a = analyzeCluster(c);
        for (const f of a.endpoints) {
          for (const t of a.endpoints) {
            if (f.id === t.id || (f.type === 'external' && t.type === 'external')) continue;
            const label = `${f.id} -> ${t.id}`;
            const e = explainPair(a, f.id, t.id)!;
            expect(e.allowed, label).toEqual(conn(a, f.id, t.id));
            expect(e.allowed, label).toEqual(intersect(e.egress.allowed, e.ingress.allowed));
            const queried = explainPair(a, f.id, t.id, { protocol, port })!;
            expect(queried.verdict, `${label} ${protocol}/${port}`).toBe(admits(e.allowed, protocol, port));
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('a footprint lists exactly the connections the policy accepts ports of, and the pairs it denies ports of', () => {
    fc.assert(
      fc.property(tieredClusterArb(clusterArb, { dense: true }), (c) => {
        const a = analyzeCluster(c);
        const expected = referenceFootprints(c);
        for (const policy of c.clusterPolicies) {
          const id = `${policy.kind}/${policy.name}`;
          const { accepts, denies } = expected.get(id)!;
          const f = footprint(a, id)!;
          const label = `${id}\n${tieredClusterYaml(c)}`;
          const accepted = a.connections.filter((x) => accepts.has(`${x.from} -> ${x.to}`));
          expect(f.connections, label).toEqual(accepted.map((x) => [x.from, x.to]));
          expect(f.denies!.map(([from, to]) => `${from} -> ${to}`).sort(), label).toEqual([...denies].sort());
        }
        // NetworkPolicies: only connections of the analysis, touching what they select.
        const listed = new Set(a.connections.map((x) => `${x.from} -> ${x.to}`));
        for (const summary of a.policies.filter((p) => p.ref.tier === 'networkPolicy')) {
          const f = footprint(a, summary.ref.id)!;
          expect(f.denies).toBeUndefined();
          for (const [from, to] of f.connections) {
            expect(listed.has(`${from} -> ${to}`) && (summary.selects.includes(from) || summary.selects.includes(to))).toBe(true);
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

/** A cluster-wide policy whose subject selects no pod: no generated namespace carries this label. */
const selectingNobody = (p: GClusterPolicy): GClusterPolicy => ({
  ...p,
  subject: { namespaces: { matchLabels: { 'never-generated': 'x' } } },
});

describe('cluster-wide policies that select no pod', () => {
  it('change nothing: the same endpoints, connections, isolation and explanations (ranges may only split)', () => {
    fc.assert(
      fc.property(tieredClusterArb(clusterArb), (c) => {
        const before = analyzeCluster({ ...c, clusterPolicies: [] });
        const after = analyzeCluster({ ...c, clusterPolicies: c.clusterPolicies.map(selectingNobody) });
        if (networksOf(c).length > 0) {
          // `networks` cut the address space like ipBlocks: compare each new range with the one it came from.
          for (const r of refinedPairs(before, after)) expect(r.after, r.label).toEqual(r.before);
          return;
        }
        expect(after.endpoints).toEqual(before.endpoints);
        expect(after.connections).toEqual(before.connections);
        expect([...after.isolation]).toEqual([...before.isolation]);
        const ids = before.endpoints.map((e) => e.id);
        for (const from of ids) {
          for (const to of ids) {
            if (from !== to) expect(explainPair(after, from, to), `${from} -> ${to}`).toEqual(explainPair(before, from, to));
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

/** A selector that matches exactly these labels (any others too: it is a matchLabels). */
const labelsSelector = (labels: Record<string, string>) => ({ matchLabels: labels });

/** The peer that names endpoint `ep`: its pods by namespace name and labels, or (an address) all of IPv4. */
function peerNaming(ep: OEndpoint): GClusterPeer {
  if (ep.kind === 'external') return { networks: ['0.0.0.0/0'] };
  return { pods: { namespaceSelector: labelsSelector({ [NAME_LABEL]: ep.w.ns }), podSelector: labelsSelector(ep.w.labels) } };
}

const subjectOf = (w: GWorkload) => ({
  pods: { namespaceSelector: labelsSelector({ [NAME_LABEL]: w.ns }), podSelector: labelsSelector(w.labels) },
});

describe('an Admin policy at priority 0 that decides everything of one side', () => {
  const arb = fc.record({
    c: tieredClusterArb(clusterArb),
    isolateAll: fc.boolean(),
    pair: fc.record({ from: fc.nat(), to: fc.nat() }),
    direction: fc.constantFrom<'ingress' | 'egress'>('ingress', 'egress'),
    action: fc.constantFrom<'Accept' | 'Deny'>('Accept', 'Deny'),
    kind: fc.constantFrom<GClusterKind>('ClusterNetworkPolicy', 'AdminNetworkPolicy'),
  });

  it('makes that side allow (Accept) or deny (Deny) every port, whatever the NetworkPolicies say', () => {
    fc.assert(
      fc.property(arb, ({ c: generated, isolateAll, pair, direction, action, kind }) => {
        const c = isolateAll ? { ...generated, policies: [...generated.policies, ...denyAll(generated)] } : generated;
        const endpoints = referenceEndpoints(c);
        const [fromId, from] = endpoints[pair.from % endpoints.length]!;
        const [toId, to] = endpoints[pair.to % endpoints.length]!;
        const subject = direction === 'egress' ? from : to;
        const peer = direction === 'egress' ? to : from;
        // The side must be a pod's; an ingress rule cannot name an address.
        fc.pre(fromId !== toId && subject.kind === 'workload' && (direction === 'egress' || peer.kind === 'workload'));
        if (subject.kind !== 'workload') return;
        const top: GClusterPolicy = {
          kind,
          // Before every generated policy of priority 0 (c0, c1, …) by name, too.
          name: 'a-top',
          tier: 'Admin',
          priority: 0,
          subject: subjectOf(subject.w),
          ingress: direction === 'ingress' ? [{ action, peers: [peerNaming(peer)] }] : [],
          egress: direction === 'egress' ? [{ action, peers: [peerNaming(peer)] }] : [],
        };
        const a = analyzeCluster({ ...c, clusterPolicies: [top, ...c.clusterPolicies] });
        const e = explainPair(a, fromId, toId)!;
        const side = direction === 'egress' ? e.egress : e.ingress;
        const other = direction === 'egress' ? e.ingress : e.egress;
        expect(side.allowed).toEqual(action === 'Accept' ? ALL : NONE);
        expect(conn(a, fromId, toId)).toEqual(action === 'Accept' ? other.allowed : NONE);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Grouping with cluster-wide policies in the mix

function analysisWithModel(c: GTieredCluster) {
  const model = parseManifests([{ file: 'c.yaml', text: tieredClusterYaml(c) }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { model, analysis: new Analyzer().update(model.resources) };
}

const sameLocation = (a: SourceLocation, b: SourceLocation) =>
  a.document === b.document && JSON.stringify(a.range) === JSON.stringify(b.range);

describe('grouping the pods of one owner, with cluster-wide policies', () => {
  it('never changes a pod-to-pod or pod-to-external verdict compared with every pod alone', () => {
    fc.assert(
      fc.property(tieredClusterArb(ownedClusterArb), (c) => {
        const grouped = analysisWithModel(c);
        const ownerless = c.workloads.filter((w) => w.kind === 'Pod').map(({ owner: _, ...w }) => w);
        const alone = analysisWithModel({ ...c, workloads: ownerless }).analysis;
        const holders = grouped.analysis.endpoints.filter((e): e is WorkloadEndpoint => e.type === 'workload');
        const holderOf = (location: SourceLocation) => holders.find((e) => e.locations.some((l) => sameLocation(l, location)))!.id;
        const pods = grouped.model.resources.workloads.filter((w) => w.kind === 'Pod');
        const endpointOf = new Map(pods.map((p) => [`${p.namespace}/${p.name}[Pod]`, holderOf(p.location)]));
        const externals = alone.endpoints.filter((e) => e.type === 'external').map((e) => e.id as string);
        for (const [p, pe] of endpointOf) {
          for (const [q, qe] of endpointOf) {
            if (pe !== qe) expect(conn(grouped.analysis, pe, qe), `${p} -> ${q}`).toEqual(conn(alone, p, q));
          }
          for (const e of externals) {
            expect(conn(grouped.analysis, pe, e), `${p} -> ${e}`).toEqual(conn(alone, p, e));
            expect(conn(grouped.analysis, e, pe), `${e} -> ${p}`).toEqual(conn(alone, e, p));
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Incremental analysis with cluster-wide policies in the mix

/** One editor session: one parser and one analyzer over successive texts. */
class Session {
  private readonly parser = new ManifestParser();
  readonly analyzer = new Analyzer();
  resources: ReturnType<ManifestParser['parse']>['resources'] | undefined;

  update(text: string): Analysis {
    const model = this.parser.parse([{ file: 'c.yaml', text }]);
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    this.resources = model.resources;
    return this.analyzer.update(model.resources);
  }
}

/** Everything an analysis reports, with every answer the analyzer gives about it. */
function reported(analyzer: Analyzer, a: Analysis) {
  const ids = a.endpoints.map((e) => e.id);
  const pairs = ids.flatMap((from) => ids.map((to): [EndpointId, EndpointId] => [from, to]));
  return {
    ...a,
    isolation: [...a.isolation],
    explanations: pairs.map(([from, to]) => analyzer.explain(from, to)),
    queried: pairs.map(([from, to]) => analyzer.explain(from, to, { protocol: 'UDP', port: 53 })),
    footprints: a.policies.map((p) => analyzer.footprint(p.ref.id)),
  };
}

const pick = <T,>(list: readonly T[]) => fc.nat({ max: Math.max(0, list.length - 1) });

/** One edit: a cluster-wide policy added, changed or removed, a NetworkPolicy likewise, or labels, ports or an IP. */
function editArb(c: GTieredCluster): fc.Arbitrary<GTieredCluster> {
  const names = nsNames(c);
  const unused = (prefix: string, taken: readonly { name: string }[]) =>
    Array.from({ length: taken.length + 1 }, (_, k) => `${prefix}${k}`).find((name) => !taken.some((p) => p.name === name))!;
  const edits: fc.Arbitrary<GTieredCluster>[] = [
    fc
      .constantFrom<GClusterKind>('ClusterNetworkPolicy', 'AdminNetworkPolicy')
      .chain((kind) => clusterPolicyArb(kind, unused('added', c.clusterPolicies)))
      .map((p) => ({ ...c, clusterPolicies: [...c.clusterPolicies, p] })),
    policyArb(names, unused('np-added', c.policies)).map((p) => ({ ...c, policies: [...c.policies, p] })),
    pick(c.namespaces).chain((i) =>
      labelsArb.map((labels) => ({ ...c, namespaces: c.namespaces.map((n, j) => (j === i ? { ...n, labels } : n)) })),
    ),
  ];
  if (c.clusterPolicies.length > 0) {
    edits.push(
      pick(c.clusterPolicies).chain((i) => {
        const { kind, name } = c.clusterPolicies[i]!;
        const replace = (p: GClusterPolicy) => ({ ...c, clusterPolicies: c.clusterPolicies.map((q, j) => (j === i ? p : q)) });
        return clusterPolicyArb(kind, name).map(replace);
      }),
      pick(c.clusterPolicies).map((i) => ({ ...c, clusterPolicies: c.clusterPolicies.filter((_, j) => j !== i) })),
      // Only the order of consultation changes.
      fc.tuple(pick(c.clusterPolicies), fc.constantFrom(0, 1, 2, 5)).map(([i, priority]) => ({
        ...c,
        // A BaselineAdminNetworkPolicy has no priority to change.
        clusterPolicies: c.clusterPolicies.map((p, j) => (j === i && p.kind !== 'BaselineAdminNetworkPolicy' ? { ...p, priority } : p)),
      })),
    );
  }
  if (c.policies.length > 0) edits.push(pick(c.policies).map((i) => ({ ...c, policies: c.policies.filter((_, j) => j !== i) })));
  const workload = (change: fc.Arbitrary<(w: GWorkload) => GWorkload>) =>
    fc.tuple(pick(c.workloads), change).map(([i, f]) => ({ ...c, workloads: c.workloads.map((w, j) => (j === i ? f(w) : w)) }));
  edits.push(
    // A controller's selector must stay non-empty: it keeps its labels when given none.
    workload(labelsArb.map((labels) => (w) => (w.kind !== 'Pod' && Object.keys(labels).length === 0 ? w : { ...w, labels }))),
    workload(containerPortsArb.map((ports) => (w) => ({ ...w, ports }))),
    workload(fc.option(fc.constantFrom(...IPS), { nil: undefined }).map((ip) => (w) => (w.kind === 'Pod' ? { ...w, ip } : w))),
  );
  return fc.oneof(...edits);
}

function revisionsArb(steps: number): fc.Arbitrary<GTieredCluster[]> {
  const more = (c: GTieredCluster, left: number): fc.Arbitrary<GTieredCluster[]> =>
    left === 0 ? fc.constant([c]) : editArb(c).chain((next) => more(next, left - 1).map((rest) => [c, ...rest]));
  return tieredClusterArb(fc.oneof(clusterArb, ownedClusterArb)).chain((c) => more(c, steps));
}

describe('incremental analysis with cluster-wide policies', () => {
  it('every revision equals a fresh analysis of the same resources, answers included', () => {
    fc.assert(
      fc.property(revisionsArb(4), (revisions) => {
        const session = new Session();
        for (const revision of revisions) {
          const analysis = session.update(tieredClusterDocs(revision).join('---\n'));
          const fresh = new Analyzer();
          expect(reported(session.analyzer, analysis)).toEqual(reported(fresh, fresh.update(session.resources!)));
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
