/**
 * The tiers: cluster-wide policies (ClusterNetworkPolicy v1alpha2; AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy v1alpha1) around the NetworkPolicies, one rule per test.
 *
 * Spec basis (kubernetes-sigs/network-policy-api, apis/v1alpha2/clusternetworkpolicy_types.go):
 * - Tier: "Policy tiers are evaluated in the following order: Admin tier, NetworkPolicy tier,
 *   Baseline tier. … If Admin tier has made a final decision (Accept or Deny) on a connection,
 *   then no further evaluation is done. … v1.NetworkPolicy always makes a final decision for
 *   selected pods. Further evaluation only happens for Pods not selected by a v1.NetworkPolicy.
 *   … If a given connection wasn't allowed or denied by any of the tiers, the default kubernetes
 *   policy is applied, which says that all pods can communicate with each other."
 * - Priority: "Policies with lower priority values have higher precedence"; equal priorities are
 *   left to the implementation (we consult them by name, and warn).
 * - Rules: "The relative precedence of ingress rules within a single CNP object … will be
 *   determined by the order in which the rule is written."
 * - Actions: Accept ("No further egress ClusterNetworkPolicy or NetworkPolicy rules will be
 *   processed but any ingress rules at the destination do apply"), Deny, Pass ("Skips all further
 *   ClusterNetworkPolicy rules in the current tier … and passes evaluation to the next tier").
 * - Peers: `namespaces` and `pods` select pods; `networks` "is intended for representing
 *   entities that live outside the cluster … but note that cluster-internal traffic will be
 *   checked against the rule as well. So if you Accept or Deny traffic to "0.0.0.0/0", that will
 *   allow or deny all IPv4 pod-to-pod traffic as well"; `nodes` and `domainNames` name what the
 *   input cannot hold (node addresses, DNS answers), so they match nothing here.
 * - Named ports (`destinationNamedPort`, v1alpha1 `namedPort`) are the destination pod's
 *   container port of that name, of its own protocol.
 * Project rules (src/engine/tiers.ts): per direction of a pod and per port; NetworkPolicies take
 * part only in a direction they isolate; cluster-wide policies isolate nothing.
 * Mirrors, in spirit, upstream conformance tests AdminNetworkPolicyIngressTCP / EgressUDP,
 * AdminNetworkPolicyPriorityField, AdminNetworkPolicyIntegration (Pass to NP and BANP),
 * AdminNetworkPolicyEgressInlineCIDRPeers, AdminNetworkPolicyEgressNamedPort and the
 * BaselineAdminNetworkPolicy* ones.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL,
  ALL_V4,
  NONE,
  analyzeYaml,
  anp,
  banp,
  clusterSpec,
  cnp,
  conn,
  cs,
  docs,
  inFile,
  lineOf,
  namespace,
  netpol,
  pod,
  podId,
  tcp,
  udp,
  workloadIds,
  type Analysis,
  type PodSpec,
} from '../helpers';

// x (team blue): a (app a, 10.0.0.1, http TCP 8080, dns UDP 53) and b (app b, 10.0.0.2).
// z (team red): c (app c, 10.1.0.1) and d (app d, no IP known).
const PODS = docs(
  namespace('x', { team: 'blue' }),
  namespace('z', { team: 'red' }),
  pod({
    ns: 'x',
    name: 'a',
    labels: { app: 'a' },
    ips: ['10.0.0.1'],
    ports: [
      { name: 'http', containerPort: 8080 },
      { name: 'dns', containerPort: 53, protocol: 'UDP' },
    ],
  }),
  pod({ ns: 'x', name: 'b', labels: { app: 'b' }, ips: ['10.0.0.2'] }),
  pod({ ns: 'z', name: 'c', labels: { app: 'c' }, ips: ['10.1.0.1'] }),
  pod({ ns: 'z', name: 'd', labels: { app: 'd' } }),
);
const A = podId('x', 'a');
const B = podId('x', 'b');
const C = podId('z', 'c');
const D = podId('z', 'd');

/** Subjects and peers of the examples, in flow style. */
const POD_A = '{pods: {namespaceSelector: {matchLabels: {team: blue}}, podSelector: {matchLabels: {app: a}}}}';
const POD_B = '{pods: {namespaceSelector: {matchLabels: {team: blue}}, podSelector: {matchLabels: {app: b}}}}';
const RED = '{namespaces: {matchLabels: {team: red}}}';
const EVERY_NAMESPACE = '{namespaces: {}}';
const tcpPort = (port: number) => `{tcp: {destinationPort: {number: ${port}}}}`;
const tcpRange = (start: number, end: number) => `{tcp: {destinationPort: {range: {start: ${start}, end: ${end}}}}}`;

