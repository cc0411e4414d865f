/**
 * Hand-built graph data for the graph layer's unit tests: the default example's shape (nginx
 * isolated for ingress, TCP 80 from everyone; clients open) without running the engine.
 */
import { ALL_CONNECTIONS } from '../../engine';
import type { ConnectionSet, Endpoint, EndpointId, PolicyId } from '../../engine/types';
import type { GraphData, Isolation } from '../../store/evaluation/protocol';

const loc = { file: 'test.yaml', range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
export const id = (s: string) => s as EndpointId;
export const tcp = (port: number): ConnectionSet => ({ TCP: [[port, port]], UDP: [], SCTP: [] });

export const NGINX = id('default/nginx-pod-with-label[Pod]');
export const CLIENT = id('default/client[Pod]');
export const OTHER = id('other/curl[Pod]');
export const ANY_V4 = id('0.0.0.0-255.255.255.255');

const pod = (namespace: string, name: string, labels: Record<string, string>): Endpoint => ({
  type: 'workload',
  id: id(`${namespace}/${name}[Pod]`),
  kind: 'Pod',
  namespace,
  name,
  labels,
  ports: [],
  ips: [],
  locations: [loc],
});

const external = (first: bigint, last: bigint): Endpoint => ({
  type: 'external',
  id: id(`${first}-${last}`),
  kind: 'IPBlock',
  range: { family: 4, first, last },
});

const policy = 'default/nginx-network-policy' as PolicyId;
const open: Isolation = { ingress: [], egress: [] };

/** nginx accepts TCP 80 from all; client, curl and the outside talk freely otherwise. */
export function defaultGraph(): GraphData {
  const all = [NGINX, CLIENT, OTHER, ANY_V4];
  return {
    namespaces: [
      { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' }, declared: false },
      { name: 'other', labels: { team: 'qa', 'kubernetes.io/metadata.name': 'other' }, declared: true, location: loc },
    ],
    endpoints: [
      pod('default', 'client', { app: 'client' }),
      pod('default', 'nginx-pod-with-label', { papa: 'dhondhu' }),
      pod('other', 'curl', { app: 'curl' }),
      { type: 'external', id: ANY_V4, kind: 'IPBlock', range: { family: 4, first: 0n, last: (1n << 32n) - 1n } },
    ],
    connections: all.flatMap((from) =>
      all.filter((to) => to !== from).map((to) => ({ from, to, allowed: to === NGINX ? tcp(80) : ALL_CONNECTIONS })),
    ),
    policies: [{ ref: { id: policy, namespace: 'default', name: 'nginx-network-policy', location: loc, nameLocation: loc, policyTypes: ['Ingress'] }, selects: [NGINX] }],
    isolation: new Map([
      [NGINX, { ingress: [policy], egress: [] }],
      [CLIENT, open],
      [OTHER, open],
    ]),
  };
}

/** Two external ranges that the graph must merge (same connectivity) and one it must not. */
export function carvedExternals(): GraphData {
  const a = external(0n, 9n);
  const b = external(10n, 19n);
  const c = external(20n, 4294967295n);
  return {
    namespaces: [{ name: 'default', labels: {}, declared: false }],
    endpoints: [pod('default', 'web', { app: 'web' }), a, b, c],
    connections: [
      { from: a.id, to: id('default/web[Pod]'), allowed: tcp(443) },
      { from: c.id, to: id('default/web[Pod]'), allowed: tcp(443) },
      { from: b.id, to: id('default/web[Pod]'), allowed: tcp(22) },
    ],
    policies: [],
    isolation: new Map([[id('default/web[Pod]'), { ingress: [policy], egress: [] }]]),
  };
}
