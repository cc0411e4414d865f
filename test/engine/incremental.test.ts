/**
 * The Analyzer reuses the previous revision's work. Whatever it reuses, each revision's analysis
 * must equal a fresh analysis of the same resources, and so must every answer it gives about it
 * (explanations of every pair, footprints of every policy: they walk the match tables). What did
 * not change must keep its identity (that is what makes typing fast, so losing it is a regression
 * too).
 *
 * Revisions are read as the editor reads them: one text, parsed by one ManifestParser, so a
 * document whose text is unchanged gives the same resource objects, wherever it moved. Between
 * revisions the documents also move (comment lines typed above them), merge (several objects
 * written as one `kind: List` document) and split again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/engine/analyzer';
import { sameItems } from '../../src/engine/same-data';
import { ManifestParser, locator, type ModelResult } from '../../src/model';
import type { Analysis, EndpointId } from '../../src/engine/types';
import {
  IPS,
  clusterArb,
  clusterDocs,
  containerPortsArb,
  labelsArb,
  ownedClusterArb,
  policyArb,
  type GCluster,
  type GOwner,
} from '../support/cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

/** Where a revision's documents sit: comment lines before document `at`; `lists[i]`: document i shares a List with i+1. */
interface Arrangement {
  readonly pad: { readonly at: number; readonly lines: number };
  readonly lists: readonly boolean[];
}

const PLAIN: Arrangement = { pad: { at: 0, lines: 0 }, lists: [] };

const arrangementArb: fc.Arbitrary<Arrangement> = fc.record({
  pad: fc.record({ at: fc.nat({ max: 12 }), lines: fc.nat({ max: 2 }) }),
  lists: fc.array(fc.boolean(), { maxLength: 14 }),
});

/** The documents as one `kind: List` holding them as items. */
function asList(docs: readonly string[]): string {
  const item = (doc: string) =>
    doc
      .trimEnd()
      .split('\n')
      .map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
      .join('\n');
  return `apiVersion: v1\nkind: List\nitems:\n${docs.map(item).join('\n')}\n`;
}

/** The text of `docs` arranged: runs of documents merged into Lists, comment lines moving the rest down. */
function streamOf(docs: readonly string[], { pad, lists }: Arrangement): string {
  const parts: string[] = [];
  for (let i = 0; i < docs.length; ) {
    let end = i + 1;
    while (end < docs.length && lists[end - 1]) end++;
    const run = docs.slice(i, end);
    const padding = pad.at >= i && pad.at < end ? '# moved\n'.repeat(pad.lines) : '';
    parts.push(padding + (run.length === 1 ? run[0]! : asList(run)));
    i = end;
  }
  return parts.join('---\n');
}

/** One editor session's view: one parser and one analyzer over successive texts. */
class Session {
  private readonly parser = new ManifestParser();
  readonly analyzer = new Analyzer();
  model: ModelResult | undefined;

