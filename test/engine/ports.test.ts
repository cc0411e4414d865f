/**
 * Numeric ports, protocols and port ranges.
 *
 * Spec basis (NetworkPolicyPort API reference):
 * - protocol: TCP, UDP or SCTP; "If not specified, this field defaults to TCP";
 * - port: "If this field is not provided, this matches all port names and numbers";
 *   if present, "only traffic on the specified protocol AND port will be matched";
 * - endPort: "the range of ports from port to endPort, inclusive";
 * - rule `ports` "empty or missing": the rule matches all ports (of every protocol);
 * - upstream e2e "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP'".
 * Sets are compared in their canonical form: sorted, disjoint, non-adjacent ranges.
 */
import { describe, expect, it } from 'vitest';
import { ALL, ALL_V4, NONE, X, Y, conn, cs, sctp, tcp, udp, xyz } from '../helpers';

/** Ingress policy on x/a with a single rule whose `ports` is the given flow YAML (or absent). */
const ingressPorts = (ports: string | undefined, name = 'in') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{namespaceSelector: {}}]
${ports === undefined ? '' : `      ports: ${ports}\n`}`;

/** Egress policy on y/a with a single rule (to anywhere) with the given ports. */
const egressPorts = (ports: string, name = 'out') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: "y"}
spec:
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Egress]
  egress:
    - ports: ${ports}
`;

const into = (ports: string | undefined) => conn(xyz(ingressPorts(ports)), Y.a, X.a);

describe('protocols and single ports', () => {
  it('protocol defaults to TCP, and only that port', () => {
    expect(into('[{port: 80}]')).toEqual(tcp(80));
  });

  it('UDP port', () => {
    expect(into('[{protocol: UDP, port: 53}]')).toEqual(udp(53));
  });

  it("SCTP port is not TCP (e2e: should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP')", () => {
    expect(into('[{protocol: SCTP, port: 81}]')).toEqual(sctp(81));
  });

  it('explicit TCP equals the default', () => {
    expect(into('[{protocol: TCP, port: 443}]')).toEqual(tcp(443));
  });

  it('protocol without port allows every port of that protocol and nothing else', () => {
    expect(into('[{protocol: UDP}]')).toEqual(udp([1, 65535]));
    expect(into('[{protocol: SCTP}]')).toEqual(sctp([1, 65535]));
  });

  it('several ports of one rule are unioned, per protocol', () => {
    expect(into('[{port: 443}, {port: 80}, {protocol: UDP, port: 53}, {port: 53}]')).toEqual(
      cs({ TCP: [53, 80, 443], UDP: [53] }),
    );
  });
});

describe('port ranges (endPort)', () => {
  it('port..endPort inclusive', () => {
    expect(into('[{port: 32000, endPort: 32768}]')).toEqual(tcp([32000, 32768]));
  });

  it('endPort with UDP', () => {
    expect(into('[{protocol: UDP, port: 1000, endPort: 1002}]')).toEqual(udp([1000, 1002]));
  });

  it('the edges of the port space', () => {
    expect(into('[{port: 1, endPort: 10}, {port: 65530, endPort: 65535}]')).toEqual(tcp([1, 10], [65530, 65535]));
  });

  it('adjacent ranges merge into one (canonical form)', () => {
    expect(into('[{port: 80, endPort: 89}, {port: 90, endPort: 100}]')).toEqual(tcp([80, 100]));
    expect(into('[{port: 80}, {port: 81}, {port: 82}]')).toEqual(tcp([80, 82]));
  });

  it('overlapping ranges from different policies merge', () => {
    const a = xyz(ingressPorts('[{port: 80, endPort: 100}]', 'p1'), ingressPorts('[{port: 90, endPort: 120}, {port: 200}]', 'p2'));
    expect(conn(a, Y.a, X.a)).toEqual(tcp([80, 120], 200));
  });

  it('non-adjacent ranges stay separate and sorted', () => {
    expect(into('[{port: 9000, endPort: 9100}, {port: 80, endPort: 81}, {port: 83}]')).toEqual(
      tcp([80, 81], 83, [9000, 9100]),
    );
  });
});

describe('missing or empty ports', () => {
  it('`ports` missing: every port of every protocol', () => {
    expect(into(undefined)).toEqual(ALL);
  });

  it('`ports: []`: every port of every protocol', () => {
    expect(into('[]')).toEqual(ALL);
  });

  it('peers still apply when ports are missing', () => {
    const a = xyz(ingressPorts(undefined));
    expect(conn(a, ALL_V4, X.a)).toEqual(NONE);
  });
});

describe('ports on the egress side and in combination', () => {
  it('egress ports restrict every destination, including external ones', () => {
    const a = xyz(egressPorts('[{port: 443}, {protocol: UDP, port: 53}]'));
    for (const dst of [X.a, Y.b, ALL_V4]) expect(conn(a, Y.a, dst)).toEqual(cs({ TCP: [443], UDP: [53] }));
  });

  it('egress and ingress ports intersect per protocol', () => {
    const a = xyz(
      egressPorts('[{port: 1, endPort: 1000}, {protocol: UDP, port: 53}]'),
      ingressPorts('[{port: 500, endPort: 2000}, {protocol: SCTP}, {protocol: UDP, port: 54}]'),
    );
    expect(conn(a, Y.a, X.a)).toEqual(tcp([500, 1000]));
  });

  it('disjoint egress and ingress ports leave nothing: the pair is not listed', () => {
    const a = xyz(egressPorts('[{port: 80}]'), ingressPorts('[{port: 81}]'));
    expect(conn(a, Y.a, X.a)).toEqual(NONE);
    expect(a.connections.some((c) => c.from === Y.a && c.to === X.a)).toBe(false);
  });

  it('a protocol-only rule intersected with a port rule', () => {
    const a = xyz(egressPorts('[{protocol: UDP}]'), ingressPorts('[{protocol: UDP, port: 5353}, {port: 80}]'));
    expect(conn(a, Y.a, X.a)).toEqual(udp(5353));
  });
});
