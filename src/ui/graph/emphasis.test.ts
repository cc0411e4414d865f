import { describe, expect, it } from 'vitest';
import type { PolicyId } from '../../engine/types';
import { applyEmphasis, createEmphasisCache } from './emphasis';
import { bundleId, denialEdgeId, edgeId, namespaceNodeId } from './ids';
import { toFlow } from './toFlow';
import { ANY_V4, CLIENT, COREDNS, LEDGER, NGINX, OTHER, PROMETHEUS, SHOP, WEB_A, defaultGraph, guardrailsGraph } from './testGraph';

const model = () => toFlow(defaultGraph(), { deniedFor: null });
const strong = (m: ReturnType<typeof applyEmphasis>) =>
  m.edges.filter((e) => e.data!.emphasis === 'strong').map((e) => e.id).sort();

describe('applyEmphasis', () => {
  it('changes nothing when nothing is focused', () => {
    const m = model();
    const out = applyEmphasis(m, null, undefined);
    out.nodes.forEach((n, i) => expect(n).toBe(m.nodes[i]));
    out.edges.forEach((e, i) => expect(e).toBe(m.edges[i]));
  });

  it('strengthens the edges of the selected node and dims the others', () => {
    const out = applyEmphasis(model(), { kind: 'node', id: OTHER }, undefined);
    expect(strong(out)).toEqual(
      [edgeId(OTHER, NGINX), edgeId(OTHER, CLIENT), edgeId(OTHER, ANY_V4), edgeId(NGINX, OTHER), edgeId(CLIENT, OTHER), edgeId(ANY_V4, OTHER)].sort(),
    );
    expect(out.nodes.find((n) => n.id === OTHER)!.selected).toBe(true);
    expect(out.edges.find((e) => e.id === edgeId(CLIENT, NGINX))!.data!.emphasis).toBe('dim');
  });

  it('shows a policy footprint: its pods marked, its edges strong', () => {
    const footprint = {
      policy: 'default/nginx-network-policy' as PolicyId,
      selects: [NGINX],
      connections: [[CLIENT, NGINX] as const, [ANY_V4, NGINX] as const],
    };
    const out = applyEmphasis(model(), null, footprint);
    expect(strong(out)).toEqual([edgeId(ANY_V4, NGINX), edgeId(CLIENT, NGINX)]);
    expect(out.nodes.filter((n) => n.className === 'is-policy-target').map((n) => n.id)).toEqual([NGINX]);
  });

  it('prefers the selection over the footprint', () => {
    const footprint = { policy: 'x' as PolicyId, selects: [NGINX], connections: [] };
    const id = edgeId(CLIENT, NGINX);
    const out = applyEmphasis(model(), { kind: 'edge', id, from: CLIENT, to: NGINX }, footprint);
    expect(strong(out)).toEqual([id]);
    expect(out.nodes.some((n) => n.className)).toBe(false);
  });
});

describe('applyEmphasis of a shown cluster-wide policy', () => {
  const graph = guardrailsGraph();
  const platformOnly = graph.policies.find((p) => p.ref.name === 'platform-only')!;
  const footprint = {
    policy: platformOnly.ref.id,
    selects: platformOnly.selects,
    connections: [[PROMETHEUS, WEB_A] as const, [PROMETHEUS, SHOP] as const],
    denies: [[COREDNS, WEB_A] as const, [LEDGER, SHOP] as const],
  };
  const shown = () => toFlow(graph, { deniedFor: null, policyDenials: { policy: platformOnly.ref, pairs: footprint.denies } });

  it('marks its subjects and strengthens what it accepts and the pairs it denies', () => {
    const out = applyEmphasis(shown(), null, footprint);
    expect(strong(out)).toEqual(
      [edgeId(PROMETHEUS, WEB_A), edgeId(PROMETHEUS, SHOP), denialEdgeId(COREDNS, WEB_A), denialEdgeId(LEDGER, SHOP)].sort(),
    );
    expect(out.nodes.filter((n) => n.className === 'is-policy-target').map((n) => n.id).sort()).toEqual([WEB_A, SHOP]);
  });

  it('leaves the pairs another policy denies dim', () => {
    const other = { ...footprint, policy: 'ClusterNetworkPolicy/protect-payments' as PolicyId, connections: [], selects: [LEDGER] };
    expect(strong(applyEmphasis(shown(), null, other))).toEqual([]);
  });

  it('gives way to a selected node, whose edges include the denied pairs at it', () => {
    const out = applyEmphasis(shown(), { kind: 'node', id: LEDGER }, footprint);
    expect(strong(out)).toContain(denialEdgeId(LEDGER, SHOP));
    expect(out.nodes.some((n) => n.className)).toBe(false);
  });

  it('strengthens a bundle when one of the connections it stands for is the policy\'s', () => {
    const members = [[PROMETHEUS, SHOP], [COREDNS, SHOP]] as const;
    const bundle = { ...shown().edges[0]!, id: bundleId(namespaceNodeId('x'), SHOP, 'All'), source: namespaceNodeId('x'), target: SHOP };
    const model = { nodes: [], edges: [{ ...bundle, data: { ...bundle.data!, members } }] };
    expect(strong(applyEmphasis(model, null, footprint))).toEqual([bundle.id]);
    expect(strong(applyEmphasis(model, null, { ...footprint, connections: [] }))).toEqual([]);
  });
});

describe('emphasis cache', () => {
  it('returns the same emphasised objects while the focus is the same', () => {
    const m = model();
    const cache = createEmphasisCache();
    const selection = { kind: 'node' as const, id: OTHER };
    const first = applyEmphasis(m, selection, undefined, cache);
    const again = applyEmphasis(m, { ...selection }, undefined, cache);
    again.edges.forEach((e, i) => expect(e).toBe(first.edges[i]));
    expect(again.nodes.find((n) => n.id === OTHER)).toBe(first.nodes.find((n) => n.id === OTHER));
  });
});