/** One rule in flow style: `action` from (ingress) or to (egress) `peers`, on `protocols` when given. */
const from = (action: string, peers: string, protocols?: string) =>
  `{action: ${action}, from: [${peers}]${protocols ? `, protocols: [${protocols}]` : ''}}`;
const to = (action: string, peers: string, protocols?: string) =>
  `{action: ${action}, to: [${peers}]${protocols ? `, protocols: [${protocols}]` : ''}}`;

/** A ClusterNetworkPolicy of a's ingress (or of `subject`'s) with these rules. */
const ingressOf = (name: string, tier: 'Admin' | 'Baseline', priority: number, rules: string[], subject = POD_A) =>
  cnp(name, tier, priority, clusterSpec(subject, { ingress: rules }));
const egressOf = (name: string, tier: 'Admin' | 'Baseline', priority: number, rules: string[], subject = POD_A) =>
  cnp(name, tier, priority, clusterSpec(subject, { egress: rules }));

/** NetworkPolicies of x/a: isolating ingress with no rule, and allowing every ingress. */
const A_DENY_INGRESS = netpol('x', 'a-deny', '  podSelector: {matchLabels: {app: a}}\n  policyTypes: [Ingress]\n');
const A_ALLOW_INGRESS = netpol('x', 'a-allow', '  podSelector: {matchLabels: {app: a}}\n  ingress: [{}]\n');

