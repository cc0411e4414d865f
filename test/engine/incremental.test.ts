/**
 * The Analyzer reuses the previous revision's work. Whatever it reuses, each revision's analysis
 * must equal a fresh `analyze()` of the same resources; and what did not change must keep its
 * identity (that is what makes typing fast, so losing it is a regression too).
 *
 * Revisions are built as the editor builds them: each object is its own document, parsed once
 * and cached by text, so an unchanged object is the same resource object in the next revision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { Analyzer } from '../../src/engine/analyzer';
import { sameItems } from '../../src/engine/same-data';
import { Placements, combine, parseDocument, parseManifests, splitDocuments } from '../../src/model';
import type { ParsedDocument } from '../../src/model';
import type { ClusterResources } from '../../src/model/types';
import type { Analysis } from '../helpers';
import {
  IPS,
  clusterArb,
  clusterDocs,
  containerPortsArb,
  labelsArb,
  policyArb,
  type GCluster,
} from '../support/cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

/** Resources of the documents, each parsed once per text (unchanged text → same objects). */
class DocumentCache {
  private readonly parsed = new Map<string, ClusterResources>();

  resources(docs: readonly string[]): ClusterResources {
    const parts = docs.map((doc) => {
      let resources = this.parsed.get(doc);
      if (!resources) {
        const result = parseManifests([{ file: 'c.yaml', text: doc }]);
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        resources = result.resources;
        this.parsed.set(doc, resources);
      }
      return resources;
    });
    return {
      namespaces: parts.flatMap((p) => p.namespaces),
      workloads: parts.flatMap((p) => p.workloads),
      policies: parts.flatMap((p) => p.policies),
    };
  }
}

/**
 * Resources of a stream of documents as the editor's session reads them: split, each document
 * parsed once per text, placed with one `Placements`. Comment lines put before document `at`
 * move every later document down, as typing Enter above them does.
 */
class StreamCache {
  private parsed = new Map<string, ParsedDocument>();
  private readonly placements = new Placements();

  resources(docs: readonly string[], pad: { readonly at: number; readonly lines: number }): ClusterResources {
    const text = docs.map((doc, i) => (i === pad.at ? '# moved\n'.repeat(pad.lines) : '') + doc).join('---\n');
    const next = new Map<string, ParsedDocument>();
    const placed = splitDocuments(text).map((d) => {
      const parsed = next.get(d.text) ?? this.parsed.get(d.text) ?? parseDocument(d.text);
      next.set(d.text, parsed);
      return { file: 'c.yaml', startLine: d.startLine, parsed };
    });
    this.parsed = next;
    const result = combine(placed, this.placements);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return result.resources;
  }
}

/** Everything an analysis reports, as plain data, with the provenance explanations show. */
const reported = (a: Analysis) => ({
  rules: a.tables.policies.flatMap((m) =>
    // The peers each rule matched (explanations and footprints read them), not only its ref.
    [...(m.ingress ?? []), ...(m.egress ?? [])].map(({ rule, matchesAll, peers }) => ({
      ref: rule.ref,
      named: rule.namedPorts,
      peers: matchesAll ? 'all' : peers,
    })),
  ),
  isolating: [a.tables.ingressIsolation, a.tables.egressIsolation].map((side) => side.map((ms) => ms.map((m) => m.policy.ref.id))),
  namespaces: a.namespaces,
  endpoints: a.endpoints,
  connections: a.connections,
  policies: a.policies,
  isolation: [...a.isolation],
  diagnostics: a.diagnostics,
});

const pick = <T,>(list: readonly T[]) => fc.nat({ max: Math.max(0, list.length - 1) });