  update(text: string): Analysis {
    this.model = this.parser.parse([{ file: 'c.yaml', text }]);
    expect(this.model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return this.analyzer.update(this.model.resources);
  }
}

/** Everything an analysis reports, as plain data, with every answer the analyzer gives about it. */
function reported(analyzer: Analyzer, a: Analysis) {
  const ids = a.endpoints.map((e) => e.id);
  return {
    ...a,
    isolation: [...a.isolation],
    explanations: ids.flatMap((from) => ids.map((to) => analyzer.explain(from, to))),
    queried: ids.flatMap((from) => ids.map((to) => analyzer.explain(from, to, { protocol: 'TCP', port: 80 }))),
    footprints: a.policies.map((p) => analyzer.footprint(p.ref.id)),
  };
}

/** Every item of `next` is the object `previous` had: nothing downstream needs to look again. */
function expectSameObjects(next: Analysis, previous: Analysis): void {
  for (const list of ['namespaces', 'endpoints', 'connections', 'policies', 'diagnostics'] as const) {
    expect(sameItems<unknown>(next[list], previous[list]), list).toBe(true);
  }
  expect([...next.isolation].every(([id, entry]) => previous.isolation.get(id) === entry)).toBe(true);
}

/** `session`'s latest analysis equals a fresh one of the same resources, answers included. */
function expectFresh(session: Session, analysis: Analysis): void {
  const fresh = new Analyzer();
  const again = fresh.update(session.model!.resources);
  expect(reported(session.analyzer, analysis)).toEqual(reported(fresh, again));
}

/** Clusters of bare pods and Deployments, or of pods grouped by their owners. */
const anyClusterArb = fc.oneof(clusterArb, ownedClusterArb);

const pick = <T,>(list: readonly T[]) => fc.nat({ max: Math.max(0, list.length - 1) });

/**
 * One edit of the kinds a person makes: a policy, a workload's labels/ports/IP/owner, a namespace's
 * labels. On clusters of owned pods these split groups into pods and join them again.
 */
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
    // A controller's selector must stay non-empty: it keeps its labels when given none.
    workload(labelsArb.map((labels) => (w) => (w.kind !== 'Pod' && Object.keys(labels).length === 0 ? w : { ...w, labels }))),
    workload(containerPortsArb.map((ports) => (w) => ({ ...w, ports }))),
    workload(fc.option(fc.constantFrom(...IPS), { nil: undefined }).map((ip) => (w) => (w.kind === 'Pod' ? { ...w, ip } : w))),
    workload(
      fc
        .option(fc.constantFrom<GOwner>({ kind: 'StatefulSet', name: 'web' }, { kind: 'ReplicaSet', name: 'db' }), { nil: undefined })
        .map((owner) => (w) => {
          if (w.kind !== 'Pod') return w;
          const { owner: _, ...alone } = w;
          return owner ? { ...alone, owner } : alone;
        }),
    ),
  );
  if (c.workloads.length > 1) edits.push(pick(c.workloads).map((i) => ({ ...c, workloads: c.workloads.filter((_, j) => j !== i) })));
  return fc.oneof(...edits);
}

/** A cluster and `steps` successive edits of it. */
function revisionsArb(steps: number): fc.Arbitrary<GCluster[]> {
  const more = (c: GCluster, left: number): fc.Arbitrary<GCluster[]> =>
    left === 0 ? fc.constant([c]) : editArb(c).chain((next) => more(next, left - 1).map((rest) => [c, ...rest]));
  return anyClusterArb.chain((c) => more(c, steps));
}

