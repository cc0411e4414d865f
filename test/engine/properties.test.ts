/**
 * Property tests over random small clusters (1-3 namespaces, 1-5 workloads, 0-4 policies).
 *
 * The random structure (test/support/cluster.ts) is rendered to YAML and goes through
 * parseManifests + analyze, so the model is exercised too. Properties:
 * 0. differential: every pair, protocol and boundary port agrees with a naive reference
 *    evaluator written from the spec (test/support/oracle.ts); external endpoints are exactly
 *    the ranges the ipBlocks carve;
 * 1. a policy that selects no pod changes nothing (up to the splitting of external ranges);
 * 2. adding a rule to a policy that already isolates in that direction never removes a port;
 * 3. default-deny (both directions) everywhere leaves nothing; adding it never adds anything;
 *    with other policies on top the result is what those rules allow (checked by the oracle);
 * 4. document order does not matter;
 * 5. structural invariants: no self or external->external pairs; sets non-empty and canonical;
 * 6. explain() agrees with analyze() and with itself (allowed = egress ∩ ingress).
 * PROPERTY_RUNS overrides the number of runs (default 100).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Protocol } from '../../src/model/types';
import { ALL, ALL_V4, PROTOS, admits, analyzeYaml, conn, explainPair, externalIds, isEmpty, workloadIds, type ConnectionSet } from '../helpers';
import {
  clusterArb,
  clusterDocs,
  clusterYaml,
  policyArb,
  ruleArb,
  workloadId,
  type GCluster,
  type GPolicy,
} from '../support/cluster';
import { effectiveTypes, expectedExternalRanges, oracleAllows, probePorts, type OEndpoint } from '../support/oracle';
import { intersect, isSubset, refinedPairs, wellFormednessProblems } from '../support/compare';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const params = { numRuns: RUNS };

const analyzeCluster = (c: GCluster, order?: readonly number[]) => analyzeYaml(clusterYaml(c, order));
const nsNames = (c: GCluster) => c.namespaces.map((n) => n.name);

/** Default-deny in both directions for every namespace of the cluster. */
const denyAll = (c: GCluster): GPolicy[] =>
  nsNames(c).map((ns) => ({ ns, name: 'zz-deny-all', podSelector: {}, policyTypes: ['Ingress', 'Egress'] }));

/** Throws with a readable message on the first disagreement with the reference evaluator. */
function checkAgainstOracle(c: GCluster): void {
  const a = analyzeCluster(c);
  const problems = wellFormednessProblems(a);
  if (problems.length) throw new Error(`ill-formed analysis: ${problems.join('; ')}\n${clusterYaml(c)}`);
  expect(workloadIds(a)).toEqual(c.workloads.map(workloadId).sort());
  const ext = expectedExternalRanges(c);
  expect(externalIds(a)).toEqual(ext.map((e) => e.id).sort());

  const eps: [string, OEndpoint][] = [
    ...c.workloads.map((w): [string, OEndpoint] => [workloadId(w), { kind: 'workload', w }]),
    ...ext.map((e): [string, OEndpoint] => [e.id, { kind: 'external', addr: e.first }]),
  ];
  const probes = probePorts(c);
  for (const [sId, s] of eps) {
    for (const [dId, d] of eps) {
      if (sId === dId || (s.kind === 'external' && d.kind === 'external')) continue;
      const set = conn(a, sId, dId);
      const pts = new Set(probes);
      // Also probe around the engine's own boundaries, so a stray boundary cannot hide.
      for (const p of PROTOS) for (const [lo, hi] of set[p]) [lo - 1, lo, hi, hi + 1].forEach((n) => n >= 1 && n <= 65535 && pts.add(n));
      for (const proto of PROTOS) {
        for (const port of pts) {
          const want = oracleAllows(c, s, d, proto, port);
          if (admits(set, proto, port) !== want) {
            throw new Error(
              `${sId} -> ${dId} ${proto}/${port}: engine ${!want}, spec ${want}; engine set ${JSON.stringify(set)}\n${clusterYaml(c)}`,
            );
          }
        }
      }
    }
  }
}

