/**
 * The picture says exactly what the engine says. Every graph the app draws is read back with the
 * legend's rules (test/support/flow-decode.ts) and compared with the engine's connectivity:
 * nothing missing, nothing extra, no pair claimed twice, no id used twice. Random clusters with
 * hubs, carved IPv4 and IPv6 ranges and many namespaces, drawn with bundling thresholds low enough
 * that bundles form; generated microservice clusters with the app's own threshold; edits drawn
 * through the same cache, as the app draws successive revisions; with namespaces collapsed (all,
 * some, or as the graph's size chooses) and in the focus view of any node, either way. The panels
 * that summarise (what a node reaches and is reached by, a bundle's members, whom a policy lets in
 * or out) read back too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import type { Analysis, EndpointId } from '../../src/engine/types';
import { parseManifests } from '../../src/model';
import { collapsedNamespaces } from '../../src/store/graphView';
import type { FocusDirection, NamespaceChoice } from '../../src/store/types';
import { createFlowCache, toFlow, type FlowCache } from '../../src/ui/graph/toFlow';
import { generateCluster } from '../../bench/generate-cluster';
import { bundlePeers, peerList, reachRows } from '../../src/ui/panels/peers';
import {
  allowedViewDifferences,
  deniedViewDifferences,
  focusViewDifferences,
  peerRowsDifferences,
  readPeerName,
} from '../support/flow-decode';
import { shownModel } from '../support/shown-model';
import { graphClusterArb, namespaceChoiceArb } from '../support/graph-cluster';
import { shopCluster } from '../support/shop-cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

function analysisOf(text: string): Analysis {
  const { resources, diagnostics } = parseManifests([{ file: 'c.yaml', text }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return analyze(resources);
}

const shown = shownModel;

/** The namespaces the app draws collapsed for this view (null: as the graph's size chooses). */
const collapsedFor = (analysis: Analysis, namespaces: NamespaceChoice | null, deniedFor: EndpointId | null = null) =>
  collapsedNamespaces({ namespaces, deniedFor, focus: null }, analysis);

function expectExact(analysis: Analysis, hubLimit?: number, cache?: FlowCache, collapsed?: ReadonlySet<string>): void {
  const model = toFlow(analysis, { deniedFor: null, hubLimit, collapsed }, cache);
  expect(allowedViewDifferences(shown(model), analysis)).toEqual([]);
}

function expectExactDenied(analysis: Analysis, subject: EndpointId, hubLimit?: number, namespaces: NamespaceChoice | null = null): void {
  const model = toFlow(analysis, { deniedFor: subject, hubLimit, collapsed: collapsedFor(analysis, namespaces, subject) });
  expect(deniedViewDifferences(shown(model), analysis, subject)).toEqual([]);
}