describe('incremental analysis', () => {
  it('every revision equals a fresh analysis of the same resources', () => {
    fc.assert(
      fc.property(revisionsArb(4), (revisions) => {
        const session = new Session();
        for (const revision of revisions) expectFresh(session, session.update(streamOf(clusterDocs(revision), PLAIN)));
      }),
      { numRuns: RUNS },
    );
  });

  it('every revision equals a fresh analysis, also when edits move, merge and split documents', () => {
    fc.assert(
      fc.property(revisionsArb(4), fc.array(arrangementArb, { minLength: 5, maxLength: 5 }), (revisions, arrangements) => {
        const session = new Session();
        revisions.forEach((revision, i) => expectFresh(session, session.update(streamOf(clusterDocs(revision), arrangements[i]!))));
        // The same cluster again, only rearranged: still equal.
        expectFresh(session, session.update(streamOf(clusterDocs(revisions.at(-1)!), { pad: { at: 0, lines: 3 }, lists: [] })));
      }),
      { numRuns: RUNS },
    );
  });

  it('a revision that only moves documents changes nothing: every resource and result is the previous object', () => {
    // Lines typed into a first document that holds no resource (a ConfigMap) move all the others.
    const configMap = (lines: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes}\ndata:\n${Array.from({ length: lines + 1 }, (_, i) => `  k${i}: v\n`).join('')}`;
    fc.assert(
      fc.property(anyClusterArb, fc.integer({ min: 1, max: 3 }), (c, lines) => {
        const docs = clusterDocs(c);
        const session = new Session();
        const before = session.update(streamOf([configMap(0), ...docs], PLAIN));
        const resources = session.model!.resources;
        const moved = session.update(streamOf([configMap(lines), ...docs], PLAIN));
        for (const kind of ['namespaces', 'workloads', 'policies'] as const) {
          expect(sameItems<unknown>(session.model!.resources[kind], resources[kind]), kind).toBe(true);
        }
        expectSameObjects(moved, before);
      }),
      { numRuns: RUNS },
    );
  });

  it('a policy that only moved keeps its locations; the layout places it at its new lines', () => {
    const pod = (name: string, app: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: a, labels: {app: ${app}}}\nspec: {containers: [{name: c, image: i}]}\n`;
    const policy =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: a}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress: [{ports: [{port: 80}]}]\n';
    const docs = [pod('web', 'web'), pod('api', 'api'), policy];
    const session = new Session();
    const before = session.update(streamOf(docs, PLAIN));
    const ruleLine = () => {
      const rule = session.analyzer.explain('a/api[Pod]' as EndpointId, 'a/web[Pod]' as EndpointId)!.ingress.rules[0]!.rule;
      return locator(session.model!.documents)(rule.location).range.startLine;
    };
    const lineBefore = ruleLine();
    const after = session.update(streamOf(docs, { pad: { at: 0, lines: 2 }, lists: [] }));
    expect(after.connections.length).toBeGreaterThan(0);
    expect(sameItems(after.connections, before.connections)).toBe(true);
    expect(after.policies[0]).toBe(before.policies[0]);
    expect(ruleLine()).toBe(lineBefore + 2);
  });

  it('an unchanged revision hands back the previous results themselves', () => {
    fc.assert(
      fc.property(anyClusterArb, (c) => {
        const session = new Session();
        const first = session.update(streamOf(clusterDocs(c), PLAIN));
        expectSameObjects(session.update(streamOf(clusterDocs(c), PLAIN)), first);
      }),
      { numRuns: RUNS },
    );
  });

  it('editing one policy keeps the connections it does not take part in', () => {
    const pod = (ns: string, name: string, app: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: {app: ${app}}}\nspec: {containers: [{name: c, image: i}]}\n`;
    const web = (port: number) =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: a}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress: [{ports: [{port: ${port}}]}]\n`;
    const docs = (port: number) => [pod('a', 'web', 'web'), pod('a', 'api', 'api'), pod('b', 'db', 'db'), web(port)];
    const session = new Session();
    const before = session.update(streamOf(docs(80), PLAIN));
    const after = session.update(streamOf(docs(8080), PLAIN));
    const untouched = (a: Analysis) => a.connections.filter((c) => c.to !== 'a/web[Pod]');
    expect(untouched(after).length).toBeGreaterThan(0);
    expect(sameItems(untouched(after), untouched(before))).toBe(true);
    const toWeb = after.connections.filter((c) => c.to === 'a/web[Pod]');
    expect(toWeb.map((c) => [c.from, c.allowed.TCP])).toEqual(
      ['a/api[Pod]', 'b/db[Pod]', '0.0.0.0-255.255.255.255'].map((from) => [from, [[8080, 8080]]]),
    );
  });

  it('a workload whose named port changes is re-resolved on both sides, with its diagnostics', () => {
    const web = (ports: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: a, labels: {app: web}}\nspec: {containers: [{name: c, image: i${ports}}]}\n`;
    const client = 'apiVersion: v1\nkind: Pod\nmetadata: {name: client, namespace: a, labels: {app: client}}\nspec: {containers: [{name: c, image: i}]}\n';
    const policy = (name: string, app: string, direction: 'ingress' | 'egress') =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: a}\nspec:\n  podSelector: {matchLabels: {app: ${app}}}\n  policyTypes: [${direction === 'ingress' ? 'Ingress' : 'Egress'}]\n  ${direction}: [{ports: [{port: http}]}]\n`;
    const docs = (ports: string) => [web(ports), client, policy('in', 'web', 'ingress'), policy('out', 'client', 'egress')];
    const session = new Session();
    const revisions = [', ports: [{name: http, containerPort: 80}]', ', ports: [{name: http, containerPort: 8080}]', ''];
    const seen = revisions.map((ports) => {
      const analysis = session.update(streamOf(docs(ports), PLAIN));
      expectFresh(session, analysis);
      return analysis;
    });
    const clientToWeb = (a: Analysis) => a.connections.find((c) => c.from === 'a/client[Pod]' && c.to === 'a/web[Pod]')?.allowed.TCP;
    expect(seen.map(clientToWeb)).toEqual([[[80, 80]], [[8080, 8080]], undefined]);
    expect(seen.map((a) => a.diagnostics.filter((d) => d.code === 'named-port-unresolved').length)).toEqual([0, 0, 2]);
  });
});