describe('engine vs. a reference evaluator written from the spec', () => {
  it('agrees on every pair, protocol and boundary port of random clusters', () => {
    fc.assert(fc.property(clusterArb, checkAgainstOracle), params);
  });

  it('agrees when default-deny-all is added in every namespace (only other rules allow)', () => {
    fc.assert(
      fc.property(clusterArb, (c) => checkAgainstOracle({ ...c, policies: [...c.policies, ...denyAll(c)] })),
      params,
    );
  });
});

describe('invariants', () => {
  it('a policy selecting no pod changes nothing (external ranges may only split)', () => {
    const arb = clusterArb.chain((c) =>
      policyArb(nsNames(c), 'selects-nobody').map((p) => ({
        c,
        p: { ...p, podSelector: { matchLabels: { 'never-generated': 'x' } } },
      })),
    );
    fc.assert(
      fc.property(arb, ({ c, p }) => {
        const before = analyzeCluster(c);
        const after = analyzeCluster({ ...c, policies: [...c.policies, p] });
        expect(workloadIds(after)).toEqual(workloadIds(before));
        for (const r of refinedPairs(before, after)) expect(r.after, r.label).toEqual(r.before);
      }),
      params,
    );
  });

  it('adding a rule to a policy already isolating in that direction never removes a port', () => {
    const arb = fc.record({
      c: clusterArb,
      pick: fc.nat(),
      dir: fc.constantFrom<'Ingress' | 'Egress'>('Ingress', 'Egress'),
      rule: ruleArb,
    });
    fc.assert(
      fc.property(arb, ({ c, pick, dir, rule }) => {
        // Eligible: the direction is already in effect, and adding the rule cannot change the
        // policy's types (an egress rule on a policy without policyTypes and with no egress
        // rules would ADD egress isolation).
        const eligible = c.policies.filter((p) => effectiveTypes(p).includes(dir));
        fc.pre(eligible.length > 0);
        const target = eligible[pick % eligible.length]!;
        const key = dir === 'Ingress' ? 'ingress' : 'egress';
        const grown: GPolicy = { ...target, [key]: [...(target[key] ?? []), rule] };
        const before = analyzeCluster(c);
        const after = analyzeCluster({ ...c, policies: c.policies.map((p) => (p === target ? grown : p)) });
        for (const r of refinedPairs(before, after)) {
          expect(isSubset(r.before, r.after), `${r.label}: ${JSON.stringify(r.before)} ⊄ ${JSON.stringify(r.after)}`).toBe(true);
        }
      }),
      params,
    );
  });

  it('default-deny-all in every namespace and nothing else: no connection at all', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        const a = analyzeCluster({ ...c, policies: denyAll(c) });
        expect(a.connections).toEqual([]);
      }),
      params,
    );
  });

  it('adding default-deny-all never adds a connection or a port', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        const before = analyzeCluster(c);
        const after = analyzeCluster({ ...c, policies: [...c.policies, ...denyAll(c)] });
        for (const r of refinedPairs(before, after)) {
          expect(isSubset(r.after, r.before), `${r.label} grew`).toBe(true);
        }
      }),
      params,
    );
  });

  it('document order does not matter', () => {
    const arb = clusterArb.chain((c) => {
      const idx = clusterDocs(c).map((_, i) => i);
      return fc.shuffledSubarray(idx, { minLength: idx.length, maxLength: idx.length }).map((order) => ({ c, order }));
    });
    const norm = (a: ReturnType<typeof analyzeCluster>) => ({
      endpoints: a.endpoints.map((e) => e.id as string).sort(),
      namespaces: a.namespaces.map((n) => `${n.name}:${JSON.stringify(Object.entries(n.labels).sort())}`).sort(),
      connections: a.connections.map((x) => `${x.from} -> ${x.to} ${JSON.stringify(x.allowed)}`).sort(),
    });
    fc.assert(
      fc.property(arb, ({ c, order }) => {
        expect(norm(analyzeCluster(c, order))).toEqual(norm(analyzeCluster(c)));
      }),
      params,
    );
  });

  it('connections are well-formed: no self or external pairs, non-empty canonical sets', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        expect(wellFormednessProblems(analyzeCluster(c))).toEqual([]);
      }),
      params,
    );
  });
});