describe('the graph reads back as the engine says', () => {
  it('on random clusters: the allowed view, bundled or not, and the denied view of every endpoint', () => {
    fc.assert(
      fc.property(graphClusterArb, fc.constantFrom(1, 2, 3, 24), (text, hubLimit) => {
        const analysis = analysisOf(text);
        expectExact(analysis, hubLimit);
        for (const endpoint of analysis.endpoints) expectExactDenied(analysis, endpoint.id, hubLimit);
      }),
      { numRuns: RUNS },
    );
  });

  it('on generated microservice clusters with the app own bundling threshold', () => {
    for (const size of [30, 120]) {
      const analysis = analysisOf(generateCluster(size));
      const model = toFlow(analysis, { deniedFor: null });
      expect(model.edges.some((e) => e.data!.members), 'some hub is bundled').toBe(true);
      expectExact(analysis);
      expectExactDenied(analysis, 'kube-system/coredns[Deployment]' as EndpointId);
    }
  });

  it('for the case that hid connections: one namespace, one hub, bundles with other ports', () => {
    const analysis = analysisOf(shopCluster());
    const model = toFlow(analysis, { deniedFor: null });
    const intoDns = model.edges.filter((e) => e.data!.members && e.target === 'kube-system/dns[Pod]');
    expect(intoDns.map((e) => e.data!.label).sort()).toEqual(['All ×13', 'TCP 53,UDP 53 ×13']);
    expectExact(analysis);
  });

  it('through the flow cache, revision after revision, as typing draws it', () => {
    const edits = fc.array(fc.tuple(graphClusterArb, fc.constantFrom(1, 3, 24)), { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(edits, (revisions) => {
        const cache = createFlowCache();
        for (const [text, hubLimit] of revisions) expectExact(analysisOf(text), hubLimit, cache);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('with namespaces collapsed, all or some: aggregates, bundles and denied views read back exactly', () => {
    fc.assert(
      fc.property(graphClusterArb, namespaceChoiceArb, fc.constantFrom(1, 2, 24), (text, choice, hubLimit) => {
        const analysis = analysisOf(text);
        expectExact(analysis, hubLimit, undefined, collapsedFor(analysis, choice));
        for (const endpoint of analysis.endpoints) expectExactDenied(analysis, endpoint.id, hubLimit, choice);
      }),
      { numRuns: RUNS },
    );
  });

  it('collapsing and opening namespaces through the flow cache, as the app redraws them', () => {
    const steps = fc.array(fc.tuple(graphClusterArb, namespaceChoiceArb), { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(steps, (revisions) => {
        const cache = createFlowCache();
        for (const [text, choice] of revisions) {
          const analysis = analysisOf(text);
          expectExact(analysis, 3, cache, collapsedFor(analysis, choice));
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('the focus view of any node, either way or both, collapsed or not', () => {
    fc.assert(
      fc.property(graphClusterArb, namespaceChoiceArb, fc.constantFrom<FocusDirection>('in', 'out', 'both'), fc.nat(), (text, choice, direction, pick) => {
        const analysis = analysisOf(text);
        const whole = toFlow(analysis, { deniedFor: null, collapsed: collapsedFor(analysis, choice) });
        const leaves = whole.nodes.filter((n) => n.type !== 'namespace' && n.type !== 'externalGroup');
        const node = leaves[pick % leaves.length]!.id;
        const focus = { node, direction };
        const collapsed = collapsedNamespaces({ namespaces: choice, deniedFor: null, focus }, analysis);
        const model = toFlow(analysis, { deniedFor: null, hubLimit: 2, collapsed, focus });
        expect(focusViewDifferences(shown(model), analysis, node, direction)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('a generated cluster above the threshold opens collapsed, and reads back exactly partly opened', () => {
    const analysis = analysisOf(generateCluster(150));
    const collapsed = collapsedFor(analysis, null);
    expect(collapsed.size).toBe(analysis.namespaces.length);
    const model = toFlow(analysis, { deniedFor: null, collapsed });
    expect(model.nodes.every((n) => n.type !== 'workload')).toBe(true);
    expectExact(analysis, undefined, undefined, collapsed);
    expectExact(analysis, undefined, undefined, collapsedFor(analysis, { open: false, except: ['kube-system', 'team-3'] }));
    expectExactDenied(analysis, 'team-2/svc-2[Deployment]' as EndpointId);
  });

  it('a bundle whose members change ports keeps the picture exact (the same cache)', () => {
    const cluster = generateCluster(60);
    const cache = createFlowCache();
    expectExact(analysisOf(cluster), undefined, cache);
    expectExact(analysisOf(cluster.replaceAll('port: 53\n', 'port: 5353\n')), undefined, cache);
  });
});

describe('the panels read back as the engine says', () => {
  it('what a node reaches and is reached by, for every endpoint', () => {
    fc.assert(
      fc.property(graphClusterArb, (text) => {
        const analysis = analysisOf(text);
        for (const { id } of analysis.endpoints) {
          expect(peerRowsDifferences(reachRows(analysis, id, 'out'), analysis, id, 'out')).toEqual([]);
          expect(peerRowsDifferences(reachRows(analysis, id, 'in'), analysis, id, 'in')).toEqual([]);
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('the peers a bundle names are exactly the far ends of its connections', () => {
    fc.assert(
      fc.property(graphClusterArb, fc.constantFrom(1, 2, 3), (text, hubLimit) => {
        const analysis = analysisOf(text);
        for (const edge of toFlow(analysis, { deniedFor: null, hubLimit }).edges) {
          if (!edge.data!.members) continue;
          const { peers } = bundlePeers(edge.id, edge.data!.members);
          const read = peerList(analysis, peers).map((name) => readPeerName(name, analysis));
          expect(read.sort()).toEqual([...peers].sort());
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('names read back as one endpoint each, also where workloads share a name or a name and a namespace', () => {
    const pod = (ns: string, name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {containers: [{name: c, image: i}]}\n`;
    const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: a}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: i}]}\n`;
    const analysis = analysisOf([pod('a', 'web'), deployment, pod('b', 'web'), pod('b', 'db')].join('---\n'));
    const everyone = analysis.endpoints.map((e) => e.id);
    expect(peerList(analysis, everyone)).toEqual(['a/web (Deployment)', 'a/web (Pod)', 'b/web', 'db', '0.0.0.0/0']);
    expect(peerList(analysis, everyone).map((name) => readPeerName(name, analysis)).sort()).toEqual([...everyone].sort());
  });

  it('the peers a policy lets in or out name each endpoint of its footprint once', () => {
    fc.assert(
      fc.property(graphClusterArb, (text) => {
        const analysis = analysisOf(text);
        const everyone = analysis.endpoints.map((e) => e.id);
        const read = peerList(analysis, everyone).map((name) => readPeerName(name, analysis));
        expect([...read].sort()).toEqual([...everyone].sort());
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
