import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../model';
import { analyze } from '../../engine';
import { applyDelta, GraphDiffer } from './graphDelta';
import type { WorkloadEndpoint } from '../../engine/types';
import type { GraphData } from './protocol';

const NGINX_EXAMPLE = readFileSync(new URL('../../../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');

function graphOf(text: string): GraphData {
  const analysis = analyze(parseManifests([{ file: 'cluster.yaml', text }]).resources);
  return {
    namespaces: analysis.namespaces,
    endpoints: analysis.endpoints,
    connections: analysis.connections,
    policies: analysis.policies,
    isolation: analysis.isolation,
  };
}

/** What survives a trip to a worker and back. */
const cloned = <T>(value: T): T => structuredClone(value);

describe('graph deltas', () => {
  it('rebuild the graph exactly, from nothing and from a previous graph', () => {
    const differ = new GraphDiffer();
    const first = graphOf(NGINX_EXAMPLE);
    const shown = applyDelta(undefined, cloned(differ.diff(first)));
    expect(shown).toEqual(first);
    const second = graphOf(NGINX_EXAMPLE.replace('port: 80', 'port: 8080').replace('app: client', 'app: other'));
    expect(applyDelta(shown, cloned(differ.diff(second)))).toEqual(second);
  });

  it('send only what changed, and keep the identity of the rest', () => {
    const differ = new GraphDiffer();
    const shown = applyDelta(undefined, cloned(differ.diff(graphOf(NGINX_EXAMPLE))));
    const delta = differ.diff(graphOf(NGINX_EXAMPLE.replace('port: 80', 'port: 8080')));
    expect(delta.endpoints.changed).toEqual([]);
    // Nothing came or went: the order is not sent again.
    expect(Object.values(delta).map((list) => list.keys)).toEqual(Object.values(delta).map(() => undefined));
    expect(delta.connections.changed.map((c) => c.to)).toEqual(Array(3).fill('default/nginx-pod-with-label[Pod]'));
    const next = applyDelta(shown, cloned(delta));
    expect(next.endpoints).toBe(shown.endpoints);
    expect(next.isolation).toBe(shown.isolation);
    const unchanged = next.connections.find((c) => c.to === 'default/client[Pod]')!;
    expect(shown.connections).toContain(unchanged);
  });

  it('drops items that disappeared', () => {
    const differ = new GraphDiffer();
    const shown = applyDelta(undefined, differ.diff(graphOf(NGINX_EXAMPLE)));
    const withoutPolicy = NGINX_EXAMPLE.slice(NGINX_EXAMPLE.indexOf('---\n') + 4);
    const delta = differ.diff(graphOf(withoutPolicy));
    expect(delta.policies.keys).toEqual([]);
    const next = applyDelta(shown, delta);
    expect(next.policies).toEqual([]);
    expect(next.isolation.get('default/nginx-pod-with-label[Pod]' as never)!.ingress).toEqual([]);
  });

  it('send items whose YAML only moved as their new line numbers, and rebuild them exactly', () => {
    const differ = new GraphDiffer();
    const shown = applyDelta(undefined, cloned(differ.diff(graphOf(NGINX_EXAMPLE))));
    // Two lines above everything, and a port changed: every item moves, one policy also changes.
    const moved = graphOf(`# a\n# b\n${NGINX_EXAMPLE.replace('port: 80', 'port: 8080')}`);
    const delta = differ.diff(moved);
    expect(delta.endpoints.changed).toEqual([]);
    expect(delta.endpoints.moved!.map(([key]) => key).sort()).toEqual(moved.endpoints.filter((e) => e.type === 'workload').map((e) => e.id).sort());
    expect(delta.policies.changed.map((p) => p.ref.name)).toEqual(['nginx-network-policy']);
    const next = applyDelta(shown, cloned(delta));
    expect(next).toEqual(moved);
    // Only what holds line numbers is copied: a moved endpoint keeps its labels object.
    const client = (graph: GraphData) => graph.endpoints.find((e) => e.id === 'default/client[Pod]') as WorkloadEndpoint;
    expect(client(next)).not.toBe(client(shown));
    expect(client(next).labels).toBe(client(shown).labels);
    // Moved back: the items' lines are restored as well.
    expect(applyDelta(applyDelta(shown, cloned(delta)), cloned(differ.diff(graphOf(NGINX_EXAMPLE))))).toEqual(graphOf(NGINX_EXAMPLE));
  });
});