/** One edit of the kinds a person makes: a policy, a workload's labels/ports/IP, a namespace's labels. */
function editArb(c: GCluster): fc.Arbitrary<GCluster> {
  const names = c.namespaces.map((n) => n.name);
  const taken = new Set(c.policies.map((p) => p.name));
  const fresh = Array.from({ length: taken.size + 1 }, (_, k) => `added${k}`).find((name) => !taken.has(name))!;
  const edits: fc.Arbitrary<GCluster>[] = [
    policyArb(names, fresh).map((p) => ({ ...c, policies: [...c.policies, p] })),
    pick(c.namespaces).chain((i) =>
      labelsArb.map((labels) => ({ ...c, namespaces: c.namespaces.map((n, j) => (j === i ? { ...n, labels } : n)) })),
    ),
  ];
  if (c.policies.length > 0) {
    edits.push(
      pick(c.policies).chain((i) =>
        policyArb(names, c.policies[i]!.name).map((p) => ({ ...c, policies: c.policies.map((q, j) => (j === i ? p : q)) })),
      ),
      pick(c.policies).map((i) => ({ ...c, policies: c.policies.filter((_, j) => j !== i) })),
    );
  }
  const workload = (change: fc.Arbitrary<(w: GCluster['workloads'][number]) => GCluster['workloads'][number]>) =>
    fc.tuple(pick(c.workloads), change).map(([i, f]) => ({ ...c, workloads: c.workloads.map((w, j) => (j === i ? f(w) : w)) }));
  edits.push(
    // A Deployment's selector must stay non-empty: it keeps its labels when given none.
    workload(labelsArb.map((labels) => (w) => (w.kind === 'Deployment' && Object.keys(labels).length === 0 ? w : { ...w, labels }))),
    workload(containerPortsArb.map((ports) => (w) => ({ ...w, ports }))),
    workload(fc.option(fc.constantFrom(...IPS), { nil: undefined }).map((ip) => (w) => (w.kind === 'Pod' ? { ...w, ip } : w))),
  );
  if (c.workloads.length > 1) edits.push(pick(c.workloads).map((i) => ({ ...c, workloads: c.workloads.filter((_, j) => j !== i) })));
  return fc.oneof(...edits);
}

/** A cluster and `steps` successive edits of it. */
function revisionsArb(steps: number): fc.Arbitrary<GCluster[]> {
  const more = (c: GCluster, left: number): fc.Arbitrary<GCluster[]> =>
    left === 0 ? fc.constant([c]) : editArb(c).chain((next) => more(next, left - 1).map((rest) => [c, ...rest]));
  return clusterArb.chain((c) => more(c, steps));
}

