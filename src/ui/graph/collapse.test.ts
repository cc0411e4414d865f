import { describe, expect, it } from 'vitest';
import type { EndpointId } from '../../engine/types';
import { collapseNamespaces, createCollapseCache, shortSummary } from './collapse';
import { edgeId, namespaceNodeId } from './ids';
import { toFlow } from './toFlow';
import { ANY_V4, CLIENT, defaultGraph, NGINX, OTHER } from './testGraph';

const DEFAULT_NS = namespaceNodeId('default');
const whole = () => toFlow(defaultGraph(), { deniedFor: null });

describe('collapsing namespaces', () => {
  it('draws a collapsed namespace as one node where its frame was, standing for its workloads', () => {
    const { nodes } = toFlow(defaultGraph(), { deniedFor: null, collapsed: new Set(['default']) });
    expect(nodes.map((n) => n.id)).not.toContain(NGINX);
    expect(nodes.map((n) => n.id)).not.toContain(CLIENT);
    const node = nodes.find((n) => n.id === DEFAULT_NS)!;
    expect(node.type).toBe('collapsedNamespace');
    expect(node.parentId).toBeUndefined();
    expect(node.type === 'collapsedNamespace' && [...node.data.members].sort()).toEqual([CLIENT, NGINX].sort());
    expect(nodes.find((n) => n.id === OTHER)?.parentId).toBe(namespaceNodeId('team-b'));
  });

  it('folds the edges of its workloads into one aggregate per drawn pair: the pairs counted, every port any allows', () => {
    const { edges } = toFlow(defaultGraph(), { deniedFor: null, collapsed: new Set(['default']) });
    const into = edges.find((e) => e.id === edgeId(OTHER, DEFAULT_NS))!;
    // other-client reaches nginx on TCP 80 and client on everything.
    expect(into.data!.label).toBe('2 pairs · All');
    const byTarget = (a: { target: string }, b: { target: string }) => (a.target < b.target ? -1 : 1);
    expect([...into.data!.pairs!].sort(byTarget)).toEqual(
      [
        { source: OTHER, target: NGINX, label: 'TCP 80' },
        { source: OTHER, target: CLIENT, label: 'All' },
      ].sort(byTarget),
    );
    // Inside default: client → nginx (TCP 80) and nginx → client (All), as a loop.
    const inside = edges.find((e) => e.id === edgeId(DEFAULT_NS, DEFAULT_NS))!;
    expect(inside.source).toBe(inside.target);
    expect(inside.data!.label).toBe('2 pairs · All');
  });

  it('leaves the edges between open nodes as they were', () => {
    const { nodes, edges } = whole();
    const collapsed = collapseNamespaces(nodes, edges, new Set(['default']));
    const between = (list: typeof edges) => list.find((e) => e.id === edgeId(OTHER, ANY_V4));
    expect(between(collapsed.edges)).toBe(between(edges));
  });

  it('says what the pairs allow together, and in the denied view only what is allowed', () => {
    const { edges } = toFlow(defaultGraph(), { deniedFor: null, collapsed: new Set(['default', 'team-b']) });
    expect(edges.find((e) => e.id === edgeId(ANY_V4, DEFAULT_NS))!.data!.label).toBe('2 pairs · All');
    const denied = toFlow(defaultGraph(), { deniedFor: OTHER, collapsed: new Set(['default']) });
    const aggregate = denied.edges.find((e) => e.id === edgeId(OTHER, DEFAULT_NS))!;
    expect(aggregate.data!.label).toBe('1 pair · only TCP 80');
    expect(aggregate.data!.pairs).toEqual([{ source: OTHER, target: NGINX, label: 'only TCP 80' }]);
  });

  it('keeps an unchanged aggregate as the same object, and gives every element its own id', () => {
    const cache = createCollapseCache();
    const { nodes, edges } = whole();
    const first = collapseNamespaces(nodes, edges, new Set(['default']), cache);
    const again = collapseNamespaces(nodes, edges, new Set(['default']), cache);
    first.edges.forEach((e, i) => expect(again.edges[i]).toBe(e));
    const ids = [...first.nodes, ...first.edges].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves the graph as it is when nothing is collapsed', () => {
    const { nodes, edges } = whole();
    const same = collapseNamespaces(nodes, edges, new Set());
    expect(same.nodes).toBe(nodes);
    expect(same.edges).toBe(edges);
  });

  it('cuts a long port summary after a whole port', () => {
    expect(shortSummary('TCP 80,443')).toBe('TCP 80,443');
    const long = 'TCP 80,443,8080,8443,9000-9100,50051,UDP 53,5353';
    const short = shortSummary(long);
    expect(short.endsWith(',…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(short.length).toBeLessThanOrEqual(38);
  });
});

describe('the endpoint a collapsed namespace draws', () => {
  it('is its node, for emphasis and the policy footprint', async () => {
    const { endpointNodeIds } = await import('./toFlow');
    const { nodes } = toFlow(defaultGraph(), { deniedFor: null, collapsed: new Set(['default']) });
    expect(endpointNodeIds(nodes).get(NGINX as EndpointId)).toBe(DEFAULT_NS);
  });
});