/** Everything but TCP `port`. */
const allButTcp = (port: number) => cs({ TCP: [[1, port - 1], [port + 1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] });

const analyze = (...policies: string[]): Analysis => analyzeYaml(docs(PODS, ...policies));

describe('the Admin tier decides before the NetworkPolicies', () => {
  it('an Admin Accept overrides an isolating NetworkPolicy that denies, and skips the Baseline tier', () => {
    const a = analyze(
      A_DENY_INGRESS,
      ingressOf('open-red', 'Admin', 10, [from('Accept', RED)]),
      ingressOf('close-all', 'Baseline', 10, [from('Deny', EVERY_NAMESPACE)]),
    );
    expect(conn(a, C, A)).toEqual(ALL);
    expect(conn(a, D, A)).toEqual(ALL);
    // Not accepted by Admin: the NetworkPolicy decides (it allows nothing).
    expect(conn(a, B, A)).toEqual(NONE);
  });

  it('an Admin Deny overrides a NetworkPolicy that allows', () => {
    const a = analyze(A_ALLOW_INGRESS, ingressOf('deny-red', 'Admin', 10, [from('Deny', RED)]));
    expect(conn(a, C, A)).toEqual(NONE);
    expect(conn(a, B, A)).toEqual(ALL);
    expect(conn(a, ALL_V4, A)).toEqual(ALL);
  });

  it('a Pass hands the traffic to the NetworkPolicies, skipping the rest of the Admin tier', () => {
    const a = analyze(
      netpol('x', 'a-80', '  podSelector: {matchLabels: {app: a}}\n  ingress: [{ports: [{port: 80}]}]\n'),
      ingressOf('pass-red', 'Admin', 1, [from('Pass', RED)]),
      ingressOf('deny-red', 'Admin', 2, [from('Deny', RED)]),
    );
    // The Deny at priority 2 is never reached; the NetworkPolicy allows TCP 80.
    expect(conn(a, C, A)).toEqual(tcp(80));
    expect(conn(a, B, A)).toEqual(tcp(80));
  });

  it('a Pass with no NetworkPolicy isolating the pod goes on to the Baseline tier', () => {
    const a = analyze(
      ingressOf('pass-red', 'Admin', 1, [from('Pass', RED)]),
      ingressOf('deny-red', 'Admin', 2, [from('Deny', RED)]),
      ingressOf('no-443', 'Baseline', 1, [from('Deny', RED, tcpPort(443))]),
    );
    expect(conn(a, C, A)).toEqual(allButTcp(443));
  });
});

describe('the Baseline tier decides only what nothing before it decided', () => {
  it('Deny denies, Accept allows, Pass allows (nothing comes after Baseline); the first match decides', () => {
    const a = analyze(
      ingressOf('base', 'Baseline', 1, [from('Accept', RED, tcpPort(80)), from('Pass', RED, tcpPort(22)), from('Deny', RED)]),
    );
    expect(conn(a, C, A)).toEqual(tcp(22, 80));
    // No Baseline rule names b: the default, everything.
    expect(conn(a, B, A)).toEqual(ALL);
  });

  it('is not consulted in a direction NetworkPolicies isolate', () => {
    const a = analyze(A_ALLOW_INGRESS, ingressOf('base', 'Baseline', 1, [from('Deny', EVERY_NAMESPACE)]));
    expect(conn(a, C, A)).toEqual(ALL);
  });

  it('with no rule matching anywhere, the traffic is allowed: cluster-wide policies isolate nothing', () => {
    const a = analyze(
      ingressOf('admin', 'Admin', 1, [from('Accept', RED)]),
      ingressOf('base', 'Baseline', 1, [from('Deny', RED)]),
    );
    // b is named by no rule: neither the Admin Accept nor the Baseline Deny isolate a against it.
    expect(conn(a, B, A)).toEqual(ALL);
    expect(conn(a, ALL_V4, A)).toEqual(ALL);
    expect(conn(a, A, B)).toEqual(ALL);
  });
});

describe('ports and order', () => {
  it('a rule with ports decides only those ports; the others fall through to the next tier', () => {
    const a = analyze(
      netpol('x', 'a-80-90', '  podSelector: {matchLabels: {app: a}}\n  ingress: [{ports: [{port: 80, endPort: 90}]}]\n'),
      ingressOf('no-80', 'Admin', 1, [from('Deny', RED, tcpPort(80))]),
    );
    expect(conn(a, C, A)).toEqual(tcp([81, 90]));
    expect(conn(a, B, A)).toEqual(tcp([80, 90]));

    const accepted = analyze(
      ingressOf('only-80', 'Admin', 1, [from('Accept', RED, tcpPort(80))]),
      ingressOf('close', 'Baseline', 1, [from('Deny', RED)]),
    );
    expect(conn(accepted, C, A)).toEqual(tcp(80));
  });

  it('within a policy, the first rule written wins', () => {
    const deny80 = from('Deny', RED, tcpPort(80));
    const accept8081 = from('Accept', RED, tcpRange(80, 81));
    const close = ingressOf('close', 'Baseline', 1, [from('Deny', RED)]);
    const ordered = (...rules: string[]) => analyze(ingressOf('rules', 'Admin', 1, rules), close);
    expect(conn(ordered(deny80, accept8081), C, A)).toEqual(tcp(81));
    expect(conn(ordered(accept8081, deny80), C, A)).toEqual(tcp([80, 81]));
  });

  it('across policies, the lower priority number wins, whatever the names', () => {
    const accept = (priority: number) => ingressOf('a-accept', 'Admin', priority, [from('Accept', RED)]);
    const deny = (priority: number) => ingressOf('z-deny', 'Admin', priority, [from('Deny', RED)]);
    expect(conn(analyze(accept(50), deny(5)), C, A)).toEqual(NONE);
    expect(conn(analyze(accept(5), deny(50)), C, A)).toEqual(ALL);
    // An AdminNetworkPolicy shares the Admin tier's priorities with ClusterNetworkPolicies.
    const anpAccept = (priority: number) => anp('a-accept', priority, clusterSpec(POD_A, { ingress: [from('Allow', RED)] }));
    expect(conn(analyze(anpAccept(50), deny(5)), C, A)).toEqual(NONE);
    expect(conn(analyze(anpAccept(5), deny(50)), C, A)).toEqual(ALL);
  });

  it('equal priorities are consulted by name, and each policy of the tie is warned about', () => {
    const policy = (name: string, action: string) => ingressOf(name, 'Admin', 10, [from(action, RED)]);
    expect(conn(analyze(policy('first', 'Deny'), policy('second', 'Accept')), C, A)).toEqual(NONE);
    expect(conn(analyze(policy('second', 'Deny'), policy('first', 'Accept')), C, A)).toEqual(ALL);

    const yaml = docs(PODS, policy('second', 'Deny'), policy('first', 'Accept'));
    const a = analyzeYaml(yaml);
    const ties = a.diagnostics.filter((d) => d.code === 'cluster-priority-tie');
    expect(ties.map((d) => [d.severity, inFile(a, d.location).range.startLine])).toEqual([
      ['warning', lineOf(yaml, 'name: second')],
      ['warning', lineOf(yaml, 'name: first')],
    ]);
    expect(ties[0]!.message).toContain('ClusterNetworkPolicy first');
  });
});

describe('each direction on its own', () => {
  it('an Ingress-only NetworkPolicy does not keep the Baseline tier from deciding egress', () => {
    const rules = { ingress: [from('Accept', EVERY_NAMESPACE)], egress: [to('Deny', RED)] };
    const baseline = cnp('base', 'Baseline', 1, clusterSpec(POD_A, rules));
    const a = analyze(A_DENY_INGRESS, baseline);
    // Egress: no NetworkPolicy isolates it, so Baseline denies a → z.
    expect(conn(a, A, C)).toEqual(NONE);
    expect(conn(a, A, D)).toEqual(NONE);
    expect(conn(a, A, B)).toEqual(ALL);
    // Ingress: the NetworkPolicy isolates it and allows nothing; Baseline's Accept is not reached.
    expect(conn(a, B, A)).toEqual(NONE);
    expect(conn(a, C, A)).toEqual(NONE);
  });

  it('a connection needs the source egress and the destination ingress to allow it', () => {
    const out = (action: string) => egressOf('b-out', 'Admin', 1, [to(action, POD_A)], POD_B);
    const into = (action: string) => ingressOf('a-in', 'Admin', 2, [from(action, POD_B)]);
    expect(conn(analyze(out('Accept'), into('Deny')), B, A)).toEqual(NONE);
    expect(conn(analyze(out('Deny'), into('Accept')), B, A)).toEqual(NONE);
    expect(conn(analyze(out('Accept'), into('Accept')), B, A)).toEqual(ALL);
  });
});

describe('peers', () => {
  it('an ingress `namespaces: {}` (or `pods`) never matches a source outside the cluster', () => {
    const everyPod = '{pods: {namespaceSelector: {}, podSelector: {}}}';
    const a = analyze(ingressOf('deny-pods', 'Admin', 1, [from('Deny', `${EVERY_NAMESPACE}, ${everyPod}`)]));
    expect(conn(a, B, A)).toEqual(NONE);
    expect(conn(a, C, A)).toEqual(NONE);
    expect(conn(a, ALL_V4, A)).toEqual(ALL);
  });

  it('`networks` matches the outside range it names and a pod by its podIP', () => {
    const a = analyze(egressOf('deny-net', 'Admin', 1, [to('Deny', '{networks: [10.1.0.0/16]}')]));
    expect(conn(a, A, '10.1.0.0-10.1.255.255')).toEqual(NONE);
    expect(conn(a, A, C)).toEqual(NONE);
    expect(conn(a, A, B)).toEqual(ALL);
    expect(conn(a, A, '0.0.0.0-10.0.255.255')).toEqual(ALL);
    expect(conn(a, A, '10.2.0.0-255.255.255.255')).toEqual(ALL);
  });

  it('`networks: [0.0.0.0/0]` also matches pods with no known IP; a narrower CIDR does not', () => {
    const deny = (cidr: string) => analyze(egressOf('deny-net', 'Admin', 1, [to('Deny', `{networks: [${cidr}]}`)]));
    const all = deny('0.0.0.0/0');
    expect([B, C, D, ALL_V4].map((other) => conn(all, A, other))).toEqual([NONE, NONE, NONE, NONE]);
    const tens = deny('10.0.0.0/8');
    expect(conn(tens, A, B)).toEqual(NONE);
    expect(conn(tens, A, C)).toEqual(NONE);
    expect(conn(tens, A, D)).toEqual(ALL);
  });

  it('`nodes` and `domainNames` peers match nothing the input holds', () => {
    const peers = "{nodes: {}}, {domainNames: [example.com, '*.example.org']}";
    const a = analyze(egressOf('deny-nodes', 'Admin', 1, [to('Deny', peers)]));
    for (const other of [B, C, D, ALL_V4]) expect(conn(a, A, other), other).toEqual(ALL);
  });

  it('a subject `namespaces` selects every pod of those namespaces; `pods` only the matching pods', () => {
    const deny = (subject: string) => analyze(egressOf('deny', 'Admin', 1, [to('Deny', '{networks: [0.0.0.0/0]}')], subject));
    const byNamespace = deny(RED);
    expect([C, D].map((source) => conn(byNamespace, source, ALL_V4))).toEqual([NONE, NONE]);
    expect([A, B].map((source) => conn(byNamespace, source, ALL_V4))).toEqual([ALL, ALL]);
    const byPod = deny('{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: c}}}}');
    expect([C, D].map((source) => conn(byPod, source, ALL_V4))).toEqual([NONE, ALL]);
  });
});

describe('named ports', () => {
  it('resolve on the destination pod, with that container port’s protocol (dns is UDP 53)', () => {
    const egress = analyze(
      egressOf('b-dns', 'Admin', 1, [to('Accept', POD_A, '{destinationNamedPort: dns}')], POD_B),
      egressOf('close', 'Baseline', 1, [to('Deny', EVERY_NAMESPACE)], POD_B),
    );
    expect(conn(egress, B, A)).toEqual(udp(53));
    const closeIngress = ingressOf('close', 'Baseline', 1, [from('Deny', EVERY_NAMESPACE)]);
    const ingress = analyze(ingressOf('a-dns', 'Admin', 1, [from('Accept', POD_B, '{destinationNamedPort: dns}')]), closeIngress);
    expect(conn(ingress, B, A)).toEqual(udp(53));
    // A v1alpha1 namedPort reads the same way.
    const namedPort = `{action: Allow, from: [${POD_B}], ports: [{namedPort: dns}]}`;
    const v1alpha1 = analyze(anp('a-dns', 1, clusterSpec(POD_A, { ingress: [namedPort] })), closeIngress);
    expect(conn(v1alpha1, B, A)).toEqual(udp(53));
  });

  it('beside a `networks` peer, a named port opens nothing toward an address (its numbered ports do)', () => {
    const HTTP_AND_443 = `{destinationNamedPort: http}, ${tcpPort(443)}`;
    const toNetworks = (cidr: string) =>
      analyze(
        egressOf('to-net', 'Admin', 1, [to('Accept', `{networks: [${cidr}]}`, HTTP_AND_443)], POD_B),
        egressOf('close', 'Baseline', 1, [to('Deny', '{networks: [0.0.0.0/0]}')], POD_B),
      );
    const outside = toNetworks('192.168.0.0/16');
    expect(conn(outside, B, '192.168.0.0-192.168.255.255')).toEqual(tcp(443));
    expect(conn(outside, B, A)).toEqual(NONE);
    // A pod the `networks` take in by its IP is a pod: the named port resolves on it.
    const pod = toNetworks('10.0.0.1/32');
    expect(conn(pod, B, A)).toEqual(tcp(443, 8080));
    expect(conn(pod, B, '10.0.0.1-10.0.0.1')).toEqual(tcp(443));
  });
});

describe('the three kinds', () => {
  /** Admin rules of a's ingress and egress, with the ports of each kind's dialect. */
  const admin = (allow: string, ports: Record<'udp' | 'tcp443' | 'http', string>) =>
    clusterSpec(POD_A, {
      ingress: [
        `{action: Deny, from: [${RED}], ${ports.udp}}`,
        `{action: Pass, from: [${EVERY_NAMESPACE}], ${ports.tcp443}}`,
        `{action: ${allow}, from: [${EVERY_NAMESPACE}], ${ports.http}}`,
      ],
      egress: [to('Deny', '{networks: [10.1.0.0/16]}')],
    });
  const V1ALPHA2_PORTS = {
    udp: 'protocols: [{udp: {destinationPort: {range: {start: 5000, end: 5100}}}}]',
    tcp443: `protocols: [${tcpPort(443)}]`,
    http: 'protocols: [{destinationNamedPort: http}]',
  };
  const V1ALPHA1_PORTS = {
    udp: 'ports: [{portRange: {protocol: UDP, start: 5000, end: 5100}}]',
    tcp443: 'ports: [{portNumber: {port: 443}}]',
    http: 'ports: [{namedPort: http}]',
  };
  const baseline = (allow: string) =>
    clusterSpec('{namespaces: {}}', { ingress: [from(allow, POD_B), from('Deny', EVERY_NAMESPACE)], egress: [to('Deny', RED)] });
  const pairs = (a: Analysis) => a.connections.map((c) => [c.from, c.to, c.allowed]);

  it('an AdminNetworkPolicy means what the same ClusterNetworkPolicy of the Admin tier means', () => {
    const v1alpha2 = analyze(cnp('admin', 'Admin', 3, admin('Accept', V1ALPHA2_PORTS)));
    const v1alpha1 = analyze(anp('admin', 3, admin('Allow', V1ALPHA1_PORTS)));
    expect(pairs(v1alpha1)).toEqual(pairs(v1alpha2));
    // Hand-checked: from z, UDP 5000-5100 denied; nothing else decided, so allowed (no NetworkPolicy, no Baseline).
    expect(conn(v1alpha2, C, A)).toEqual(cs({ TCP: [[1, 65535]], UDP: [[1, 4999], [5101, 65535]], SCTP: [[1, 65535]] }));
    expect(conn(v1alpha2, A, C)).toEqual(NONE);
  });

  it('a BaselineAdminNetworkPolicy means what the same ClusterNetworkPolicy of the Baseline tier means', () => {
    const v1alpha2 = analyze(cnp('default', 'Baseline', 0, baseline('Accept')));
    const v1alpha1 = analyze(banp(baseline('Allow')));
    expect(pairs(v1alpha1)).toEqual(pairs(v1alpha2));
    expect(conn(v1alpha2, B, A)).toEqual(ALL);
    expect(conn(v1alpha2, C, A)).toEqual(NONE);
    expect(conn(v1alpha2, A, C)).toEqual(NONE);
    expect(conn(v1alpha2, ALL_V4, A)).toEqual(ALL);
  });

  it('a BaselineAdminNetworkPolicy under ClusterNetworkPolicies of the Admin tier', () => {
    const a = analyze(
      banp(clusterSpec('{namespaces: {}}', { ingress: [from('Deny', RED)] })),
      ingressOf('pass-red', 'Admin', 1, [from('Pass', RED, tcpPort(80))]),
      ingressOf('accept-red', 'Admin', 2, [from('Accept', RED, tcpRange(80, 81))]),
    );
    // TCP 80 passed to Baseline, which denies; TCP 81 accepted by Admin; the rest denied by Baseline.
    expect(conn(a, C, A)).toEqual(tcp(81));
    // From x nothing denies; into b, the BaselineAdminNetworkPolicy denies z.
    expect(conn(a, B, A)).toEqual(ALL);
    expect(conn(a, C, B)).toEqual(NONE);
  });
});

describe('grouping the pods of one owner', () => {
  // Grouping must never change a verdict (engine/README.md): pods that a `networks` peer tells
  // apart stay apart. Here p1's only IP is IPv6, outside 0.0.0.0/0; p2 has no known IP, so
  // 0.0.0.0/0 takes it in. (Regression: they were once joined, and client → p2 read as allowed.)
  const BLUE = '{namespaces: {matchLabels: {team: blue}}}';
  const denyIpv4 = egressOf('deny-ipv4', 'Admin', 1, [to('Deny', '{networks: [0.0.0.0/0]}')], BLUE);
  const pods = (owned: boolean): string[] => {
    const member = (name: string, ips?: string[]): PodSpec => ({
      ns: 'z',
      name,
      labels: { app: 'srv' },
      ...(ips ? { ips } : {}),
      ...(owned ? { owner: { kind: 'ReplicaSet', name: 'rs' } } : {}),
    });
    const client = pod({ ns: 'x', name: 'client' });
    return [namespace('x', { team: 'blue' }), client, pod(member('p1', ['2001:db8::1'])), pod(member('p2'))];
  };

  it('pods that `networks: [0.0.0.0/0]` tells apart (one IPv6-only, one without an IP) stay apart', () => {
    const alone = analyzeYaml(docs(...pods(false), denyIpv4));
    expect(conn(alone, 'x/client[Pod]', 'z/p1[Pod]')).toEqual(ALL);
    expect(conn(alone, 'x/client[Pod]', 'z/p2[Pod]')).toEqual(NONE);
    const grouped = analyzeYaml(docs(...pods(true), denyIpv4));
    expect(workloadIds(grouped)).toEqual(['x/client[Pod]', 'z/p1[Pod]', 'z/p2[Pod]']);
    expect(conn(grouped, 'x/client[Pod]', 'z/p1[Pod]')).toEqual(ALL);
    expect(conn(grouped, 'x/client[Pod]', 'z/p2[Pod]')).toEqual(NONE);
  });
});
