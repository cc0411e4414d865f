import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { parseManifests } from '../../model';
import { createFlowCache, toFlow } from './toFlow';
import type { EndpointId } from '../../engine/types';
import { EXTERNAL_GROUP_ID, edgeId, externalNodeId, namespaceNodeId } from './ids';
import { ANY_V4, CLIENT, NGINX, OTHER, WEB, carvedExternals, defaultGraph } from './testGraph';

const edgeLabels = (model: ReturnType<typeof toFlow>) =>
  Object.fromEntries(model.edges.map((e) => [e.id, e.data!.label]));

describe('toFlow', () => {
  it('makes namespaces groups and workloads their children, with engine ids', () => {
    const { nodes } = toFlow(defaultGraph(), { deniedFor: null });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get(namespaceNodeId('default'))?.type).toBe('namespace');
    expect(byId.get(NGINX)).toMatchObject({ type: 'workload', parentId: namespaceNodeId('default') });
    expect(byId.get(OTHER)).toMatchObject({ type: 'workload', parentId: namespaceNodeId('team-b') });
    expect(byId.get(ANY_V4)).toMatchObject({ type: 'external', parentId: EXTERNAL_GROUP_ID });
  });

  it('names every node for screen readers, namespace frames included', () => {
    const { nodes } = toFlow(defaultGraph(), { deniedFor: null });
    expect(nodes.find((n) => n.id === namespaceNodeId('team-b'))?.ariaLabel).toBe('Namespace team-b');
    expect(nodes.filter((n) => !n.ariaLabel).map((n) => n.id)).toEqual([]);
  });

  it('lists groups before their children, as React Flow requires', () => {
    const { nodes } = toFlow(defaultGraph(), { deniedFor: null });
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const node of nodes) if (node.parentId) expect(index.get(node.parentId)!).toBeLessThan(index.get(node.id)!);
  });

  it('badges isolation and hides the automatic namespace label', () => {
    const { nodes } = toFlow(defaultGraph(), { deniedFor: null });
    const nginx = nodes.find((n) => n.id === NGINX)!;
    expect(nginx.data).toMatchObject({ isolatedIngress: true, isolatedEgress: false, labels: ['papa=dhondhu'] });
    const other = nodes.find((n) => n.id === namespaceNodeId('team-b'))!;
    expect(other.data).toMatchObject({ labels: ['team=b'], declared: true });
    const undeclared = nodes.find((n) => n.id === namespaceNodeId('default'))!;
    expect(undeclared.data).toMatchObject({ labels: [], declared: false });
  });

  it('labels edges with their ports, `All` for everything', () => {
    const labels = edgeLabels(toFlow(defaultGraph(), { deniedFor: null }));
    expect(labels[edgeId(CLIENT, NGINX)]).toBe('TCP 80');
    expect(labels[edgeId(ANY_V4, NGINX)]).toBe('TCP 80');
    expect(labels[edgeId(NGINX, CLIENT)]).toBe('All');
    expect(labels[edgeId(CLIENT, OTHER)]).toBe('All');
  });

  it('merges external ranges with the same connectivity into one node', () => {
    const { nodes, edges } = toFlow(carvedExternals(), { deniedFor: null });
    const externals = nodes.filter((n) => n.type === 'external');
    const merged = externalNodeId(['0.0.0.0-9.255.255.255', '11.0.0.0-255.255.255.255'] as EndpointId[]);
    const ten = '10.0.0.0-10.255.255.255';
    expect(externals.map((n) => n.id).sort()).toEqual([merged, ten]);
    expect(edges.filter((e) => e.target === WEB).map((e) => e.id).sort()).toEqual([edgeId(merged, WEB), edgeId(ten, WEB)]);
    expect(externals.find((n) => n.id === merged)!.data).toMatchObject({ ranges: ['0.0.0.0/5', '8.0.0.0/7', '11.0.0.0 – 255.255.255.255'] });
  });

  it('in denied mode shows, both ways, what the subject cannot fully do', () => {
    const labels = edgeLabels(toFlow(defaultGraph(), { deniedFor: CLIENT }));
    expect(labels).toEqual({ [edgeId(CLIENT, NGINX)]: 'only TCP 80' });
    const forNginx = edgeLabels(toFlow(defaultGraph(), { deniedFor: NGINX }));
    expect(forNginx).toEqual({
      [edgeId(CLIENT, NGINX)]: 'only TCP 80',
      [edgeId(OTHER, NGINX)]: 'only TCP 80',
      [edgeId(ANY_V4, NGINX)]: 'only TCP 80',
    });
  });

  it('says `All denied` for a pair with nothing allowed', () => {
    const graph = defaultGraph();
    const cut = { ...graph, connections: graph.connections.filter((c) => c.from !== OTHER) };
    const labels = edgeLabels(toFlow(cut, { deniedFor: OTHER }));
    expect(labels[edgeId(OTHER, CLIENT)]).toBe('All denied');
    expect(labels[edgeId(OTHER, ANY_V4)]).toBe('All denied');
    expect(labels[edgeId(CLIENT, OTHER)]).toBeUndefined();
  });
});

