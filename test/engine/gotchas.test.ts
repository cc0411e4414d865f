/**
 * Gotchas: policies the API server accepts that likely do not mean what was meant. One positive
 * and one negative case per rule, each at the YAML it is about; and the silencing directive.
 */
import { describe, expect, it } from 'vitest';
import { GOTCHA_CODES } from '../../src/engine';
import { analyzeYaml, docs, inFile, lineOf, namespace, pod } from '../helpers';

const WEB = pod({ ns: 'shop', name: 'web', labels: { app: 'web' }, ports: [{ containerPort: 80 }] });
const API = pod({ ns: 'backend', name: 'api', labels: { app: 'api' }, ports: [{ containerPort: 53, protocol: 'UDP' }] });
const NAMESPACES = docs(namespace('shop'), namespace('backend', { team: 'b' }));

function policy(spec: string, extra = ''): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: shop
${extra}spec:
  podSelector: {matchLabels: {app: web}}
${spec}`;
}

const seen = new Set<string>();
const gotchaCodes: readonly string[] = GOTCHA_CODES;

/**
 * The gotchas found (code, severity, message, line). The pod-to-self note is left out unless asked
 * for: most fixtures here cut web off entirely, where it is due, and it has tests of its own.
 */
function gotchas(...parts: string[]) {
  return found(parts, (code) => code !== 'pod-to-self');
}

function found(parts: readonly string[], wanted: (code: string) => boolean) {
  const yaml = docs(NAMESPACES, WEB, API, ...parts);
  const analysis = analyzeYaml(yaml);
  const list = analysis.diagnostics.filter((d) => gotchaCodes.includes(d.code) && wanted(d.code));
  list.forEach((d) => seen.add(d.code));
  return { yaml, found: list.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: inFile(analysis, d.location).range.startLine })) };
}
const selfNotes = (...parts: string[]) => found(parts, (code) => code === 'pod-to-self').found;
const codes = (...parts: string[]) => gotchas(...parts).found.map((d) => d.code);

describe('gotchas', () => {
  it('a podSelector alone whose pods live in another namespace', () => {
    const { yaml, found } = gotchas(policy('  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: api}}\n'));
    expect(found).toEqual([expect.objectContaining({ code: 'peer-pods-elsewhere', severity: 'warning', line: lineOf(yaml, '- podSelector') })]);
    expect(found[0]!.message).toContain('backend');
    // With the namespaceSelector in the same item it names them.
    expect(codes(policy('  ingress:\n    - from:\n        - {namespaceSelector: {matchLabels: {team: b}}, podSelector: {matchLabels: {app: api}}}\n'))).toEqual([]);
  });

  it('a peer that selects nothing anywhere', () => {
    const { found } = gotchas(policy('  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: nobody}}\n'));
    expect(found.map((d) => [d.code, d.severity])).toEqual([['peer-selects-nothing', 'info']]);
    expect(codes(policy('  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: web}}\n'))).toEqual([]);
  });

  it('namespaceSelector and podSelector as two items (the extra dash), in either order', () => {
    // app=api is no pod of shop, but is one of the team=b namespaces: one item was likely meant.
    const split = (first: string, second: string) => policy(`  ingress:\n    - from:\n        - ${first}\n        - ${second}\n`);
    const [namespaces, api, web] = ['namespaceSelector: {matchLabels: {team: b}}', 'podSelector: {matchLabels: {app: api}}', 'podSelector: {matchLabels: {app: web}}'];
    const { yaml, found } = gotchas(split(namespaces, api));
    expect(found).toEqual([expect.objectContaining({ code: 'peers-split', severity: 'warning', line: lineOf(yaml, '- podSelector') })]);
    expect(codes(split(api, namespaces))).toEqual(['peers-split']);
    // The podSelector finds pods of the policy's own namespace: both peers mean something, no gotcha.
    expect(codes(split(namespaces, web))).toEqual([]);
    const together = policy(`  ingress:\n    - from:\n        - ${namespaces}\n          ${api}\n`);
    expect(codes(together)).toEqual([]);
    // With no workload in the input to tell by, said as a note.
    const alone = analyzeYaml(docs(NAMESPACES, split(namespaces, api))).diagnostics.map((d) => [d.code, d.severity]);
    expect(alone).toContainEqual(['peers-split', 'info']);
  });

  it('namespaceSelector and podSelector in one item where two were likely meant', () => {
    // No pod of a team=b namespace is labelled app=web, yet each selector alone matches pods.
    const joined = policy(
      '  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {team: b}}\n          podSelector: {matchLabels: {app: web}}\n',
    );
    const { yaml, found } = gotchas(joined);
    expect(found).toEqual([expect.objectContaining({ code: 'peers-joined', severity: 'warning', line: lineOf(yaml, '- namespaceSelector') })]);
    // When one half alone matches nothing either, the item simply selects nothing.
    expect(codes(joined.replace('{team: b}', '{team: nobody}'))).toEqual(['peer-selects-nothing']);
  });

  it('a policy without metadata.namespace, in an input with pods in other namespaces', () => {
    const bare = policy('  ingress: [{ports: [{port: 80}]}]\n').replace('  namespace: shop\n', '');
    const { yaml, found } = gotchas(bare);
    expect(found).toEqual([expect.objectContaining({ code: 'namespace-defaulted', severity: 'info', line: lineOf(yaml, 'name: p') })]);
    expect(found[0]!.message).toContain('backend and shop');
    // Written out, or with every pod in default, there is nothing to say.
    expect(codes(bare.replace('  name: p\n', '  name: p\n  namespace: default\n'))).toEqual([]);
    const alone = docs(pod({ name: 'web', labels: { app: 'web' } }), bare);
    expect(analyzeYaml(alone).diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('egress isolation without DNS', () => {
    const noDns = policy('  policyTypes: [Egress]\n  egress:\n    - ports: [{port: 443}]\n');
    const { yaml, found } = gotchas(noDns);
    expect(found).toEqual([expect.objectContaining({ code: 'egress-without-dns', severity: 'warning', line: lineOf(yaml, 'name: p') })]);
    const withDns = policy('  policyTypes: [Egress]\n  egress:\n    - ports: [{port: 443}]\n    - ports: [{port: 53, protocol: UDP}]\n');
    expect(codes(withDns)).toEqual([]);
    // Another policy selecting the same pods may allow it.
    const other = policy('  policyTypes: [Egress]\n  egress:\n    - ports: [{port: 53, protocol: UDP}]\n').replace('name: p', 'name: dns');
    expect(codes(noDns, other)).toEqual([]);
    // A named port opens 53 where a destination of its rule calls port 53 so (CoreDNS names its ports dns, dns-tcp).
    const coreDns = pod({ ns: 'backend', name: 'coredns', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] });
    const named = policy('  policyTypes: [Egress]\n  egress:\n    - ports: [{port: 443}]\n    - ports: [{port: dns, protocol: UDP}]\n');
    expect(codes(coreDns, named)).toEqual([]);
    expect(codes(named)).toEqual(['egress-without-dns']);
  });

  it('`ingress: [{}]` allows everything, `ingress: []` allows nothing: both said', () => {
    const { yaml, found } = gotchas(policy('  ingress:\n    - {}\n'));
    expect(found).toEqual([expect.objectContaining({ code: 'rule-allows-everything', severity: 'info', line: lineOf(yaml, '- {}') })]);
    expect(codes(policy('  ingress: []\n'))).toEqual(['rules-empty']);
    expect(codes(policy('  ingress:\n    - ports: [{port: 80}]\n'))).toEqual([]);
    // Absent (only podSelector): isolated too, but nothing was written to misread.
    expect(codes(policy(''))).toEqual([]);
  });

  it('a port without protocol where the destination listens over UDP only', () => {
    const egress = (port: string) => policy(`  egress:\n    - ports: [${port}]\n    - ports: [{port: 53, protocol: TCP}]\n`);
    expect(codes(egress('{port: 53}'))).toEqual(['port-protocol-defaulted']);
    expect(codes(egress('{port: 53, protocol: UDP}'))).toEqual([]);
    // Ingress: the selected pod listens on TCP 80, so TCP is what was meant.
    expect(codes(policy('  ingress:\n    - ports: [{port: 80}]\n'))).toEqual([]);
  });

  it('an ipBlock that covers pod IPs', () => {
    const withIp = pod({ ns: 'backend', name: 'db', labels: { app: 'db' }, ips: ['10.1.2.3'] });
    const block = (cidr: string) => policy(`  ingress:\n    - from: [{ipBlock: {cidr: ${cidr}}}]\n`);
    const { found } = gotchas(withIp, block('10.0.0.0/8'));
    expect(found.map((d) => [d.code, d.severity])).toEqual([['ipblock-covers-pods', 'info']]);
    expect(found[0]!.message).toContain('backend/db');
    expect(codes(withIp, block('192.168.0.0/16'))).toEqual([]);
  });

  it('a comment directive in the policy\'s document silences its codes there only', () => {
    const noDns = policy('  policyTypes: [Egress]\n  egress: []\n');
    expect(codes(noDns)).toEqual(['egress-without-dns', 'rules-empty']);
    expect(codes(`# netpol-canvas: ignore egress-without-dns\n${noDns}`)).toEqual(['rules-empty']);
    expect(codes(noDns.replace('spec:', '# netpol-canvas: ignore egress-without-dns, rules-empty\nspec:'))).toEqual([]);
    // In another document it silences nothing here.
    expect(codes(`# netpol-canvas: ignore egress-without-dns\n${pod({ ns: 'shop', name: 'x' })}`, noDns)).toEqual([
      'egress-without-dns',
      'rules-empty',
    ]);
  });

  it('pods a policy cuts off (default deny) get a note on traffic to their own IP; pods let anything through do not', () => {
    const denyIngress = policy('  ingress: []\n');
    const notes = found([denyIngress], (code) => code === 'pod-to-self');
    expect(notes.found).toEqual([expect.objectContaining({ severity: 'info', line: lineOf(notes.yaml, 'name: p') })]);
    expect(notes.found[0]!.message).toMatch(/^These rules allow shop\/web no incoming connection.*cannot block access to itself/);
    const denyBoth = policy('  policyTypes: [Ingress, Egress]\n');
    expect(selfNotes(denyBoth)[0]!.message).toContain('no incoming or outgoing connection');

    // Something let in (from pods of namespaces labelled team=b), here or by another policy: no note.
    const fromTeamB = '  ingress:\n    - from: [{namespaceSelector: {matchLabels: {team: b}}}]\n';
    expect(selfNotes(policy(fromTeamB))).toEqual([]);
    expect(selfNotes(denyIngress, policy(fromTeamB).replace('name: p', 'name: q'))).toEqual([]);
    // A cluster-wide policy deciding the same side: NetworkPolicies alone do not say.
    const baseline = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress: [{action: Deny, from: [{namespaces: {}}]}]
`;
    expect(selfNotes(denyIngress, baseline)).toEqual([]);
    expect(selfNotes(`# netpol-canvas: ignore pod-to-self\n${denyIngress}`)).toEqual([]);
  });

  it('the directive also silences the engine\'s other notes on the policy: a named port nothing defines, a policy selecting nothing', () => {
    const engineCodes = (...parts: string[]) =>
      analyzeYaml(docs(NAMESPACES, WEB, API, ...parts))
        .diagnostics.map((d) => d.code)
        .filter((code) => code === 'named-port-unresolved' || code === 'policy-selects-nothing');
    const namedPort = policy('  ingress:\n    - ports: [{port: metrics}]\n');
    const nobody = policy('').replace('{app: web}', '{app: nobody}');
    expect(engineCodes(namedPort, nobody.replace('name: p', 'name: q'))).toEqual(['named-port-unresolved', 'policy-selects-nothing']);
    expect(engineCodes(`# netpol-canvas: ignore named-port-unresolved\n${namedPort}`)).toEqual([]);
    expect(engineCodes(`# netpol-canvas: ignore policy-selects-nothing\n${nobody}`)).toEqual([]);
    // Per document: silencing one policy's note leaves the other's.
    expect(engineCodes(`# netpol-canvas: ignore named-port-unresolved\n${namedPort}`, nobody.replace('name: p', 'name: q'))).toEqual([
      'policy-selects-nothing',
    ]);
  });

  it('every gotcha code is exercised above', () => {
    expect([...seen].sort()).toEqual([...GOTCHA_CODES].sort());
  });
});
