/**
 * ipBlock peers and external endpoints.
 *
 * Spec basis (IPBlock API reference): "a particular CIDR ... that is allowed to the pods
 * matched by a NetworkPolicySpec's podSelector. The except entry describes CIDRs that should not
 * be included within this rule." CIDRs are compared as networks (host bits masked).
 * Like the upstream e2e tests ("should allow egress access to server in CIDR block", "should
 * enforce except clause while egress access to server in CIDR block", "should ensure an IP
 * overlapping both IPBlock.CIDR and IPBlock.Except is allowed") ipBlocks also match pods by
 * their status.podIP(s); a pod with no known IP is never matched by an ipBlock.
 * Project rule: external endpoints are the disjoint ranges the ipBlocks carve out of each
 * address space; IPv6 appears only when an IPv6 ipBlock exists; ext->ext pairs are not listed.
 */
import { describe, expect, it } from 'vitest';
import { ALL, ALL_V4, ALL_V6, NONE, analyzeYaml, conn, docs, externalIds, pod, podId, sourcesOf, destinationsOf } from '../helpers';

const SRV = podId('x', 'srv');
const SERVER = pod({ ns: 'x', name: 'srv', labels: { role: 'srv' } });

/** Ingress policy on x/srv allowing from the given peers (flow YAML list). */
const allowFrom = (from: string, name = 'in') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: x}
spec:
  podSelector: {matchLabels: {role: srv}}
  ingress:
    - from: ${from}
`;
/** Egress policy on x/srv allowing to the given peers (flow YAML list). */
const allowTo = (to: string, name = 'out') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: x}
spec:
  podSelector: {matchLabels: {role: srv}}
  policyTypes: [Egress]
  egress:
    - to: ${to}
`;

describe('carving the address space', () => {
  it('one cidr splits IPv4 into below / inside / above, and only inside is allowed', () => {
    const a = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: 10.0.0.0/8}}]')));
    expect(externalIds(a)).toEqual(['0.0.0.0-9.255.255.255', '10.0.0.0-10.255.255.255', '11.0.0.0-255.255.255.255']);
    expect(sourcesOf(a, SRV)).toEqual(['10.0.0.0-10.255.255.255']);
    expect(conn(a, '10.0.0.0-10.255.255.255', SRV)).toEqual(ALL);
    // Egress is not isolated: srv reaches every range.
    expect(destinationsOf(a, SRV)).toEqual(externalIds(a));
  });

  it('except is carved out of the cidr', () => {
    const a = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]')));
    expect(externalIds(a)).toEqual(
      [
        '0.0.0.0-9.255.255.255',
        '10.0.0.0-10.0.255.255',
        '10.1.0.0-10.1.255.255',
        '10.2.0.0-10.255.255.255',
        '11.0.0.0-255.255.255.255',
      ].sort(),
    );
    expect(sourcesOf(a, SRV)).toEqual(['10.0.0.0-10.0.255.255', '10.2.0.0-10.255.255.255']);
  });

  it('host bits are masked: 10.0.0.1/8 means 10.0.0.0/8', () => {
    const masked = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: 10.0.0.1/8}}]')));
    expect(externalIds(masked)).toEqual(['0.0.0.0-9.255.255.255', '10.0.0.0-10.255.255.255', '11.0.0.0-255.255.255.255']);
    expect(sourcesOf(masked, SRV)).toEqual(['10.0.0.0-10.255.255.255']);
  });

  it('a /32 is a one-address endpoint written first-last', () => {
    const a = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: 192.168.1.7/32}}]')));
    expect(externalIds(a)).toEqual(['0.0.0.0-192.168.1.6', '192.168.1.7-192.168.1.7', '192.168.1.8-255.255.255.255']);
    expect(sourcesOf(a, SRV)).toEqual(['192.168.1.7-192.168.1.7']);
  });

  it('ipBlocks of all policies carve together, even of a policy that selects no pod', () => {
    const a = analyzeYaml(
      docs(
        SERVER,
        allowFrom('[{ipBlock: {cidr: 10.0.0.0/8}}]'),
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: unused, namespace: x}
spec:
  podSelector: {matchLabels: {nobody: here}}
  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/16}}]}]