describe('toFlow with a cache', () => {
  it('returns the same node and edge objects for the same input objects', () => {
    const graph = defaultGraph();
    const cache = createFlowCache();
    const first = toFlow(graph, { deniedFor: null }, cache);
    const again = toFlow({ ...graph, connections: [...graph.connections] }, { deniedFor: null }, cache);
    expect(again.nodes.find((n) => n.id === NGINX)).toBe(first.nodes.find((n) => n.id === NGINX));
    expect(again.edges.find((e) => e.id === edgeId(CLIENT, NGINX))).toBe(first.edges.find((e) => e.id === edgeId(CLIENT, NGINX)));
  });

  it('makes a new node when the isolation of the endpoint changed', () => {
    const graph = defaultGraph();
    const cache = createFlowCache();
    const first = toFlow(graph, { deniedFor: null }, cache);
    const isolation = new Map(graph.isolation).set(CLIENT, { ingress: ['x' as never], egress: [] });
    const next = toFlow({ ...graph, isolation }, { deniedFor: null }, cache);
    expect(next.nodes.find((n) => n.id === CLIENT)).not.toBe(first.nodes.find((n) => n.id === CLIENT));
    expect(next.nodes.find((n) => n.id === CLIENT)!.data).toMatchObject({ isolatedIngress: true });
    expect(next.nodes.find((n) => n.id === NGINX)).toBe(first.nodes.find((n) => n.id === NGINX));
  });

  it('keeps the nodes of unchanged endpoints and namespaces, and remakes one whose labels changed', () => {
    const graph = defaultGraph();
    const cache = createFlowCache();
    const first = toFlow(graph, { deniedFor: null }, cache);
    const relabelled = graph.endpoints.map((e) => (e.type === 'workload' && e.id === CLIENT ? { ...e, labels: { ...e.labels, extra: 'yes' } } : e));
    const next = toFlow({ ...graph, endpoints: relabelled, namespaces: [...graph.namespaces] }, { deniedFor: null }, cache);
    expect(next.nodes.find((n) => n.id === NGINX)).toBe(first.nodes.find((n) => n.id === NGINX));
    for (const ns of graph.namespaces) {
      expect(next.nodes.find((n) => n.id === namespaceNodeId(ns.name))).toBe(first.nodes.find((n) => n.id === namespaceNodeId(ns.name)));
    }
    expect(next.nodes.find((n) => n.id === CLIENT)).not.toBe(first.nodes.find((n) => n.id === CLIENT));
    expect(next.nodes.find((n) => n.id === CLIENT)!.data.labels).toContain('extra=yes');
    const [namespace] = graph.namespaces;
    const after = toFlow({ ...graph, namespaces: [{ ...namespace!, labels: { ...namespace!.labels, team: 'x' } }, ...graph.namespaces.slice(1)] }, { deniedFor: null }, cache);
    const node = after.nodes.find((n) => n.id === namespaceNodeId(namespace!.name))!;
    expect(node).not.toBe(first.nodes.find((n) => n.id === node.id));
    expect(node.data.labels).toContain('team=x');
  });

  it('hands back the same lists for the same inputs, and remakes only the edges when only connections changed', () => {
    const graph = defaultGraph();
    const cache = createFlowCache();
    const first = toFlow(graph, { deniedFor: null }, cache);
    const again = toFlow({ ...graph }, { deniedFor: null }, cache);
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
    const connections = graph.connections.filter((c) => !(c.from === CLIENT && c.to === NGINX));
    const next = toFlow({ ...graph, connections }, { deniedFor: null }, cache);
    expect(next.nodes).toBe(first.nodes);
    expect(next.edges.map((e) => e.id)).not.toContain(edgeId(CLIENT, NGINX));
    expect(next.edges.length).toBe(first.edges.length - 1);
  });

  it('keeps the nodes of outside ranges, and their frame, while they show the same ranges', () => {
    const graph = carvedExternals();
    const cache = createFlowCache();
    const first = toFlow(graph, { deniedFor: null }, cache);
    // A new endpoint list (as when any document moved) with the same ranges in it.
    const next = toFlow({ ...graph, endpoints: graph.endpoints.map((e) => ({ ...e })) }, { deniedFor: null }, cache);
    for (const node of first.nodes.filter((n) => n.type === 'external' || n.type === 'externalGroup')) {
      expect(next.nodes.find((n) => n.id === node.id)).toBe(node);
    }
  });

  it('keeps the edges of unchanged connections, and remakes one whose ports changed', () => {
    const graph = defaultGraph();
    const cache = createFlowCache();
    const first = toFlow(graph, { deniedFor: null }, cache);
    const edgeOf = (model: ReturnType<typeof toFlow>, from: string, to: string) => model.edges.find((e) => e.id === edgeId(from, to));
    const connections = graph.connections.map((c) =>
      c.from === CLIENT && c.to === NGINX ? { ...c, allowed: { ...c.allowed, TCP: [[81, 81]] as [number, number][] } } : c,
    );
    const next = toFlow({ ...graph, connections }, { deniedFor: null }, cache);
    expect(edgeOf(next, NGINX, CLIENT)).toBe(edgeOf(first, NGINX, CLIENT));
    expect(edgeOf(next, CLIENT, NGINX)).not.toBe(edgeOf(first, CLIENT, NGINX));
    expect(edgeOf(next, CLIENT, NGINX)!.data!.label).toBe('TCP 81');
  });
});

describe('toFlow of pods that one endpoint stands for', () => {
  it('shows a label whose value differs between them as varying', () => {
    const pod = (name: string, hash: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: a\n  labels: {app: web, pod-template-hash: ${hash}}\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-1, uid: u, controller: true}]\nspec: {containers: [{name: c, image: i}]}\n`;
    const { resources } = parseManifests([{ file: 'p.yaml', text: `${pod('web-1-a', 'h1')}---\n${pod('web-1-b', 'h2')}` }]);
    const node = toFlow(analyze(resources), { deniedFor: null }).nodes.find((n) => n.id === 'a/web-1[ReplicaSet]')!;
    expect(node.data.labels).toEqual(['app=web', 'pod-template-hash=(varies)']);
  });
});
