/**
 * Quick fixes, judged by the engine: after each, its problem is gone, and connectivity changed
 * exactly where the fix means it to (every other pair the same).
 */
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/engine';
import type { Analysis, Connection } from '../../src/engine/types';
import { locator, parseManifests } from '../../src/model';
import { applyChanges } from '../../src/model/text-changes';
import { quickFixes, type FixableProblem } from '../../src/plans/quick-fixes';
import { docs, namespace, netpol, pod, podId } from '../helpers';

/** The analysis of `text` and its problems (the model's and the engine's) placed in the text. */
function evaluate(text: string): { analysis: Analysis; problems: FixableProblem[] } {
  const { resources, diagnostics, documents } = parseManifests([{ file: 'f.yaml', text }]);
  const analysis = new Analyzer().update(resources);
  const locate = locator(documents);
  const problems = [...diagnostics, ...analysis.diagnostics].map((d) => ({
    code: d.code,
    message: d.message,
    ...locate(d.location).range,
  }));
  return { analysis, problems };
}

/** `text` after the fix titled `title` for its problem `code`, and the analyses before and after. */
function applyFix(text: string, code: string, title: string) {
  const before = evaluate(text);
  const problem = before.problems.find((p) => p.code === code);
  expect(problem, `no ${code} in the text`).toBeDefined();
  const fixes = quickFixes(text, problem!);
  const chosen = fixes.find((f) => f.title === title);
  expect(chosen, `fixes offered: ${fixes.map((f) => f.title).join(', ')}`).toBeDefined();
  const fixed = applyChanges(text, chosen!.changes);
  return { fixed, before, after: evaluate(fixed) };
}

const pairKey = (c: Connection) => `${c.from} -> ${c.to}`;
const byPair = (a: Analysis) => new Map(a.connections.map((c) => [pairKey(c), c.allowed]));

/** The pairs whose allowed connections differ between two analyses. */
function changedPairs(before: Analysis, after: Analysis): string[] {
  const [x, y] = [byPair(before), byPair(after)];
  return [...new Set([...x.keys(), ...y.keys()])].filter((key) => JSON.stringify(x.get(key)) !== JSON.stringify(y.get(key))).sort();
}

