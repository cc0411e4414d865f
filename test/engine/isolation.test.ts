/**
 * Per-direction isolation, policyTypes defaulting and additivity.
 *
 * Spec basis (NetworkPolicy concepts page, "The two sorts of pod isolation"; NetworkPolicySpec):
 * - a pod is isolated for ingress (egress) iff some NetworkPolicy in its namespace selects it and
 *   has Ingress (Egress) in its policyTypes;
 * - policyTypes absent: Ingress always, Egress iff the policy has egress rules;
 * - an empty `ingress`/`egress` list on such a policy allows nothing ("serves solely to ensure
 *   that the pods it selects are isolated by default");
 * - policies are additive; a connection needs the source's egress AND the destination's ingress.
 * Several cases mirror upstream e2e tests in test/e2e/network/netpol/network_policy.go.
 */
import { describe, expect, it } from 'vitest';
import { ALL, ALL_V4, NONE, X, XYZ_PODS, Y, Z, conn, destinationsOf, sourcesOf, tcp, xyz } from '../helpers';

const others = (id: string) => [...XYZ_PODS, ALL_V4].filter((x) => x !== id).sort();

/** A policy in namespace `ns` (spec body indented by the caller as YAML under `spec:`). */
const policy = (ns: string, name: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: "${ns}"
spec:
${spec}`;

describe('ingress isolation', () => {
  it('default-deny-ingress (podSelector {}, nothing else) isolates every pod of its namespace only', () => {
    // e2e: "should support a 'default-deny-ingress' policy".
    const a = xyz(policy('x', 'deny', '  podSelector: {}\n'));
    for (const dst of [X.a, X.b, X.c]) expect(sourcesOf(a, dst)).toEqual([]);
    // Egress of x is untouched (policyTypes defaults to [Ingress] only).
    expect(destinationsOf(a, X.a)).toEqual([Y.a, Y.b, Z.a, Z.b, ALL_V4].sort());
    expect(conn(a, X.a, Y.a)).toEqual(ALL);
    expect(conn(a, Y.a, Y.b)).toEqual(ALL);
    expect(conn(a, ALL_V4, Y.a)).toEqual(ALL);
  });

  it('explicit `ingress: []` denies all ingress just like an absent ingress field', () => {
    const a = xyz(policy('x', 'deny', '  podSelector: {}\n  ingress: []\n'));
    for (const dst of [X.a, X.b, X.c]) expect(sourcesOf(a, dst)).toEqual([]);
    expect(conn(a, X.a, Z.a)).toEqual(ALL);
  });

  it('a policy isolates only the pods its podSelector selects', () => {
    const a = xyz(policy('x', 'deny-a', '  podSelector: {matchLabels: {pod: a}}\n'));
    expect(sourcesOf(a, X.a)).toEqual([]);
    expect(sourcesOf(a, X.b)).toEqual(others(X.b));
    for (const src of others(X.b)) expect(conn(a, src, X.b)).toEqual(ALL);
  });

  it('a policy never isolates pods of another namespace, even with matching labels', () => {
    const a = xyz(policy('y', 'deny-a', '  podSelector: {matchLabels: {pod: a}}\n'));
    expect(sourcesOf(a, Y.a)).toEqual([]);
    expect(sourcesOf(a, X.a)).toEqual(others(X.a));
    expect(sourcesOf(a, Z.a)).toEqual(others(Z.a));
  });

  it('policyTypes [Egress] alone does not isolate ingress', () => {
    const a = xyz(policy('x', 'egress-only', '  podSelector: {}\n  policyTypes: [Egress]\n'));
    expect(sourcesOf(a, X.a)).toEqual([Y.a, Y.b, Z.a, Z.b, ALL_V4].sort());
    expect(conn(a, ALL_V4, X.a)).toEqual(ALL);
    expect(conn(a, Y.a, X.b)).toEqual(ALL);
  });
});

describe('egress isolation', () => {
  it('policyTypes [Egress] with no egress rules denies all egress of the selected pods', () => {
    const a = xyz(policy('x', 'deny-egress', '  podSelector: {}\n  policyTypes: [Egress]\n'));
    for (const src of [X.a, X.b, X.c]) expect(destinationsOf(a, src)).toEqual([]);
    expect(conn(a, Y.a, Z.a)).toEqual(ALL);
  });

  it('`egress: []` without policyTypes does NOT make an egress policy', () => {
    // Default policyTypes = [Ingress] + Egress only "if there are any egress rules".
    const a = xyz(policy('x', 'p', '  podSelector: {}\n  egress: []\n'));
    expect(destinationsOf(a, X.a)).toEqual([Y.a, Y.b, Z.a, Z.b, ALL_V4].sort());
    expect(conn(a, X.a, ALL_V4)).toEqual(ALL);
    // ...but Ingress is still isolated.
    expect(sourcesOf(a, X.a)).toEqual([]);
  });

  it('egress rules without policyTypes isolate both directions', () => {
    const a = xyz(
      policy('x', 'p', '  podSelector: {matchLabels: {pod: a}}\n  egress:\n    - to: [{podSelector: {matchLabels: {pod: b}}}]\n'),
    );
    // Egress: only to x/b.
    expect(destinationsOf(a, X.a)).toEqual([X.b]);
    expect(conn(a, X.a, X.b)).toEqual(ALL);
    // Ingress: policyTypes defaulted to [Ingress, Egress] with no ingress rules -> deny all.
    expect(sourcesOf(a, X.a)).toEqual([]);
    // x/b is not selected: untouched.
    expect(sourcesOf(a, X.b)).toEqual(others(X.b));
  });

  it('`policyTypes: []` is defaulted like an absent field (len == 0 in SetDefaults_NetworkPolicy)', () => {
    const a = xyz(
      policy('x', 'p', '  podSelector: {matchLabels: {pod: a}}\n  policyTypes: []\n  egress:\n    - to: [{podSelector: {matchLabels: {pod: b}}}]\n'),
    );
    expect(destinationsOf(a, X.a)).toEqual([X.b]);
    expect(sourcesOf(a, X.a)).toEqual([]);
  });

  it('policyTypes [Ingress, Egress] with no rules denies both directions (default-deny-all)', () => {
    // e2e: "should support a 'default-deny-all' policy".
    const a = xyz(policy('x', 'deny-all', '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n'));
    for (const p of [X.a, X.b, X.c]) {
      expect(sourcesOf(a, p)).toEqual([]);
      expect(destinationsOf(a, p)).toEqual([]);
    }
    expect(conn(a, Y.a, Y.b)).toEqual(ALL);
    expect(conn(a, Y.a, ALL_V4)).toEqual(ALL);
  });

  it('policyTypes [Ingress] ignores egress rules written in the policy', () => {
    const a = xyz(
      policy('x', 'p', '  podSelector: {}\n  policyTypes: [Ingress]\n  ingress: [{}]\n  egress:\n    - to: [{podSelector: {}}]\n'),
    );
    // Not egress-isolated: x/a may reach z/a and external addresses.
    expect(conn(a, X.a, Z.a)).toEqual(ALL);
    expect(conn(a, X.a, ALL_V4)).toEqual(ALL);
  });
});

describe('combining policies and directions', () => {
  it('rules of all policies selecting a pod are unioned (additive)', () => {
    const a = xyz(
      policy('x', 'from-b', '  podSelector: {matchLabels: {pod: a}}\n  ingress:\n    - from: [{podSelector: {matchLabels: {pod: b}}}]\n      ports: [{port: 80}]\n'),
      policy('x', 'from-c', '  podSelector: {matchLabels: {pod: a}}\n  ingress:\n    - from: [{podSelector: {matchLabels: {pod: c}}}]\n      ports: [{port: 443}]\n    - from: [{podSelector: {matchLabels: {pod: b}}}]\n      ports: [{port: 8080}]\n'),
    );
    expect(conn(a, X.b, X.a)).toEqual(tcp(80, 8080));
    expect(conn(a, X.c, X.a)).toEqual(tcp(443));
    expect(sourcesOf(a, X.a)).toEqual([X.b, X.c]);
  });

  it('an allow-all ingress policy takes precedence over a restrictive one', () => {
    // e2e: "should enforce multiple ingress policies with ingress allow-all policy taking precedence".
    const a = xyz(
      policy('x', 'port-80', '  podSelector: {}\n  ingress: [{ports: [{port: 80}]}]\n'),
      policy('x', 'allow-all', '  podSelector: {}\n  ingress: [{}]\n'),
    );
    expect(conn(a, Y.a, X.a)).toEqual(ALL);
    expect(conn(a, ALL_V4, X.b)).toEqual(ALL);
  });

  it('a connection needs both the egress and the ingress side, intersected per port', () => {
    const a = xyz(
      policy('y', 'out', '  podSelector: {matchLabels: {pod: a}}\n  policyTypes: [Egress]\n  egress: [{ports: [{port: 80, endPort: 100}]}]\n'),
      policy('x', 'in', '  podSelector: {matchLabels: {pod: a}}\n  ingress: [{ports: [{port: 90, endPort: 200}]}]\n'),
    );
    expect(conn(a, Y.a, X.a)).toEqual(tcp([90, 100]));
    // Only egress restricts y/a -> x/b; only ingress restricts y/b -> x/a.
    expect(conn(a, Y.a, X.b)).toEqual(tcp([80, 100]));
    expect(conn(a, Y.b, X.a)).toEqual(tcp([90, 200]));
  });

  it('ingress and egress are controlled independently', () => {
    // e2e: "should enforce policies to check ingress and egress policies can be controlled
    // independently based on PodSelector".
    const a = xyz(
      policy('x', 'allow-egress', '  podSelector: {matchLabels: {pod: a}}\n  egress: [{}]\n  policyTypes: [Egress]\n'),
      policy('x', 'deny-ingress', '  podSelector: {matchLabels: {pod: a}}\n  policyTypes: [Ingress]\n'),
    );
    expect(conn(a, X.a, X.b)).toEqual(ALL);
    expect(conn(a, X.b, X.a)).toEqual(NONE);
    expect(destinationsOf(a, X.a)).toEqual(others(X.a));
  });

  it('the destination decides alone when the source is not egress-isolated, and vice versa', () => {
    const a = xyz(policy('x', 'in', '  podSelector: {matchLabels: {pod: a}}\n  ingress: [{ports: [{port: 5432}]}]\n'));
    expect(conn(a, Z.b, X.a)).toEqual(tcp(5432));
    expect(conn(a, ALL_V4, X.a)).toEqual(tcp(5432));
    expect(conn(a, X.a, Z.b)).toEqual(ALL);
  });
});
