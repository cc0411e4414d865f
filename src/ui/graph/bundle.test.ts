import { describe, expect, it } from 'vitest';
import type { EndpointId } from '../../engine/types';
import { bundleHubs } from './bundle';
import type { FlowEdge } from './flowTypes';
import { bundleId, edgeId, namespaceNodeId } from './ids';

const edge = (source: string, target: string, label = 'UDP 53'): FlowEdge => ({
  id: edgeId(source, target),
  source,
  target,
  data: { from: source as EndpointId, to: target as EndpointId, kind: 'ports', label },
});

/** Pods a0..a(n-1) in namespace a, b0.. in b; dns in kube-system. */
function cluster(perNamespace: number) {
  const groupOf = new Map<string, string | undefined>([['dns', namespaceNodeId('kube-system')]]);
  const edges: FlowEdge[] = [];
  for (const ns of ['a', 'b']) {
    groupOf.set(namespaceNodeId(ns), undefined);
    for (let i = 0; i < perNamespace; i++) {
      groupOf.set(`${ns}${i}`, namespaceNodeId(ns));
      edges.push(edge(`${ns}${i}`, 'dns'));
    }
  }
  edges.push(edge('a0', 'a1', 'TCP 80'));
  return { edges, groupOf };
}

describe('bundleHubs', () => {
  it('leaves a hub with few edges alone', () => {
    const { edges, groupOf } = cluster(3);
    expect(bundleHubs(edges, groupOf, 10)).toEqual(edges);
  });

  it('bundles the edges into a busy hub per namespace, keeping a real pair to explain', () => {
    const { edges, groupOf } = cluster(8);
    const out = bundleHubs(edges, groupOf, 10);
    expect(out.map((e) => [e.id, e.data!.label])).toEqual([
      [bundleId(namespaceNodeId('a'), 'dns', 'UDP 53'), 'UDP 53 ×8'],
      [bundleId(namespaceNodeId('b'), 'dns', 'UDP 53'), 'UDP 53 ×8'],
      [edgeId('a0', 'a1'), 'TCP 80'],
    ]);
    expect(out[0]!.data).toMatchObject({ from: 'a0', to: 'dns' });
    expect(out[0]!.data!.members).toEqual(Array.from({ length: 8 }, (_, i) => [`a${i}`, 'dns']));
  });

  it('bundles the edges out of a busy source the same way', () => {
    const { edges, groupOf } = cluster(8);
    const reversed = edges.map((e) => edge(e.target, e.source, e.data!.label));
    expect(bundleHubs(reversed, groupOf, 10).map((e) => e.id)).toEqual([
      bundleId('dns', namespaceNodeId('a'), 'UDP 53'),
      bundleId('dns', namespaceNodeId('b'), 'UDP 53'),
      edgeId('a1', 'a0'),
    ]);
  });

  it('gives bundles of one group and hub with other ports their own ids (a duplicate id hides a bundle)', () => {
    // Two dozen workloads of a open egress: All to dns, and one with TCP 53,UDP 53 only.
    const { groupOf } = cluster(0);
    const edges = Array.from({ length: 24 }, (_, i) => {
      groupOf.set(`a${i}`, namespaceNodeId('a'));
      return edge(`a${i}`, 'dns', i < 2 ? 'TCP 53,UDP 53' : 'All');
    });
    const out = bundleHubs(edges, groupOf, 10);
    expect(out.map((e) => [e.id, e.data!.label])).toEqual([
      [bundleId(namespaceNodeId('a'), 'dns', 'TCP 53,UDP 53'), 'TCP 53,UDP 53 ×2'],
      [bundleId(namespaceNodeId('a'), 'dns', 'All'), 'All ×22'],
    ]);
    expect(new Set(out.map((e) => e.id)).size).toBe(out.length);
  });

  it('returns the same bundle object while it stands for the same thing', () => {
    const { edges, groupOf } = cluster(8);
    const cache = new Map();
    const first = bundleHubs(edges, groupOf, 10, cache);
    expect(bundleHubs([...edges], groupOf, 10, cache)[0]).toBe(first[0]);
  });
});
