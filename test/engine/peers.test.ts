/**
 * Peers (`from` / `to` elements) and what they match.
 *
 * Spec basis (NetworkPolicyPeer / NetworkPolicyIngressRule API reference):
 * - `from`/`to` empty or missing: the rule matches all sources/destinations (incl. outside IPs);
 * - podSelector alone: pods in the policy's own namespace;
 * - namespaceSelector alone: all pods in the selected namespaces;
 * - both in one element: pods matching podSelector in namespaces matching namespaceSelector (AND);
 * - separate elements of the list are ORed;
 * - selectors never match traffic from outside the cluster (ipBlock does that).
 * Test names that quote e2e tests mirror test/e2e/network/netpol/network_policy.go.
 */
import { describe, expect, it } from 'vitest';
import { ALL, ALL_V4, NONE, X, XYZ_PODS, Y, Z, analyzeYaml, conn, docs, fixture, pod, sourcesOf, destinationsOf, tcp, xyz } from '../helpers';

/** An ingress policy on x/a whose single rule has the given `from` list (flow YAML). */
const ingressToXa = (from: string, extra = '') =>
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: to-xa, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: ${from}
${extra}`;

/** An egress policy on x/a whose single rule has the given `to` list (flow YAML). */
const egressFromXa = (to: string) =>
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-xa, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Egress]
  egress:
    - to: ${to}
`;

describe('ingress peers', () => {
  it('podSelector alone selects pods of the policy namespace only', () => {
    // e2e: "should enforce policy to allow traffic from pods within server namespace based on PodSelector".
    const a = xyz(ingressToXa('[{podSelector: {matchLabels: {pod: b}}}]'));
    expect(sourcesOf(a, X.a)).toEqual([X.b]);
    expect(conn(a, X.b, X.a)).toEqual(ALL);
    expect(conn(a, Y.b, X.a)).toEqual(NONE);
    expect(conn(a, ALL_V4, X.a)).toEqual(NONE);
  });

  it('namespaceSelector alone selects every pod of the matching namespaces', () => {
    // e2e: "should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector".
    const a = xyz(ingressToXa('[{namespaceSelector: {matchLabels: {ns: "y"}}}]'));
    expect(sourcesOf(a, X.a)).toEqual([Y.a, Y.b]);
  });

  it('podSelector and namespaceSelector in ONE element are ANDed', () => {
    // e2e: "should enforce policy based on PodSelector and NamespaceSelector".
    const a = xyz(
      ingressToXa(
        '[{namespaceSelector: {matchExpressions: [{key: ns, operator: In, values: ["y", z]}]}, podSelector: {matchLabels: {pod: b}}}]',
      ),
    );
    expect(sourcesOf(a, X.a)).toEqual([Y.b, Z.b]);
  });

  it('separate elements are ORed', () => {
    // e2e: "should enforce policy based on PodSelector or NamespaceSelector".
    const a = xyz(ingressToXa('[{namespaceSelector: {matchLabels: {ns: "y"}}}, {podSelector: {matchLabels: {pod: b}}}]'));
    expect(sourcesOf(a, X.a)).toEqual([X.b, Y.a, Y.b]);
  });

  it('namespaceSelector: {} matches all pods of all namespaces, but no external address', () => {
    // e2e: "should enforce policy to allow ingress traffic from pods in all namespaces".
    const a = xyz(ingressToXa('[{namespaceSelector: {}}]'));
    expect(sourcesOf(a, X.a)).toEqual(XYZ_PODS.filter((p) => p !== X.a).sort());
    expect(conn(a, ALL_V4, X.a)).toEqual(NONE);
  });

  it('podSelector: {} matches all pods of the policy namespace only', () => {
    const a = xyz(ingressToXa('[{podSelector: {}}]'));
    expect(sourcesOf(a, X.a)).toEqual([X.b, X.c]);
  });

  it('podSelector: {} with namespaceSelector: {} matches every pod, still no external address', () => {
    // e2e: "should enforce policy to allow ingress traffic for a target".
    const a = xyz(ingressToXa('[{podSelector: {}, namespaceSelector: {}}]'));
    expect(sourcesOf(a, X.a)).toEqual(XYZ_PODS.filter((p) => p !== X.a).sort());
  });

  it('an absent `from` matches every source, including external addresses', () => {
    const a = xyz(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - ports: [{port: 80}]
`);
    for (const src of [X.b, Y.a, Z.b, ALL_V4]) expect(conn(a, src, X.a)).toEqual(tcp(80));
  });

  it('an empty `from: []` matches every source, including external addresses', () => {
    const a = xyz(ingressToXa('[]', '      ports: [{port: 80}]\n'));
    for (const src of [X.b, Y.a, Z.b, ALL_V4]) expect(conn(a, src, X.a)).toEqual(tcp(80));
  });

  it('a rule `{}` allows everything from everywhere', () => {
    const a = xyz(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress: [{}]
`);
    for (const src of [X.b, Y.a, ALL_V4]) expect(conn(a, src, X.a)).toEqual(ALL);
  });

  it('podSelector in a policy of namespace y means pods of y, whatever the peer namespace', () => {
    const a = xyz(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: "y"}
spec:
  podSelector: {matchLabels: {pod: a}}
  ingress:
    - from: [{podSelector: {matchLabels: {pod: b}}}]
`);
    expect(sourcesOf(a, Y.a)).toEqual([Y.b]);
  });
});

describe('egress peers', () => {
  it('namespaceSelector in `to` limits destinations to pods of those namespaces', () => {
    const a = xyz(egressFromXa('[{namespaceSelector: {matchLabels: {ns: "y"}}}]'));
    expect(destinationsOf(a, X.a)).toEqual([Y.a, Y.b]);
    expect(conn(a, X.a, ALL_V4)).toEqual(NONE);
  });

  it('podSelector in `to` means pods of the policy namespace', () => {
    const a = xyz(egressFromXa('[{podSelector: {matchLabels: {pod: b}}}]'));
    expect(destinationsOf(a, X.a)).toEqual([X.b]);
  });

  it('an absent `to` allows every destination, including external addresses', () => {
    const a = xyz(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: x}
spec:
  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Egress]
  egress:
    - ports: [{port: 443}]
`);
    for (const dst of [X.b, Y.a, ALL_V4]) expect(conn(a, X.a, dst)).toEqual(tcp(443));
  });
});

describe('namespace labels', () => {
  it('kubernetes.io/metadata.name matches declared and undeclared namespaces alike', () => {
    const a = analyzeYaml(
      docs(
        fixture('xyz-pods.yaml'),
        pod({ ns: 'w', name: 'a', labels: { pod: 'a' } }),
        ingressToXa(
          '[{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: w}}}, {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: z}}, podSelector: {matchLabels: {pod: b}}}]',
        ),
      ),
    );
    expect(sourcesOf(a, X.a)).toEqual(['w/a[Pod]', Z.b]);
  });

  it('an undeclared namespace has no labels besides the automatic one', () => {
    const a = analyzeYaml(
      docs(
        fixture('xyz-pods.yaml'),
        pod({ ns: 'w', name: 'a', labels: { ns: 'w' } }),
        ingressToXa('[{namespaceSelector: {matchExpressions: [{key: ns, operator: Exists}]}}]'),
      ),
    );
    // Namespace labels, not pod labels, count: w has no `ns` label.
    expect(sourcesOf(a, X.a)).toEqual([X.b, X.c, Y.a, Y.b, Z.a, Z.b]);
  });
});