describe('incremental analysis', () => {
  it('every revision equals a fresh analysis of the same resources', () => {
    fc.assert(
      fc.property(revisionsArb(4), (revisions) => {
        const cache = new DocumentCache();
        const analyzer = new Analyzer();
        for (const revision of revisions) {
          const resources = cache.resources(clusterDocs(revision));
          expect(reported(analyzer.update(resources))).toEqual(reported(analyze(resources)));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every revision equals a fresh analysis, also when edits move documents down or up', () => {
    const padArb = fc.record({ at: fc.nat({ max: 12 }), lines: fc.nat({ max: 2 }) });
    fc.assert(
      fc.property(revisionsArb(4), fc.array(padArb, { minLength: 5, maxLength: 5 }), (revisions, pads) => {
        const stream = new StreamCache();
        const analyzer = new Analyzer();
        revisions.forEach((revision, i) => {
          const resources = stream.resources(clusterDocs(revision), pads[i]!);
          expect(reported(analyzer.update(resources))).toEqual(reported(analyze(resources)));
        });
        // The same cluster again, only moved: still equal.
        const last = revisions.at(-1)!;
        const resources = stream.resources(clusterDocs(last), { at: 0, lines: 3 });
        expect(reported(analyzer.update(resources))).toEqual(reported(analyze(resources)));
      }),
      { numRuns: RUNS },
    );
  });

  it('a policy that only moved keeps its connections, with its rules at their new lines', () => {
    const stream = new StreamCache();
    const pod = (name: string, app: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: a, labels: {app: ${app}}}\nspec: {containers: [{name: c, image: i}]}\n`;
    const policy =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: a}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress: [{ports: [{port: 80}]}]\n';
    const docs = [pod('web', 'web'), pod('api', 'api'), policy];
    const analyzer = new Analyzer();
    const before = analyzer.update(stream.resources(docs, { at: 0, lines: 0 }));
    const after = analyzer.update(stream.resources(docs, { at: 0, lines: 2 }));
    expect(after.connections.length).toBeGreaterThan(0);
    expect(sameItems(after.connections, before.connections)).toBe(true);
    const line = (a: Analysis) => a.tables.policies[0]!.ingress![0]!.rule.ref.location.range.startLine;
    expect(line(after)).toBe(line(before) + 2);
    expect(after.policies[0]!.ref.location.range.startLine).toBe(before.policies[0]!.ref.location.range.startLine + 2);
  });

  it('an unchanged revision hands back the previous results themselves', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        const cache = new DocumentCache();
        const analyzer = new Analyzer();
        const first = analyzer.update(cache.resources(clusterDocs(c)));
        const second = analyzer.update(cache.resources(clusterDocs(c)));
        expect(sameItems(second.endpoints, first.endpoints)).toBe(true);
        expect(sameItems(second.connections, first.connections)).toBe(true);
        expect(sameItems(second.policies, first.policies)).toBe(true);
        expect(sameItems(second.tables.policies, first.tables.policies)).toBe(true);
        expect([...second.isolation].every(([id, entry]) => first.isolation.get(id) === entry)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('editing one policy keeps the connections it does not take part in', () => {
    const cache = new DocumentCache();
    const pod = (ns: string, name: string, app: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: {app: ${app}}}\nspec: {containers: [{name: c, image: i}]}\n`;
    const web = (port: number) =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: a}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress: [{ports: [{port: ${port}}]}]\n`;
    const docs = (port: number) => [pod('a', 'web', 'web'), pod('a', 'api', 'api'), pod('b', 'db', 'db'), web(port)];
    const analyzer = new Analyzer();
    const before = analyzer.update(cache.resources(docs(80)));
    const after = analyzer.update(cache.resources(docs(8080)));
    const untouched = (a: Analysis) => a.connections.filter((c) => c.to !== 'a/web[Pod]');
    expect(untouched(after).length).toBeGreaterThan(0);
    expect(sameItems(untouched(after), untouched(before))).toBe(true);
    const toWeb = after.connections.filter((c) => c.to === 'a/web[Pod]');
    expect(toWeb.map((c) => [c.from, c.allowed.TCP])).toEqual(
      ['a/api[Pod]', 'b/db[Pod]', '0.0.0.0-255.255.255.255'].map((from) => [from, [[8080, 8080]]]),
    );
  });

  it('a workload whose named port changes is re-resolved on both sides, with its diagnostics', () => {
    const cache = new DocumentCache();
    const web = (ports: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: a, labels: {app: web}}\nspec: {containers: [{name: c, image: i${ports}}]}\n`;
    const client = 'apiVersion: v1\nkind: Pod\nmetadata: {name: client, namespace: a, labels: {app: client}}\nspec: {containers: [{name: c, image: i}]}\n';
    const policy = (name: string, app: string, direction: 'ingress' | 'egress') =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: a}\nspec:\n  podSelector: {matchLabels: {app: ${app}}}\n  policyTypes: [${direction === 'ingress' ? 'Ingress' : 'Egress'}]\n  ${direction}: [{ports: [{port: http}]}]\n`;
    const docs = (ports: string) => [web(ports), client, policy('in', 'web', 'ingress'), policy('out', 'client', 'egress')];
    const analyzer = new Analyzer();
    const revisions = [', ports: [{name: http, containerPort: 80}]', ', ports: [{name: http, containerPort: 8080}]', ''];
    const seen = revisions.map((ports) => {
      const resources = cache.resources(docs(ports));
      const analysis = analyzer.update(resources);
      expect(reported(analysis)).toEqual(reported(analyze(resources)));
      return analysis;
    });
    const clientToWeb = (a: Analysis) => a.connections.find((c) => c.from === 'a/client[Pod]' && c.to === 'a/web[Pod]')?.allowed.TCP;
    expect(seen.map(clientToWeb)).toEqual([[[80, 80]], [[8080, 8080]], undefined]);
    expect(seen.map((a) => a.diagnostics.filter((d) => d.code === 'named-port-unresolved').length)).toEqual([0, 0, 2]);
  });
});
