/**
 * Policies in plain words (issue 15): a description a student can read aloud, from the compiled
 * policy, so Kubernetes' defaults are the evaluator's.
 *
 * Spec basis (Kubernetes API reference, NetworkPolicySpec / NetworkPolicyPeer / NetworkPolicyPort):
 * - policyTypes: "If this field is not specified, it will default based on the existence of
 *   ingress or egress rules; policies that contain an egress section are assumed to affect egress"
 *   — and an empty `egress: []` is no egress section.
 * - ingress: "If this field is empty then this NetworkPolicy does not allow any traffic"; a rule's
 *   `from` "If this field is empty or missing, this rule matches all sources"; `ports` "If this
 *   field is empty or missing, this rule matches all ports".
 * - NetworkPolicyPeer: namespaceSelector with podSelector "selects the pods matching podSelector in
 *   the Namespaces selected by NamespaceSelector"; several peers in `from` are ORed.
 * - endPort: "indicates that the range of ports from port to endPort … is allowed".
 * - A pod selected by several policies: "the traffic is allowed if any of the policies allows it"
 *   (the union).
 */
import { describe, expect, it } from 'vitest';
import { locator, parseManifests } from '../../src/model';
import { Analyzer, type PolicyWords } from '../../src/engine';
import type { PolicyId } from '../../src/engine/types';
import { anp, clusterSpec, cnp, docs, lineOf, namespace, netpol, pod } from '../helpers';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function wordsOf(text: string, id: string): PolicyWords & { locate: ReturnType<typeof locator> } {
  const { resources, documents, diagnostics } = parseManifests([{ file: 'test.yaml', text }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const analyzer = new Analyzer();
  analyzer.update(resources);
  const words = analyzer.policyWords(id as PolicyId);
  expect(words, `no words for ${id}`).toBeDefined();
  return { ...words!, locate: locator(documents) };
}

const texts = (words: PolicyWords) => ({ alone: words.alone.map((s) => s.text), together: words.together.map((s) => s.text) });
/** All the sentences of a policy as one text, for "this phrase appears" checks. */
const said = (text: string, id = 'x/p') => {
  const { alone, together } = texts(wordsOf(text, id));
  return [...alone, ...together].join('\n');
};

const WEB = pod({ ns: 'x', name: 'web', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] });
const ns = (...extra: string[]) => docs(namespace('x'), namespace('y', { team: 'b' }), WEB, ...extra);
/** A policy in x selecting app=web with the given spec lines after the podSelector. */
const web = (rest: string) => netpol('x', 'p', `  podSelector: {matchLabels: {app: web}}\n${rest}`);

const CLASSIC = readFileSync(fileURLToPath(new URL('../../fixtures/classic/nginx.yaml', import.meta.url)), 'utf8');

describe('a policy on its own', () => {
  it('the classic example, word for word, each sentence linked to where it comes from', () => {
    const words = wordsOf(CLASSIC, 'default/nginx-network-policy');
    expect(texts(words)).toEqual({
      alone: [
        'Applies to pods in namespace default labelled papa=dhondhu.',
        'Here that is 1 workload: nginx-pod-with-label.',
        'They accept incoming connections only on TCP port 80, from anywhere.',
        'Outgoing traffic is not restricted by this policy.',
      ],
      together: ['No other NetworkPolicy selects these pods: this one alone decides what it restricts.'],
    });
    const line = (i: number) => words.locate(words.alone[i]!.location!).range.startLine;
    expect(line(0)).toBe(lineOf(CLASSIC, 'name: nginx-network-policy'));
    // The ingress sentence is the rule: `- ports:` down to `port: 80`.
    expect(line(2)).toBe(lineOf(CLASSIC, '- ports:'));
    expect(words.locate(words.alone[2]!.location!).range.endLine).toBe(lineOf(CLASSIC, 'port: 80'));
  });

  it('AND (one peer with both selectors) and OR (two peers) read differently', () => {
    const and = said(ns(web('  ingress:\n    - from: [{namespaceSelector: {matchLabels: {team: b}}, podSelector: {matchLabels: {app: db}}}]')));
    const or = said(ns(web('  ingress:\n    - from: [{namespaceSelector: {matchLabels: {team: b}}}, {podSelector: {matchLabels: {app: db}}}]')));
    expect(and).toContain('They accept incoming connections only from pods labelled app=db in namespaces labelled team=b, on any port.');
    expect(or).toContain(
      'They accept incoming connections only from all pods in namespaces labelled team=b or from pods labelled app=db in namespace x, on any port.',
    );
    expect(and).not.toEqual(or);
  });

  it('`{}` selectors: every pod of the namespace, every namespace', () => {
    expect(said(ns(netpol('x', 'p', '  podSelector: {}\n  ingress: [{from: [{podSelector: {}}]}]')))).toContain(
      'Applies to all pods in namespace x.\nHere that is 1 workload: web.\nThey accept incoming connections only from all pods in namespace x, on any port.',
    );
    expect(said(ns(web('  ingress: [{from: [{namespaceSelector: {}}]}]')))).toContain('only from all pods in all namespaces, on any port.');
    expect(said(ns(web('  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}]}]')))).toContain(
      'only from pods labelled app=db in all namespaces, on any port.',
    );
  });

  it('namespaceSelector with and without podSelector; a namespace named by its automatic label', () => {
    expect(said(ns(web('  egress: [{to: [{namespaceSelector: {matchLabels: {team: b}}}]}]')))).toContain(
      'They can connect out only to all pods in namespaces labelled team=b, on any port.',
    );
    const byName = said(ns(web('  egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: "y"}}, podSelector: {matchLabels: {app: db}}}]}]')));
    expect(byName).toContain('to pods labelled app=db in namespace y, on any port.');
    expect(byName).not.toContain('kubernetes.io/metadata.name');
    const byNames = said(ns(web('  egress: [{to: [{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: ["y", z]}]}}]}]')));
    expect(byNames).toContain('to all pods in namespaces y or z, on any port.');
    // A podSelector alone is the policy's own namespace.
    expect(said(ns(web('  egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]')))).toContain('to pods labelled app=db in namespace x,');
  });

  it('matchExpressions: In, NotIn (which also takes pods without the key), Exists, DoesNotExist', () => {
    const subject = (expressions: string) => said(ns(netpol('x', 'p', `  podSelector: {matchExpressions: [${expressions}]}`))).split('\n')[0];
    expect(subject('{key: env, operator: In, values: [prod, staging]}')).toBe('Applies to pods in namespace x whose env label is prod or staging.');
    expect(subject('{key: env, operator: NotIn, values: [dev]}')).toBe('Applies to pods in namespace x whose env label, if any, is not dev.');
    expect(subject('{key: env, operator: NotIn, values: [dev, test]}')).toBe(
      'Applies to pods in namespace x whose env label, if any, is none of dev or test.',
    );
    expect(subject('{key: canary, operator: Exists}')).toBe('Applies to pods in namespace x with a canary label.');
    expect(subject('{key: canary, operator: DoesNotExist}')).toBe('Applies to pods in namespace x without a canary label.');
    const both = said(ns(netpol('x', 'p', '  podSelector: {matchLabels: {app: web}, matchExpressions: [{key: canary, operator: DoesNotExist}]}')));
    expect(both).toContain('Applies to pods in namespace x labelled app=web and without a canary label.');
  });

  it('ports: numbers, ranges (endPort), whole protocols, named ports, TCP by default', () => {
    const rule = (ports: string) => said(ns(web(`  ingress: [{ports: [${ports}]}]`)));
    expect(rule('{port: 80}')).toContain('only on TCP port 80, from anywhere.');
    expect(rule('{port: 80}, {port: 443}')).toContain('only on TCP ports 80 and 443, from anywhere.');
    expect(rule('{port: 8000, endPort: 8080}')).toContain('only on TCP ports 8000 to 8080, from anywhere.');
    expect(rule('{protocol: UDP}')).toContain('only on any UDP port, from anywhere.');
    expect(rule('{protocol: UDP, port: 53}, {port: 53}')).toContain('only on TCP port 53 and UDP port 53, from anywhere.');
    expect(rule('{port: http}')).toContain('only on the TCP port named http, from anywhere.');
    expect(rule('{port: 80}, {protocol: SCTP, port: dns}')).toContain('only on TCP port 80 and the SCTP port named dns, from anywhere.');
  });

  it('ipBlock, with and without except', () => {
    expect(said(ns(web('  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.0.0/16]}}]}]')))).toContain(
      'only from addresses in 10.0.0.0/8 except 10.1.0.0/16 and 10.2.0.0/16, on any port.',
    );
    expect(said(ns(web('  egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 443}]}]')))).toContain(
      'They can connect out only on TCP port 443, to any IPv4 address (0.0.0.0/0).',
    );
  });

  it('a rule without from is from anywhere; a rule without ports is on any port', () => {
    const noFrom = said(ns(web('  ingress: [{ports: [{port: 80}]}]')));
    expect(noFrom).toContain('from anywhere');
    expect(noFrom).not.toContain('any port');
    const noPorts = said(ns(web('  ingress: [{from: [{podSelector: {}}]}]')));
    expect(noPorts).toContain('on any port');
    expect(noPorts).not.toContain('anywhere');
  });

  it('`ingress: []` and an absent ingress allow nothing; `ingress: [{}]` allows everything', () => {
    const none = 'It allows them no incoming connections: every incoming connection is denied unless another policy allows it.';
    expect(said(ns(web('  ingress: []')))).toContain(none);
    expect(said(ns(web('  policyTypes: [Ingress]')))).toContain(none);
    // Nothing at all written: Ingress by default, with no rule.
    expect(said(ns(web('')))).toContain(none);
    const all = said(ns(web('  ingress: [{}]')));
    expect(all).toContain('They accept every incoming connection, from anywhere on any port.');
    expect(all).not.toContain(none);
  });

  it('policyTypes by default: Egress only when there is an egress rule', () => {
    const withRule = said(ns(web('  egress: [{ports: [{protocol: UDP, port: 53}]}]')));
    expect(withRule).toContain('They can connect out only on UDP port 53, to anywhere.');
    // Ingress is isolated too, by default, with no rule.
    expect(withRule).toContain('It allows them no incoming connections');
    const emptyEgress = said(ns(web('  egress: []')));
    expect(emptyEgress).toContain('Outgoing traffic is not restricted by this policy.');
    const egressOnly = said(ns(web('  policyTypes: [Egress]\n  egress: []')));
    expect(egressOnly).toContain('Incoming traffic is not restricted by this policy.');
    expect(egressOnly).toContain('It allows them no outgoing connections: every outgoing connection is denied unless another policy allows it.');
  });

  it('rules left out of policyTypes are said to have no effect', () => {
    const ignored = said(ns(web('  policyTypes: [Ingress]\n  ingress: [{}]\n  egress: [{ports: [{port: 53}]}]')));
    expect(ignored).toContain('Its egress rules have no effect: policyTypes leaves out Egress.');
    expect(ignored).toContain('Outgoing traffic is not restricted by this policy.');
    expect(ignored).not.toContain('port 53');
  });

  it('several rules: a lead, then one item per rule linked to it', () => {
    const text = ns(web('  ingress:\n    - ports: [{port: 80}]\n    - from: [{podSelector: {matchLabels: {app: admin}}}]'));
    const words = wordsOf(text, 'x/p');
    const rules = words.alone.filter((s) => s.item);
    expect(words.alone.map((s) => s.text)).toContain('They accept incoming connections only in these 2 cases (any one is enough):');
    expect(rules.map((s) => s.text)).toEqual([
      'Rule 1: on TCP port 80, from anywhere.',
      'Rule 2: from pods labelled app=admin in namespace x, on any port.',
    ]);
    expect(rules.map((s) => words.locate(s.location!).range.startLine)).toEqual([
      lineOf(text, '- ports: [{port: 80}]'),
      lineOf(text, '- from: [{podSelector'),
    ]);
  });

  it('a policy that selects nothing says it has no effect', () => {
    const words = wordsOf(ns(netpol('x', 'p', '  podSelector: {matchLabels: {app: nobody}}')), 'x/p');
    expect(texts(words).alone[1]).toBe('No workload in the input matches it, so it has no effect here.');
    expect(words.together).toEqual([]);
  });
});

describe('a policy together with the others selecting its pods', () => {
  const denyAll = netpol('x', 'deny-all', '  podSelector: {}\n  ingress: []');
  const allow80 = web('  ingress: [{ports: [{port: 80}]}]');
  const dns = netpol('x', 'dns', '  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{ports: [{protocol: UDP, port: 53}]}]');

  it('names the others and lists their rules: a connection passes when any one allows it', () => {
    const text = ns(pod({ ns: 'x', name: 'db', labels: { app: 'db' } }), denyAll, allow80, dns);
    const words = wordsOf(text, 'x/p');
    expect(texts(words).together).toEqual([
      'Together with 1 other policy selecting these pods, x/deny-all, they accept an incoming connection when any one of the 2 allows it:',
      'x/deny-all allows no incoming connections.',
      'But 1 other policy selecting these pods, x/dns, restricts outgoing traffic: they can open an outgoing connection only when it allows it:',
      'x/dns: on UDP port 53, to anywhere.',
    ]);
    const dnsRule = words.together[3]!.location!;
    expect(words.locate(dnsRule).range.startLine).toBe(lineOf(text, 'egress: [{ports: [{protocol: UDP'));
  });

  it('says which others select only some of the pods, and counts all of them', () => {
    const text = ns(pod({ ns: 'x', name: 'api', labels: { app: 'api', tier: 'back' } }), denyAll, dns,
      netpol('x', 'p', '  podSelector: {matchExpressions: [{key: app, operator: Exists}]}\n  ingress: [{ports: [{port: 80}]}]'),
      netpol('x', 'api-only', '  podSelector: {matchLabels: {tier: back}}\n  ingress: [{ports: [{port: 9000}]}]'));
    const lead = texts(wordsOf(text, 'x/p')).together[0];
    expect(lead).toBe(
      'Together with 2 other policies selecting these pods, x/api-only (only some of these pods) and x/deny-all, they accept an incoming connection when any one of the 3 allows it:',
    );
  });

  it('what the union comes to: everything when one allows all, nothing when none allows any', () => {
    const allowAll = netpol('x', 'allow-all', '  podSelector: {}\n  ingress: [{}]');
    expect(said(ns(denyAll, allowAll, web('  ingress: []')))).toContain('So these policies together allow every incoming connection.');
    expect(said(ns(denyAll, web('  ingress: []')))).toContain('So these policies together allow no incoming connection at all.');
    expect(said(ns(denyAll, allow80))).not.toMatch(/^So /m);
  });

  it('says what the union comes to only when it holds for every pod of the policy', () => {
    const api = pod({ ns: 'x', name: 'api', labels: { app: 'api', tier: 'back' } });
    const p = (rest: string) => netpol('x', 'p', `  podSelector: {matchExpressions: [{key: app, operator: Exists}]}\n${rest}`);
    const back = (name: string, rest: string) => netpol('x', name, `  podSelector: {matchLabels: {tier: back}}\n${rest}`);
    // web's egress is not isolated at all: "no outgoing connection" would be false for it.
    const egress = said(ns(api, p('  ingress: [{}]'), back('no-egress', '  policyTypes: [Egress]')));
    expect(egress).toContain('But 1 other policy selecting these pods, x/no-egress (only some of these pods), restricts outgoing traffic');
    expect(egress).not.toContain('So these policies');
    // api accepts everything, web nothing.
    const ingress = said(ns(api, p('  ingress: []'), back('open', '  ingress: [{}]')));
    expect(ingress).toContain('x/open: from anywhere, on any port.');
    expect(ingress).not.toContain('So these policies');
    // Covering every pod, the same policies do decide for all of them.
    expect(said(ns(p('  ingress: []'), netpol('x', 'open', '  podSelector: {}\n  ingress: [{}]')))).toContain(
      'So these policies together allow every incoming connection.',
    );
  });

  it('mentions the cluster-wide policies deciding the same pods', () => {
    const admin = anp('guard', 10, clusterSpec('{namespaces: {}}', { ingress: ['{action: Deny, from: [{namespaces: {}}]}'] }));
    expect(said(ns(allow80, admin))).toContain(
      'Cluster-wide policies also decide their incoming traffic: AdminNetworkPolicy/guard (Admin tier, consulted before NetworkPolicies, can decide first).',
    );
  });
});

describe('cluster-wide policies in plain words', () => {
  it('their subject, tier, and rules in the order they are consulted, each with its action', () => {
    const admin = anp(
      'guard',
      10,
      clusterSpec('{namespaces: {matchLabels: {team: b}}}', {
        ingress: ['{name: no-ssh, action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 22}}]}', '{action: Pass, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}]}'],
      }),
    );
    const { alone } = texts(wordsOf(docs(namespace('y', { team: 'b' }), pod({ ns: 'y', name: 'db' }), admin), 'AdminNetworkPolicy/guard'));
    expect(alone).toEqual([
      'Applies to all pods in namespaces labelled team=b.',
      'Here that is 1 workload: y/db.',
      'Admin tier, priority 10: consulted before any NetworkPolicy; in each direction the first of its rules that matches a connection decides.',
      'For incoming traffic, its 2 rules, in order:',
      'Rule 1 ("no-ssh") denies TCP port 22 from all pods in all namespaces.',
      'Rule 2 passes on all traffic from pods labelled app=web in all namespaces (NetworkPolicies decide it).',
      'It has no rules for outgoing traffic.',
    ]);
  });

  it('Baseline tier; networks, nodes and domainNames peers; port ranges of a ClusterNetworkPolicy', () => {
    const baseline = cnp(
      'egress-floor',
      'Baseline',
      5,
      clusterSpec('{namespaces: {}}', {
        egress: [
          '{action: Accept, to: [{networks: [0.0.0.0/0]}], protocols: [{tcp: {destinationPort: {range: {start: 8000, end: 8080}}}}]}',
          "{action: Deny, to: [{nodes: {}}, {domainNames: ['*.example.org']}]}",
          '{action: Pass, to: [{networks: [10.0.0.0/8]}]}',
        ],
      }),
    );
    const { alone } = texts(wordsOf(docs(namespace('y'), pod({ ns: 'y', name: 'db' }), baseline), 'ClusterNetworkPolicy/egress-floor'));
    expect(alone).toEqual([
      'Applies to all pods in all namespaces.',
      'Here that is 1 workload: y/db.',
      'Baseline tier: consulted only for traffic that no NetworkPolicy isolates; in each direction the first of its rules that matches decides.',
      'It has no rules for incoming traffic.',
      'For outgoing traffic, its 3 rules, in order:',
      'Rule 1 accepts TCP ports 8000 to 8080 to any IPv4 address (0.0.0.0/0).',
      'Rule 2 denies all traffic to nodes or domain names (nothing the manifests can show).',
      'Rule 3 passes on all traffic to addresses in 10.0.0.0/8 (allowed: nothing comes after).',
    ]);
  });
});
