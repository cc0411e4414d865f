import { describe, expect, it } from 'vitest';
import { createFlowCache, toFlow } from './toFlow';
import { ANY_V4, CLIENT, NGINX, OTHER, carvedExternals, defaultGraph } from './testGraph';

const edgeLabels = (model: ReturnType<typeof toFlow>) =>
  Object.fromEntries(model.edges.map((e) => [e.id, e.data!.label]));

describe('toFlow', () => {
  it('makes namespaces groups and workloads their children, with engine ids', () => {
    const { nodes } = toFlow(defaultGraph(), { deniedFor: null });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('namespace:default')?.type).toBe('namespace');
    expect(byId.get(NGINX)).toMatchObject({ type: 'workload', parentId: 'namespace:default' });
    expect(byId.get(OTHER)).toMatchObject({ type: 'workload', parentId: 'namespace:other' });
    expect(byId.get(ANY_V4)).toMatchObject({ type: 'external', parentId: 'group:external' });
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
    const other = nodes.find((n) => n.id === 'namespace:other')!;
    expect(other.data).toMatchObject({ labels: ['team=qa'], declared: true });
  });

  it('labels edges with their ports, `All` for everything', () => {
    const labels = edgeLabels(toFlow(defaultGraph(), { deniedFor: null }));
    expect(labels[`${CLIENT}->${NGINX}`]).toBe('TCP 80');
    expect(labels[`${ANY_V4}->${NGINX}`]).toBe('TCP 80');
    expect(labels[`${NGINX}->${CLIENT}`]).toBe('All');
    expect(labels[`${CLIENT}->${OTHER}`]).toBe('All');
  });

  it('merges external ranges with the same connectivity into one node', () => {
    const { nodes, edges } = toFlow(carvedExternals(), { deniedFor: null });
    const externals = nodes.filter((n) => n.type === 'external');
    expect(externals.map((n) => n.id).sort()).toEqual(['0-9,20-4294967295', '10-19']);
    expect(edges.map((e) => e.id).sort()).toEqual([
      '0-9,20-4294967295->default/web[Pod]',
      '10-19->default/web[Pod]',
    ]);
    const merged = externals.find((n) => n.id.includes(','))!;
    expect(merged.data).toMatchObject({ ranges: ['0.0.0.0/29', '0.0.0.8/31', '0.0.0.20 – 255.255.255.255'] });
  });

  it('in denied mode shows, both ways, what the subject cannot fully do', () => {
    const labels = edgeLabels(toFlow(defaultGraph(), { deniedFor: CLIENT }));
    expect(labels).toEqual({ [`${CLIENT}->${NGINX}`]: 'only TCP 80' });
    const forNginx = edgeLabels(toFlow(defaultGraph(), { deniedFor: NGINX }));
    expect(forNginx).toEqual({
      [`${CLIENT}->${NGINX}`]: 'only TCP 80',
      [`${OTHER}->${NGINX}`]: 'only TCP 80',
      [`${ANY_V4}->${NGINX}`]: 'only TCP 80',
    });
  });

  it('says `All denied` for a pair with nothing allowed', () => {
    const graph = defaultGraph();
    const cut = { ...graph, connections: graph.connections.filter((c) => c.from !== OTHER) };
    const labels = edgeLabels(toFlow(cut, { deniedFor: OTHER }));
    expect(labels[`${OTHER}->${CLIENT}`]).toBe('All denied');
    expect(labels[`${OTHER}->${ANY_V4}`]).toBe('All denied');
    expect(labels[`${CLIENT}->${OTHER}`]).toBeUndefined();
  });
});

describe('toFlow with a cache', () => {
  it('returns the same node and edge objects for the same input objects', () => {
    const graph = defaultGraph();
    const cache = createFlowCache();
    const first = toFlow(graph, { deniedFor: null }, cache);
    const again = toFlow({ ...graph, connections: [...graph.connections] }, { deniedFor: null }, cache);
    expect(again.nodes.find((n) => n.id === NGINX)).toBe(first.nodes.find((n) => n.id === NGINX));
    expect(again.edges.find((e) => e.id === `${CLIENT}->${NGINX}`)).toBe(first.edges.find((e) => e.id === `${CLIENT}->${NGINX}`));
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

  it('keeps the nodes of endpoints and namespaces whose YAML only moved, and remakes one whose labels changed', () => {
    const graph = defaultGraph();
    const cache = createFlowCache();
    const first = toFlow(graph, { deniedFor: null }, cache);
    const moved = graph.endpoints.map((e) =>
      e.type !== 'workload'
        ? e
        : e.id === CLIENT
          ? { ...e, labels: { ...e.labels, extra: 'yes' } }
          : { ...e, locations: e.locations.map((l) => ({ ...l, range: { ...l.range, startLine: l.range.startLine + 3 } })) },
    );
    const namespaces = graph.namespaces.map((ns) => ({ ...ns, location: { file: 'test.yaml', range: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 1 } } }));
    const next = toFlow({ ...graph, endpoints: moved, namespaces }, { deniedFor: null }, cache);
    expect(next.nodes.find((n) => n.id === NGINX)).toBe(first.nodes.find((n) => n.id === NGINX));
    for (const ns of graph.namespaces) {
      expect(next.nodes.find((n) => n.id === `namespace:${ns.name}`)).toBe(first.nodes.find((n) => n.id === `namespace:${ns.name}`));
    }
    expect(next.nodes.find((n) => n.id === CLIENT)).not.toBe(first.nodes.find((n) => n.id === CLIENT));
    expect(next.nodes.find((n) => n.id === CLIENT)!.data.labels).toContain('extra=yes');
    const [relabelled] = graph.namespaces;
    const after = toFlow({ ...graph, namespaces: [{ ...relabelled!, labels: { ...relabelled!.labels, team: 'x' } }, ...graph.namespaces.slice(1)] }, { deniedFor: null }, cache);
    const node = after.nodes.find((n) => n.id === `namespace:${relabelled!.name}`)!;
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
    expect(next.edges.map((e) => e.id)).not.toContain(`${CLIENT}->${NGINX}`);
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

  it('keeps an edge whose connection is a new object that shows the same, and remakes one whose ports changed', () => {
    const graph = defaultGraph();
    const cache = createFlowCache();
    const first = toFlow(graph, { deniedFor: null }, cache);
    const edgeOf = (model: ReturnType<typeof toFlow>, from: string, to: string) => model.edges.find((e) => e.id === `${from}->${to}`);
    // New connection objects, as when the rules allowing them moved; one of them now allows TCP 81.
    const connections = graph.connections.map((c) =>
      c.from === CLIENT && c.to === NGINX ? { ...c, allowed: { ...c.allowed, TCP: [[81, 81]] as [number, number][] } } : { ...c },
    );
    const next = toFlow({ ...graph, connections }, { deniedFor: null }, cache);
    expect(edgeOf(next, NGINX, CLIENT)).toBe(edgeOf(first, NGINX, CLIENT));
    expect(edgeOf(next, CLIENT, NGINX)).not.toBe(edgeOf(first, CLIENT, NGINX));
    expect(edgeOf(next, CLIENT, NGINX)!.data!.label).toBe('TCP 81');
  });
});
