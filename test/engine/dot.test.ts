/**
 * The Graphviz rendering of connectivity (engine/dot.ts), read back with an independent DOT
 * reader (support/dot.ts, written from the DOT grammar): a digraph holding every endpoint, each
 * workload in its namespace's cluster, and one edge per allowed connection labelled with its ports.
 */
import { describe, expect, it } from 'vitest';
import { describeConnections, renderDot, type Analysis } from '../../src/engine';
import { parseDot, type DotGraph } from '../support/dot';
import { analyzeYaml, docs, pod, xyz } from '../helpers';

const dotOf = (analysis: Analysis): DotGraph => parseDot([...renderDot(analysis)].join('\n'));

/** Only x/a may receive, and only TCP 80 and UDP 53, from anywhere: carves no ranges. */
const A_INGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a-in, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress: [{ports: [{port: 80}, {port: 53, protocol: UDP}]}]
`;

/** x/a receives only from 10.0.0.0/8 but 10.1.0.0/16: carves the address space into ranges. */
const A_FROM_10 = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a-from-10, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]
`;

function expectSameConnectivity(graph: DotGraph, analysis: Analysis) {
  expect(graph.directed).toBe(true);
  expect([...graph.nodes.keys()].sort()).toEqual(analysis.endpoints.map((e) => e.id).sort());
  const edges = graph.edges.map((e) => [e.from, e.to, e.attributes.label]);
  expect(edges.sort()).toEqual(analysis.connections.map((c) => [c.from, c.to, describeConnections(c.allowed)]).sort());
}

describe('renderDot', () => {
  it('is a digraph with every endpoint and one labelled edge per allowed connection', () => {
    const analysis = xyz(A_INGRESS);
    const graph = dotOf(analysis);
    expectSameConnectivity(graph, analysis);
    expect(graph.edges.find((e) => e.from === 'y/b[Pod]' && e.to === 'x/a[Pod]')?.attributes.label).toBe('TCP 80,UDP 53');
  });

  it('puts each workload in the cluster of its namespace, labelled with its name and kind', () => {
    const analysis = xyz(A_INGRESS);
    const graph = dotOf(analysis);
    const clusters = graph.subgraphs.filter((s) => s.id?.startsWith('cluster'));
    expect(clusters.map((c) => [c.attributes.label, [...c.nodes].sort()])).toEqual([
      ['x', ['x/a[Pod]', 'x/b[Pod]', 'x/c[Pod]']],
      ['y', ['y/a[Pod]', 'y/b[Pod]']],
      ['z', ['z/a[Pod]', 'z/b[Pod]']],
    ]);
    // DOT keeps `\n` as written; Graphviz draws it as a line break.
    expect(graph.nodes.get('x/a[Pod]')?.label).toBe('a\\n[Pod]');
  });

  it('draws external ranges as dashed boxes outside every cluster', () => {
    const analysis = xyz(A_FROM_10);
    const externals = analysis.endpoints.filter((e) => e.type === 'external').map((e) => e.id);
    expect(externals.length).toBeGreaterThan(1);
    const graph = dotOf(analysis);
    expectSameConnectivity(graph, analysis);
    for (const id of externals) {
      expect(graph.nodes.get(id)).toMatchObject({ shape: 'box', style: 'dashed' });
      expect(graph.subgraphs.some((s) => s.nodes.has(id))).toBe(false);
    }
  });

  it('quotes what DOT would otherwise read as syntax', () => {
    const analysis = analyzeYaml(docs(pod({ ns: 'default', name: 'web', labels: { app: 'web' } })));
    const renamed: Analysis = {
      ...analysis,
      endpoints: analysis.endpoints.map((e) => (e.type === 'workload' ? { ...e, kind: 'Odd"Kind\\' } : e)),
    };
    expect(dotOf(renamed).nodes.get('default/web[Pod]')?.label).toBe('web\\n[Odd"Kind\\\\]');
  });
});

describe('the DOT reader used above', () => {
  it('reads the grammar: comments, defaults, concatenation, edge chains and subgraphs', () => {
    const graph = parseDot(`/* c */ strict digraph "g" {
      // line comment
      node [shape=box]; edge [color=red]
      rankdir = LR
      "a" + "b" -> c -> { d e } [label="x\\"y"];
      subgraph cluster_0 { label="ns"; f }
    }`);
    expect(graph).toMatchObject({ strict: true, directed: true, id: 'g' });
    expect(graph.nodes.get('ab')).toEqual({ shape: 'box' });
    expect(graph.edges.map((e) => [e.from, e.to, e.attributes.label, e.attributes.color])).toEqual([
      ['ab', 'c', 'x"y', 'red'],
      ['c', 'd', 'x"y', 'red'],
      ['c', 'e', 'x"y', 'red'],
    ]);
    expect(graph.subgraphs.find((s) => s.id === 'cluster_0')).toMatchObject({ attributes: { label: 'ns' }, nodes: new Set(['f']) });
  });

  it.each([
    ['an undirected edge in a digraph', 'digraph { a -- b }'],
    ['a missing brace', 'digraph { a -> b'],
    ['an unterminated string', 'digraph { "a -> b }'],
    ['a dangling edge', 'digraph { a -> }'],
    ['text after the graph', 'digraph { a } b'],
    ['something that is not a graph', 'source,destination\na,b'],
  ])('rejects %s', (_, text) => {
    expect(() => parseDot(text)).toThrow();
  });
});