`,
      ),
    );
    expect(externalIds(a)).toEqual(
      ['0.0.0.0-9.255.255.255', '10.0.0.0-10.0.255.255', '10.1.0.0-10.255.255.255', '11.0.0.0-255.255.255.255'].sort(),
    );
    expect(sourcesOf(a, SRV)).toEqual(['10.0.0.0-10.0.255.255', '10.1.0.0-10.255.255.255']);
  });

  it('0.0.0.0/0 covers all of IPv4 as one endpoint', () => {
    const a = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: 0.0.0.0/0}}]')));
    expect(externalIds(a)).toEqual([ALL_V4]);
    expect(sourcesOf(a, SRV)).toEqual([ALL_V4]);
  });

  it('IPv6 ranges appear only with an IPv6 ipBlock, carved alike, compressed ids', () => {
    const v4 = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: 10.0.0.0/8}}]')));
    expect(v4.endpoints.filter((e) => e.type === 'external' && e.range.family === 6)).toEqual([]);

    const a = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: "2001:db8::/32"}}]')));
    expect(externalIds(a)).toEqual(
      [
        ALL_V4,
        '::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff',
        '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
        '2001:db9::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      ].sort(),
    );
    expect(sourcesOf(a, SRV)).toEqual(['2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff']);
    expect(conn(a, ALL_V4, SRV)).toEqual(NONE);
  });

  it('IPv6 except and host-bit masking', () => {
    const a = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: "fd00::1/8", except: ["fd00::/16"]}}]')));
    expect(sourcesOf(a, SRV)).toEqual(['fd01::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']);
    expect(externalIds(a)).toContain('fd00::-fd00:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(externalIds(a)).toContain('::-fcff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(externalIds(a)).not.toContain(ALL_V6);
  });

  it('IPv6 ids use RFC 5952 text: lone zero groups kept, first of equal zero runs compressed', () => {
    // Expected texts checked against Python's ipaddress module (RFC 5952 output).
    const a = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: "2001:db8:0:1::/64"}}, {ipBlock: {cidr: "2001:0:0:1::/96"}}]')));
    expect(sourcesOf(a, SRV)).toEqual(
      ['2001:0:0:1::-2001::1:0:0:ffff:ffff', '2001:db8:0:1::-2001:db8:0:1:ffff:ffff:ffff:ffff'].sort(),
    );
    expect(externalIds(a)).toContain('2001::1:0:1:0:0-2001:db8::ffff:ffff:ffff:ffff');
    expect(externalIds(a)).toContain('2001:db8:0:2::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });

  it('external ranges never connect to each other', () => {
    const a = analyzeYaml(docs(SERVER, allowFrom('[{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}, {ipBlock: {cidr: "fd00::/8"}}]')));
    const ext = new Set(externalIds(a));
    expect(ext.size).toBeGreaterThan(5);
    expect(a.connections.filter((c) => ext.has(c.from) && ext.has(c.to))).toEqual([]);
  });
});

describe('ipBlock applied to pod IPs', () => {
  const CLIENTS = docs(
    pod({ ns: 'y', name: 'inside', ips: ['10.2.3.4'] }),
    pod({ ns: 'y', name: 'excepted', ips: ['10.1.2.3'] }),
    pod({ ns: 'y', name: 'outside', ips: ['192.168.0.5'] }),
    pod({ ns: 'y', name: 'noip' }),
  );

  it('a pod whose podIP is inside cidr and outside except is matched; others are not', () => {
    const a = analyzeYaml(docs(SERVER, CLIENTS, allowFrom('[{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]')));
    expect(conn(a, podId('y', 'inside'), SRV)).toEqual(ALL);
    expect(conn(a, podId('y', 'excepted'), SRV)).toEqual(NONE);
    expect(conn(a, podId('y', 'outside'), SRV)).toEqual(NONE);
    // No known IP: never matched by an ipBlock, not even 0.0.0.0/0.
    expect(conn(a, podId('y', 'noip'), SRV)).toEqual(NONE);
    const all = analyzeYaml(docs(SERVER, CLIENTS, allowFrom('[{ipBlock: {cidr: 0.0.0.0/0}}]')));
    expect(conn(all, podId('y', 'noip'), SRV)).toEqual(NONE);
    expect(conn(all, podId('y', 'outside'), SRV)).toEqual(ALL);
  });

  it('egress to a /32 of a pod IP reaches that pod and that address only', () => {
    // e2e: "should allow egress access to server in CIDR block".
    const a = analyzeYaml(
      docs(
        SERVER,
        pod({ ns: 'y', name: 'b', ips: ['10.9.9.9'] }),
        pod({ ns: 'y', name: 'a', ips: ['10.9.9.8'] }),
        allowTo('[{ipBlock: {cidr: 10.9.9.9/32}}]'),
      ),
    );
    expect(destinationsOf(a, SRV)).toEqual([podId('y', 'b'), '10.9.9.9-10.9.9.9'].sort());
  });

  it('an IP in both cidr and except of one rule is allowed by another rule that covers it', () => {
    // e2e: "should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed".
    const b = pod({ ns: 'x', name: 'b', ips: ['10.9.9.9'] });
    const deny = analyzeYaml(docs(SERVER, b, allowTo('[{ipBlock: {cidr: 10.0.0.0/8, except: [10.9.9.9/32]}}]')));
    expect(conn(deny, SRV, podId('x', 'b'))).toEqual(NONE);
    const allow = analyzeYaml(
      docs(SERVER, b, allowTo('[{ipBlock: {cidr: 10.0.0.0/8, except: [10.9.9.9/32]}}]'), allowTo('[{ipBlock: {cidr: 10.9.9.9/32}}]', 'out2')),
    );
    expect(conn(allow, SRV, podId('x', 'b'))).toEqual(ALL);
  });

  it('any of a dual-stack pod\'s podIPs may match', () => {
    const a = analyzeYaml(
      docs(SERVER, pod({ ns: 'y', name: 'ds', ips: ['10.1.2.3', 'fd00::5'] }), allowFrom('[{ipBlock: {cidr: "fd00::/8"}}]')),
    );
    expect(conn(a, podId('y', 'ds'), SRV)).toEqual(ALL);
  });

  it('a pod IP does not make the pod an external endpoint, nor split the space', () => {
    const a = analyzeYaml(docs(SERVER, pod({ ns: 'y', name: 'ip', ips: ['10.1.2.3'] })));
    expect(externalIds(a)).toEqual([ALL_V4]);
  });
});
