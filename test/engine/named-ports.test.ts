/**
 * Named ports.
 *
 * Spec basis (NetworkPolicyPort.port: "This can either be a numerical or named port on a pod";
 * upstream e2e "should allow ingress access on one named port" and "should allow egress access
 * on one named port"): a name stands for the container port of the DESTINATION pod that has
 * that name and the rule's protocol (TCP by default, on both sides). For an egress rule the
 * destination is the peer; a name that no container port of the destination defines allows
 * nothing; an external destination has no containers, so named ports never reach it.
 */
import { describe, expect, it } from 'vitest';
import { ALL_V4, NONE, analyzeYaml, conn, cs, docs, pod, podId, tcp, udp } from '../helpers';

const A = podId('x', 'a');
const B = podId('x', 'b');
const C = podId('x', 'c');
const DEPLOY = 'y/web[Deployment]';

const CLUSTER = docs(
  pod({
    ns: 'x',
    name: 'a',
    labels: { role: 'server' },
    ports: [
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
      { name: 'metrics', containerPort: 9090 },
    ],
  }),
  pod({
    ns: 'x',
    name: 'b',
    labels: { role: 'server' },
    ports: [
      { name: 'http', containerPort: 9000 },
      { name: 'dns', containerPort: 5353, protocol: 'TCP' },
    ],
  }),
  pod({ ns: 'x', name: 'c', labels: { role: 'client' } }),
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: "y"}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: main
          image: nginx
          ports: [{name: http, containerPort: 7070}]
`,
);

/** Ingress policy on the servers (from anywhere) with the given ports (flow YAML). */
const serversAccept = (ports: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: servers, namespace: x}
spec:
  podSelector: {matchLabels: {role: server}}
  ingress:
    - ports: ${ports}
`;
/** Egress policy on the client with one rule: optional `to` and the given ports. */
const clientSends = (ports: string, to?: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client, namespace: x}
spec:
  podSelector: {matchLabels: {role: client}}
  policyTypes: [Egress]
  egress:
    - ports: ${ports}
${to ? `      to: ${to}\n` : ''}`;

const run = (...policies: string[]) => analyzeYaml(docs(CLUSTER, ...policies));

describe('named ports in ingress rules', () => {
  it("resolve per destination pod: each server's own http port", () => {
    const a = run(serversAccept('[{port: http}]'));
    expect(conn(a, C, A)).toEqual(tcp(8080));
    expect(conn(a, C, B)).toEqual(tcp(9000));
  });

  it('resolve also when the source is external', () => {
    const a = run(serversAccept('[{port: http}]'));
    expect(conn(a, ALL_V4, A)).toEqual(tcp(8080));
  });

  it('match the name AND the protocol', () => {
    const udpDns = run(serversAccept('[{port: dns, protocol: UDP}]'));
    expect(conn(udpDns, C, A)).toEqual(udp(53));
    expect(conn(udpDns, C, B)).toEqual(NONE); // b's dns is TCP
    const tcpDns = run(serversAccept('[{port: dns}]'));
    expect(conn(tcpDns, C, A)).toEqual(NONE); // a's dns is UDP; rule protocol defaults to TCP
    expect(conn(tcpDns, C, B)).toEqual(tcp(5353));
  });

  it('a container port without protocol is TCP', () => {
    const a = run(serversAccept('[{port: metrics, protocol: TCP}]'));
    expect(conn(a, C, A)).toEqual(tcp(9090));
    const u = run(serversAccept('[{port: metrics, protocol: UDP}]'));
    expect(conn(u, C, A)).toEqual(NONE);
  });

  it('a name defined nowhere allows nothing, but the other ports of the rule still count', () => {
    expect(conn(run(serversAccept('[{port: nope}]')), C, A)).toEqual(NONE);
    expect(conn(run(serversAccept('[{port: nope}, {port: 81}]')), C, A)).toEqual(tcp(81));
  });

  it('named and numeric ports of one rule union into canonical ranges', () => {
    const a = run(serversAccept('[{port: http}, {port: 8000, endPort: 8079}, {protocol: UDP, port: dns}]'));
    expect(conn(a, C, A)).toEqual(cs({ TCP: [[8000, 8080]], UDP: [53] }));
  });

  it('resolve against every container of the pod, not only the first', () => {
    const a = analyzeYaml(
      docs(
        CLUSTER,
        `apiVersion: v1
kind: Pod
metadata: {name: multi, namespace: x, labels: {role: server}}
spec:
  containers:
    - {name: app, image: app, ports: [{name: web, containerPort: 8000}]}
    - {name: proxy, image: envoy, ports: [{name: http, containerPort: 15001}]}
`,
        serversAccept('[{port: http}]'),
      ),
    );
    expect(conn(a, C, podId('x', 'multi'))).toEqual(tcp(15001));
  });
});

describe('named ports in egress rules', () => {
  it("resolve against the DESTINATION pod's container ports, not the source's", () => {
    const a = run(clientSends('[{port: http}]'));
    expect(conn(a, C, A)).toEqual(tcp(8080));
    expect(conn(a, C, B)).toEqual(tcp(9000));
    expect(conn(a, C, DEPLOY)).toEqual(tcp(7070));
  });

  it('a destination without that name, or an external destination, gets nothing', () => {
    const a = run(
      clientSends('[{port: http}]'),
      // A pod with ports but no `http` name.
      pod({ ns: 'x', name: 'other', ports: [{ name: 'web', containerPort: 80 }] }),
    );
    expect(conn(a, C, podId('x', 'other'))).toEqual(NONE);
    expect(conn(a, C, ALL_V4)).toEqual(NONE);
  });

  it('a named port toward an ipBlock allows nothing to the external range', () => {
    const a = run(clientSends('[{port: http}]', '[{ipBlock: {cidr: 0.0.0.0/0}}]'));
    expect(conn(a, C, ALL_V4)).toEqual(NONE);
    const numeric = run(clientSends('[{port: http}, {port: 443}]', '[{ipBlock: {cidr: 0.0.0.0/0}}]'));
    expect(conn(numeric, C, ALL_V4)).toEqual(tcp(443));
  });

  it('a name that the source defines but the destination does not allows nothing', () => {
    // x/a (the source here) defines `metrics`; x/b (destination) does not.
    const a = analyzeYaml(
      docs(
        CLUSTER,
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a-out, namespace: x}
spec:
  podSelector: {matchLabels: {role: server}}
  policyTypes: [Egress]
  egress: [{ports: [{port: metrics}]}]
`,
      ),
    );
    expect(conn(a, A, B)).toEqual(NONE);
    expect(conn(a, B, A)).toEqual(tcp(9090));
  });
});