describe('port sets', () => {
  it('the ports of a rule become exactly their canonical union (overlaps and neighbours merged)', () => {
    // Small ports close together, so overlapping and adjacent ranges are frequent.
    const entryArb = fc.record({ protocol: fc.constantFrom<Protocol>('TCP', 'UDP'), port: fc.integer({ min: 1, max: 10 }), len: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 6 }), (entries) => {
        const ports = entries.map((e) => `{protocol: ${e.protocol}, port: ${e.port}${e.len ? `, endPort: ${e.port + e.len}` : ''}}`);
        const a = analyzeYaml(`apiVersion: v1
kind: Pod
metadata: {name: a, namespace: x}
spec: {containers: [{name: main, image: nginx}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: x}
spec:
  podSelector: {}
  ingress: [{ports: [${ports.join(', ')}]}]
`);
        // Expected: walk the points 1..14 and cut maximal runs.
        const expected = { TCP: [] as [number, number][], UDP: [] as [number, number][], SCTP: [] as [number, number][] };
        for (const proto of ['TCP', 'UDP'] as const) {
          for (let n = 1; n <= 14; n++) {
            if (!entries.some((e) => e.protocol === proto && e.port <= n && n <= e.port + e.len)) continue;
            const last = expected[proto].at(-1);
            if (last && last[1] === n - 1) last[1] = n;
            else expected[proto].push([n, n]);
          }
        }
        expect(conn(a, ALL_V4, 'x/a[Pod]')).toEqual(expected);
      }),
      params,
    );
  });
});

describe('explain() on random clusters', () => {
  const queryArb = fc.record({ proto: fc.constantFrom<Protocol>(...PROTOS), port: fc.constantFrom(1, 53, 80, 81, 443, 5353, 8080, 65535) });

  it('agrees with analyze(); allowed = egress ∩ ingress; a query is answered by membership', () => {
    fc.assert(
      fc.property(clusterArb, queryArb, (c, q) => {
        const a = analyzeCluster(c);
        for (const f of a.endpoints) {
          for (const t of a.endpoints) {
            if (f.id === t.id || (f.type === 'external' && t.type === 'external')) continue;
            const e = explainPair(a, f.id, t.id)!;
            const label = `${f.id} -> ${t.id}`;
            const listed: ConnectionSet = conn(a, f.id, t.id);
            expect(e.allowed, label).toEqual(listed);
            expect(e.allowed, label).toEqual(intersect(e.egress.allowed, e.ingress.allowed));
            expect(e.verdict, label).toBe(!isEmpty(listed));
            for (const side of [e.egress, e.ingress]) {
              const ep = side.direction === 'egress' ? f : t;
              expect(side.subjectToPolicies, `${label} ${side.direction}`).toBe(ep.type === 'workload');
              if (side.isolatedBy.length === 0) expect(side.allowed, `${label} ${side.direction} not isolated`).toEqual(ALL);
              for (const r of side.rules) expect(isSubset(r.allowed, side.allowed), `${label} rule ⊄ side`).toBe(true);
            }
            const eq = explainPair(a, f.id, t.id, { protocol: q.proto, port: q.port })!;
            expect(eq.verdict, `${label} ${q.proto}/${q.port}`).toBe(admits(listed, q.proto, q.port));
          }
        }
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 4)) },
    );
  });
});
