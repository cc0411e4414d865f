/**
 * What only evaluation can notice, reported as diagnostics with ranges (analysis.diagnostics):
 * a policy selecting nothing, named ports no destination defines, rules outside policyTypes,
 * pods of one owner that the policies tell apart (so each is shown as its own endpoint).
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_DIAGNOSTIC_CODES, GOTCHA_CODES } from '../../src/engine';
import { analyzeYaml, docs, inFile, lineOf, pod } from '../helpers';

const SERVER = pod({ ns: 'x', name: 'srv', labels: { app: 'srv' }, ports: [{ name: 'http', containerPort: 8080 }] });

function policy(spec: string, name = 'p'): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: x
spec:
${spec}`;
}

const seen = new Set<string>();

const gotchas: readonly string[] = GOTCHA_CODES; // exercised in gotchas.test.ts

/** The engine's diagnostics but gotchas, each with the line of the YAML it points at. */
function diagnosticsOf(yaml: string) {
  const analysis = analyzeYaml(yaml);
  const diagnostics = analysis.diagnostics.filter((d) => !gotchas.includes(d.code));
  diagnostics.forEach((d) => seen.add(d.code));
  return diagnostics.map((d) => ({ ...d, line: inFile(analysis, d.location).range.startLine }));
}

function codes(yaml: string) {
  return diagnosticsOf(yaml).map((d) => [d.code, d.severity]);
}

describe('engine diagnostics', () => {
  it('a policy that selects no pod is reported at its name', () => {
    const yaml = docs(SERVER, policy('  podSelector: {matchLabels: {app: nobody}}\n', 'unused'));
    const [diagnostic] = diagnosticsOf(yaml);
    expect(diagnostic).toMatchObject({ code: 'policy-selects-nothing', severity: 'info' });
    expect(diagnostic!.line).toBe(lineOf(yaml, 'name: unused'));
    expect(codes(docs(SERVER, policy('  podSelector: {}\n')))).toEqual([]);
  });

  it('a named port that no destination defines is reported at the port', () => {
    const yaml = docs(
      SERVER,
      policy('  podSelector: {}\n  ingress:\n    - ports:\n        - port: http\n        - port: grpc\n'),
    );
    const diagnostics = diagnosticsOf(yaml);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['named-port-unresolved', 'warning']]);
    expect(diagnostics[0]!.message).toContain('"grpc"');
    expect(diagnostics[0]!.line).toBe(lineOf(yaml, 'port: grpc'));
  });

  it('egress named ports resolve on the peers: defined on one of them is enough', () => {
    const client = pod({ ns: 'x', name: 'c', labels: { app: 'c' } });
    const egress = (name: string) =>
      policy(`  podSelector: {matchLabels: {app: c}}\n  egress:\n    - to: [{podSelector: {}}]\n      ports: [{port: ${name}}]\n`);
    expect(codes(docs(SERVER, client, egress('http')))).toEqual([]);
    expect(codes(docs(SERVER, client, egress('https')))).toEqual([['named-port-unresolved', 'warning']]);
  });

  it('rules of a direction missing from policyTypes are reported as having no effect', () => {
    const yaml = docs(SERVER, policy('  podSelector: {}\n  policyTypes: [Egress]\n  ingress:\n    - {}\n  egress:\n    - {}\n'));
    const diagnostics = diagnosticsOf(yaml);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['rules-ignored', 'warning']]);
    expect(diagnostics[0]!.message).toContain('does not include Ingress');
  });

  it('pods of one owner that a policy tells apart are reported once, at the first pod, as shown apart', () => {
    const owner = { kind: 'ReplicaSet', name: 'web-1' };
    const pods = docs(
      pod({ ns: 'x', name: 'web-1-a', labels: { app: 'web' }, owner }),
      pod({ ns: 'x', name: 'web-1-b', labels: { app: 'web', canary: 'true' }, owner }),
    );
    const yaml = docs(pods, policy('  podSelector: {matchLabels: {canary: "true"}}\n'));
    const diagnostics = diagnosticsOf(yaml);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['owner-pods-split', 'info']]);
    expect(diagnostics[0]!.message).toContain('x/web-1[ReplicaSet]');
    expect(diagnostics[0]!.message).toContain('label canary');
    // At the first pod: the object that starts the input.
    expect(diagnostics[0]!.line).toBe(1);
    expect(lineOf(yaml, 'name: web-1-a')).toBeLessThan(lineOf(yaml, 'name: web-1-b'));
    // Labels that nothing selects on are no reason to say anything: the endpoint lists them as varying.
    expect(codes(pods)).toEqual([]);
    expect(codes(docs(pods, policy('  podSelector: {matchLabels: {app: web}}\n')))).toEqual([]);
  });

  it('cluster-wide policies of one tier with equal priorities are each reported, naming the others', () => {
    const cnp = (name: string, tier: string, priority: number) => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: ${name}
spec:
  tier: ${tier}
  priority: ${priority}
  subject:
    namespaces: {}
  ingress:
    - action: Deny
      from: [{namespaces: {}}]
`;
    const yaml = docs(SERVER, cnp('b-second', 'Admin', 10), cnp('a-first', 'Admin', 10), cnp('other', 'Baseline', 10));
    const diagnostics = diagnosticsOf(yaml);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['cluster-priority-tie', 'warning', lineOf(yaml, 'name: b-second')],
      ['cluster-priority-tie', 'warning', lineOf(yaml, 'name: a-first')],
    ]);
    expect(diagnostics[0]!.message).toContain('ClusterNetworkPolicy a-first');
    expect(diagnostics[0]!.message).toContain('by name');
    // Another priority, or another tier, is no tie.
    expect(codes(docs(SERVER, cnp('b-second', 'Admin', 11), cnp('a-first', 'Admin', 10), cnp('other', 'Baseline', 10)))).toEqual([]);
  });

  it('uses only the registered codes, and each but the gotchas is exercised above', () => {
    expect([...seen].sort()).toEqual(
      ENGINE_DIAGNOSTIC_CODES.filter((code) => !gotchas.includes(code)).sort(),
    );
  });
});