describe('quick fixes', () => {
  it('the extra dash: two peers become one, so only the matching pods of those namespaces get in', () => {
    const text = docs(
      namespace('apps', { team: 'apps' }),
      namespace('data'),
      pod({ ns: 'apps', name: 'client', labels: { role: 'client' } }),
      pod({ ns: 'apps', name: 'tool' }),
      pod({ ns: 'data', name: 'db', labels: { app: 'db' } }),
      netpol(
        'data',
        'db',
        `  podSelector:
    matchLabels:
      app: db
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              team: apps
        - podSelector:
            matchLabels:
              role: client
      ports:
        - port: 5432
`,
      ),
    );
    const { fixed, before, after } = applyFix(text, 'peers-split', 'Make it one peer');
    expect(fixed).toContain('              team: apps\n          podSelector:');
    expect(after.problems.map((p) => p.code)).not.toContain('peers-split');
    const db = podId('data', 'db');
    expect(changedPairs(before.analysis, after.analysis)).toEqual([`${podId('apps', 'tool')} -> ${db}`]);
    expect(byPair(after.analysis).get(`${podId('apps', 'client')} -> ${db}`)?.TCP).toEqual([[5432, 5432]]);
  });

  it('one item where two were meant: split, so either selector lets its pods in', () => {
    const text = docs(
      namespace('monitoring', { team: 'ops' }),
      namespace('shop'),
      pod({ ns: 'monitoring', name: 'prometheus', labels: { app: 'prometheus' } }),
      pod({ ns: 'shop', name: 'scraper', labels: { role: 'scraper' } }),
      pod({ ns: 'shop', name: 'other' }),
      pod({ ns: 'shop', name: 'web', labels: { app: 'web' } }),
      netpol(
        'shop',
        'web',
        `  podSelector:
    matchLabels:
      app: web
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              team: ops
          podSelector:
            matchLabels:
              role: scraper
`,
      ),
    );
    const { fixed, before, after } = applyFix(text, 'peers-joined', 'Make them two peers');
    expect(fixed).toContain('              team: ops\n        - podSelector:');
    expect(after.problems.map((p) => p.code)).not.toContain('peers-joined');
    const web = podId('shop', 'web');
    // Before, nothing got in; after, all of monitoring and the scraper of shop.
    expect(changedPairs(before.analysis, after.analysis)).toEqual(
      [`${podId('monitoring', 'prometheus')} -> ${web}`, `${podId('shop', 'scraper')} -> ${web}`].sort(),
    );
  });

  it('a policy without namespace: `namespace: default` written, nothing else changes', () => {
    const text = docs(
      pod({ ns: 'shop', name: 'web', labels: { app: 'web' } }),
      pod({ name: 'db', labels: { app: 'db' } }),
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db\nspec:\n  podSelector: {matchLabels: {app: db}}\n',
    );
    const { fixed, before, after } = applyFix(text, 'namespace-defaulted', 'Write namespace: default');
    expect(fixed).toContain('metadata:\n  name: db\n  namespace: default\nspec:');
    expect(after.problems.map((p) => p.code)).not.toContain('namespace-defaulted');
    expect(changedPairs(before.analysis, after.analysis)).toEqual([]);
  });

  it('egress without DNS: the DNS rule lets the pods reach kube-dns on UDP and TCP 53, nothing else', () => {
    const text = docs(
      namespace('shop'),
      namespace('kube-system'),
      pod({ ns: 'shop', name: 'web', labels: { app: 'web' } }),
      pod({ ns: 'kube-system', name: 'coredns', labels: { 'k8s-app': 'kube-dns' } }),
      pod({ ns: 'kube-system', name: 'other' }),
      netpol('shop', 'web', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress:\n    - ports:\n        - port: 443\n'),
    );
    const { before, after } = applyFix(text, 'egress-without-dns', 'Allow DNS (UDP and TCP 53)');
    expect(after.problems.map((p) => p.code)).not.toContain('egress-without-dns');
    const pair = `${podId('shop', 'web')} -> ${podId('kube-system', 'coredns')}`;
    expect(changedPairs(before.analysis, after.analysis)).toEqual([pair]);
    expect(byPair(after.analysis).get(pair)).toEqual({ TCP: [[53, 53], [443, 443]], UDP: [[53, 53]], SCTP: [] });
  });

  it('egress without DNS and no egress list yet: the list is written', () => {
    const text = docs(
      namespace('shop'),
      pod({ ns: 'shop', name: 'web', labels: { app: 'web' } }),
      netpol('shop', 'web', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n'),
    );
    const { after } = applyFix(text, 'egress-without-dns', 'Allow DNS (UDP and TCP 53)');
    expect(after.problems.map((p) => p.code)).not.toContain('egress-without-dns');
  });

  it('a port without protocol: UDP changes what it allows to what the destination listens on; TCP keeps it', () => {
    const text = docs(
      namespace('shop'),
      pod({ ns: 'shop', name: 'web', labels: { app: 'web' } }),
      pod({ ns: 'shop', name: 'dns', labels: { app: 'dns' }, ports: [{ containerPort: 53, protocol: 'UDP' }] }),
      netpol(
        'shop',
        'web',
        '  podSelector: {matchLabels: {app: web}}\n  egress:\n    - to: [{podSelector: {matchLabels: {app: dns}}}]\n      ports: [{port: 53}]\n',
      ),
    );
    const pair = `${podId('shop', 'web')} -> ${podId('shop', 'dns')}`;
    const udp = applyFix(text, 'port-protocol-defaulted', 'Write protocol: UDP');
    expect(udp.fixed).toContain('{port: 53, protocol: UDP}');
    expect(udp.after.problems.map((p) => p.code)).not.toContain('port-protocol-defaulted');
    expect(changedPairs(udp.before.analysis, udp.after.analysis)).toEqual([pair]);
    expect(byPair(udp.after.analysis).get(pair)).toEqual({ TCP: [], UDP: [[53, 53]], SCTP: [] });

    const tcp = applyFix(text, 'port-protocol-defaulted', 'Write protocol: TCP');
    expect(tcp.after.problems.map((p) => p.code)).not.toContain('port-protocol-defaulted');
    expect(changedPairs(tcp.before.analysis, tcp.after.analysis)).toEqual([]);
  });

  it('a YAML 1.1 boolean as a label value: quoted, the object is read and selected', () => {
    const text = docs(
      namespace('shop'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n  labels:\n    public: yes\nspec:\n  containers: [{name: web, image: nginx}]\n',
      pod({ ns: 'shop', name: 'client' }),
      netpol('shop', 'public', '  podSelector: {matchLabels: {public: "yes"}}\n  ingress: []\n'),
    );
    const { fixed, before, after } = applyFix(text, 'wrong-type', 'Quote it');
    expect(fixed).toContain('    public: "yes"\n');
    expect(before.problems.map((p) => p.code)).toContain('wrong-type');
    expect(after.problems.map((p) => p.code)).not.toContain('wrong-type');
    // The pod was left out; now it is there, isolated by the policy that selects public=yes.
    const web = podId('shop', 'web');
    expect(before.analysis.endpoints.map((e) => e.id)).not.toContain(web);
    expect(after.analysis.policies.find((p) => p.ref.name === 'public')?.selects).toEqual([web]);
    expect(byPair(after.analysis).has(`${podId('shop', 'client')} -> ${web}`)).toBe(false);
  });

  it('offers nothing where the fix would not be the obvious one', () => {
    const flow = docs(
      namespace('apps', { team: 'apps' }),
      pod({ ns: 'apps', name: 'client', labels: { role: 'client' } }),
      pod({ ns: 'shop', name: 'web', labels: { app: 'web' } }),
      netpol(
        'shop',
        'p',
        '  podSelector: {}\n  ingress:\n    - from: [{namespaceSelector: {matchLabels: {team: apps}}}, {podSelector: {matchLabels: {role: client}}}]\n',
      ),
    );
    const problem = evaluate(flow).problems.find((p) => p.code === 'peers-split');
    expect(problem).toBeDefined();
    // Only the comment that silences it.
    expect(quickFixes(flow, problem!).map((f) => f.title)).toEqual(['Ignore peers-split for this policy']);
    const wrongList = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: yes\nspec:\n  containers: [{name: web, image: nginx}]\n';
    const notQuotable = evaluate(wrongList).problems.find((p) => p.code === 'wrong-type');
    expect(notQuotable).toBeDefined();
    expect(quickFixes(wrongList, notQuotable!)).toEqual([]);
  });

  it('any note on a policy can be silenced for it: a directive at the top of its document, or the code added to its directive', () => {
    const client = pod({ ns: 'shop', name: 'client', labels: { app: 'client' } });
    const noDns = netpol('shop', 'lockdown', '  podSelector: {}\n  policyTypes: [Egress]\n  egress: []\n');
    const text = docs(namespace('shop'), client, noDns);
    const { fixed, before, after } = applyFix(text, 'egress-without-dns', 'Ignore egress-without-dns for this policy');
    expect(fixed).toContain('---\n# netpol-canvas: ignore egress-without-dns\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy');
    const codes = (problems: readonly FixableProblem[]) => problems.map((p) => p.code).sort();
    expect(codes(after.problems)).toEqual(codes(before.problems).filter((code) => code !== 'egress-without-dns'));
    expect(changedPairs(before.analysis, after.analysis)).toEqual([]);
    // The repair stays the first (preferred) fix; the silencing one is marked as such.
    const problem = before.problems.find((p) => p.code === 'egress-without-dns')!;
    expect(quickFixes(text, problem).map((f) => [f.title, f.silences ?? false])).toEqual([
      ['Allow DNS (UDP and TCP 53)', false],
      ['Ignore egress-without-dns for this policy', true],
    ]);

    // A second note on the same policy joins the directive written for the first.
    const again = applyFix(fixed, 'rules-empty', 'Ignore rules-empty for this policy');
    expect(again.fixed).toContain('# netpol-canvas: ignore egress-without-dns, rules-empty\n');
    expect(codes(again.after.problems)).not.toContain('rules-empty');
    // A named port nothing defines is the engine's note, silenced the same way.
    const named = docs(namespace('shop'), client, netpol('shop', 'metrics', '  podSelector: {}\n  ingress:\n    - ports: [{port: metrics}]\n'));
    expect(codes(applyFix(named, 'named-port-unresolved', 'Ignore named-port-unresolved for this policy').after.problems)).not.toContain(
      'named-port-unresolved',
    );
  });

  it('no directive in a JSON document, where a comment would turn it into YAML', () => {
    const json = JSON.stringify({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'lockdown', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [] },
    });
    const text = docs(namespace('shop'), pod({ ns: 'shop', name: 'client' }), json);
    const problem = evaluate(text).problems.find((p) => p.code === 'egress-without-dns');
    expect(problem).toBeDefined();
    expect(quickFixes(text, problem!).filter((f) => f.silences)).toEqual([]);
  });
});
