/**
 * Explanations and footprints with cluster-wide policies: the tier walk seen from one pair, and
 * what one policy decides.
 *
 * Spec basis: the tier rules of tiers.test.ts (network-policy-api ClusterNetworkPolicySpec.Tier and
 * the rule actions). Project rules (src/engine/types.ts, messages.ts): a side with cluster-wide
 * rules carries `tiers` — the Admin policies in the order consulted and each rule's part (`decided`,
 * or a miss: peer, protocol, port, named-port-unresolved, `decided-earlier` when earlier rules took
 * the ports, `not-reached` for Baseline rules when NetworkPolicies isolate the side); the ports
 * handed to the NetworkPolicies, and those that reach Baseline. Sentences name the tier, the rule
 * (`<Kind>/name direction rule #n "name" (file:line:col)`) and what it did. A footprint lists the
 * connections to which one of the policy's rules gives allowed ports and, for a cluster-wide
 * policy, the pairs one of its Deny rules denies ports of.
 */
import { describe, expect, it } from 'vitest';
import { explanationLines } from '../../src/engine';
import type { EndpointId, PairExplanation, TierRuleVerdict } from '../../src/engine/types';
import {
  ALL,
  ALL_V4,
  NONE,
  analyzeFiles,
  cnp,
  conn,
  cs,
  docs,
  explainPair,
  footprint,
  locateIn,
  namespace,
  netpol,
  pod,
  podId,
  tcp,
  type Analysis,
} from '../helpers';

const PODS = docs(
  namespace('x', { team: 'blue' }),
  namespace('z', { team: 'red' }),
  pod({ ns: 'x', name: 'a', labels: { app: 'a' }, ips: ['10.0.0.1'], ports: [{ name: 'http', containerPort: 8080 }] }),
  pod({ ns: 'x', name: 'b', labels: { app: 'b' }, ips: ['10.0.0.2'] }),
  pod({ ns: 'z', name: 'c', labels: { app: 'c' }, ips: ['10.1.0.1'] }),
  pod({ ns: 'z', name: 'd', labels: { app: 'd' }, ips: ['10.1.0.2'] }),
);
const A = podId('x', 'a');
const B = podId('x', 'b');
const C = podId('z', 'c');
const D = podId('z', 'd');
const FILE = 'tiers.yaml';
const SUBJECT_A = 'subject: {pods: {namespaceSelector: {matchLabels: {team: blue}}, podSelector: {matchLabels: {app: a}}}}';
const RED = '{namespaces: {matchLabels: {team: red}}}';

/** Admin, priority 10: from z, accept TCP 80, then deny everything else. */
const GUARD = cnp(
  'guard',
  'Admin',
  10,
  `  ${SUBJECT_A}
  ingress:
  - name: accept-web
    action: Accept
    from: [{namespaces: {matchLabels: {team: red}}}]
    protocols: [{tcp: {destinationPort: {number: 80}}}]
  - name: deny-red
    action: Deny
    from: [{namespaces: {matchLabels: {team: red}}}]
`,
);
/** Admin, priority 5: pass TCP 80 from z on to the next tier. */
const PASS_80 = cnp(
  'pass-web',
  'Admin',
  5,
  `  ${SUBJECT_A}
  ingress:
  - name: to-netpol
    action: Pass
    from: [{namespaces: {matchLabels: {team: red}}}]
    protocols: [{tcp: {destinationPort: {number: 80}}}]
`,
);
/** Baseline, priority 1: deny TCP 80 from every namespace. */
const BASE = cnp(
  'base',
  'Baseline',
  1,
  `  ${SUBJECT_A}
  ingress:
  - name: no-web
    action: Deny
    from: [{namespaces: {}}]
    protocols: [{tcp: {destinationPort: {number: 80}}}]
`,
);
const A_DENY_INGRESS = netpol('x', 'a-deny', '  podSelector: {matchLabels: {app: a}}\n  policyTypes: [Ingress]\n');
const A_ALLOW_80 = netpol('x', 'a-80', '  podSelector: {matchLabels: {app: a}}\n  ingress:\n  - ports: [{port: 80}]\n');

function analyzed(...policies: string[]): { a: Analysis; text: string } {
  const text = docs(PODS, ...policies);
  return { a: analyzeFiles([{ file: FILE, text }]), text };
}

function explained(a: Analysis, from: string, to: string, query?: Parameters<typeof explainPair>[3]): PairExplanation {
  const e = explainPair(a, from, to, query);
  expect(e, `explain(${from}, ${to})`).toBeDefined();
  return e!;
}

/** `file:line:col` of the rule item whose first line holds `marker` (the column of the marker itself). */
function at(text: string, marker: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(marker));
  expect(i, marker).toBeGreaterThanOrEqual(0);
  return `${FILE}:${i + 1}:${lines[i]!.indexOf(marker) + 1}`;
}

const kinds = (verdicts: readonly TierRuleVerdict[]) => verdicts.map((v) => [v.rule.policy, v.rule.index, v.miss?.kind]);

/**
 * The lines of a tier in an explanation: its heading (`  Admin tier…`) and what follows, up to the
 * next heading or side. A rule listed there is that tier's.
 */
function tierSection(lines: readonly string[], tier: 'Admin' | 'NetworkPolicy' | 'Baseline'): string[] {
  const start = lines.findIndex((l) => l.startsWith(`  ${tier} tier`));
  expect(start, `${tier} tier heading in\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^( {2}[A-Z]|\S)/.test(l));
  return lines.slice(start, end < 0 ? undefined : end);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A rule's line: `  - <policy> <direction> rule #n "name" (file:line:col)`, the tier perhaps repeated before it, then `rest`. */
const ruleLine = (rule: string, rest: string) =>
  expect.stringMatching(new RegExp(`^ {2}- (?:\\w+ tier )?${escaped(rule)}${escaped(rest)}`));

/** How a sentence names ingress rule `name` of `policy`: `<policy> ingress rule #n "name" (file:line:col)`. */
const named = (text: string, policy: string, n: number, name: string) =>
  `${policy} ingress rule #${n} "${name}" (${at(text, `name: ${name}`)})`;
const GUARD_ID = 'ClusterNetworkPolicy/guard';
const BASE_ID = 'ClusterNetworkPolicy/base';
const PASS_ID = 'ClusterNetworkPolicy/pass-web';

describe('an Admin rule decides', () => {
  it('names the deciding rule and its tier, and says the isolating NetworkPolicies are not consulted', () => {
    const { a, text } = analyzed(A_DENY_INGRESS, GUARD);
    const e = explained(a, C, A, { protocol: 'TCP', port: 443 });
    expect(e.verdict).toBe(false);
    const tiers = e.ingress.tiers!;
    expect(tiers.adminPolicies.map((p) => [p.id, p.priority])).toEqual([['ClusterNetworkPolicy/guard', 10]]);
    expect(kinds(tiers.admin)).toEqual([
      ['ClusterNetworkPolicy/guard', 0, 'port'],
      ['ClusterNetworkPolicy/guard', 1, undefined],
    ]);
    expect(tiers.admin[0]!.decided).toEqual(tcp(80));
    expect(tiers.admin[1]!.decided).toEqual(cs({ TCP: [[1, 79], [81, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] }));
    expect(tiers.toNetworkPolicies).toEqual(NONE);
    expect(e.ingress.isolatedBy.map((p) => p.id)).toEqual(['x/a-deny']);
    expect(e.ingress.allowed).toEqual(tcp(80));

    const lines = explanationLines(e, locateIn(a));
    expect(lines[0]).toBe(`DENIED: TCP 443 from ${C} to ${A}.`);
    expect(lines).toContain(`Ingress to ${A}: cluster-wide policies apply; allowed: TCP 80.`);
    const admin = tierSection(lines, 'Admin');
    expect(admin[0]).toContain('ClusterNetworkPolicy/guard (priority 10).');
    expect(admin).toContainEqual(
      ruleLine(named(text, GUARD_ID, 1, 'accept-web'), ': does not apply — its ports do not include TCP 443.'),
    );
    expect(admin).toContainEqual(
      ruleLine(
        named(text, GUARD_ID, 2, 'deny-red'),
        ' denies SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535 — NetworkPolicies are not consulted',
      ),
    );
    expect(tierSection(lines, 'NetworkPolicy')).toEqual([
      '  NetworkPolicy tier: x/a-deny isolates it, but the Admin tier decided every port, so they are not consulted.',
    ]);
  });

  it('a query on a port an earlier rule took: the later rule says so (decided-earlier)', () => {
    const { a, text } = analyzed(A_DENY_INGRESS, GUARD);
    const e = explained(a, C, A, { protocol: 'TCP', port: 80 });
    expect(e.verdict).toBe(true);
    expect(kinds(e.ingress.tiers!.admin)).toEqual([
      ['ClusterNetworkPolicy/guard', 0, undefined],
      ['ClusterNetworkPolicy/guard', 1, 'decided-earlier'],
    ]);
    const lines = explanationLines(e, locateIn(a));
    expect(lines[0]).toBe(`ALLOWED: TCP 80 from ${C} to ${A}.`);
    const admin = tierSection(lines, 'Admin');
    const [accept, deny] = [named(text, GUARD_ID, 1, 'accept-web'), named(text, GUARD_ID, 2, 'deny-red')];
    expect(admin).toContainEqual(ruleLine(accept, ' accepts TCP 80 — NetworkPolicies are not consulted'));
    expect(admin).toContainEqual(ruleLine(deny, ': does not apply — an earlier rule already decided TCP 80.'));
  });

  it('a peer no Admin rule names: each rule misses on the peer, and the NetworkPolicies decide everything', () => {
    const { a, text } = analyzed(A_DENY_INGRESS, GUARD);
    const e = explained(a, B, A);
    expect(kinds(e.ingress.tiers!.admin).map(([, , miss]) => miss)).toEqual(['peer', 'peer']);
    expect(e.ingress.tiers!.toNetworkPolicies).toEqual(ALL);
    expect(e.verdict).toBe(false);
    const lines = explanationLines(e, locateIn(a));
    expect(tierSection(lines, 'Admin')).toContainEqual(
      ruleLine(named(text, GUARD_ID, 1, 'accept-web'), `: does not apply — ${B} is not among its sources (from).`),
    );
    const [heading] = tierSection(lines, 'NetworkPolicy');
    expect(heading).toMatch(/^ {2}NetworkPolicy tier: x\/a-deny isolates it; NetworkPolicies decide .+\.$/);
  });

  it('without an isolating NetworkPolicy, an Admin decision says the Baseline tier is not consulted', () => {
    const { a, text } = analyzed(GUARD, BASE);
    const e = explained(a, C, A);
    expect(e.allowed).toEqual(tcp(80));
    expect(e.ingress.tiers!.toBaseline).toEqual(NONE);
    // The Baseline rule matches c on TCP 80, but Admin took every port first.
    expect(kinds(e.ingress.tiers!.baseline)).toEqual([['ClusterNetworkPolicy/base', 0, 'decided-earlier']]);
    const lines = explanationLines(e, locateIn(a));
    expect(tierSection(lines, 'Admin')).toContainEqual(
      ruleLine(named(text, GUARD_ID, 1, 'accept-web'), ' accepts TCP 80 — the Baseline tier is not consulted'),
    );
    const baseline = tierSection(lines, 'Baseline');
    expect(baseline[0]).toContain('ClusterNetworkPolicy/base (priority 1).');
    expect(baseline).toContainEqual(
      ruleLine(named(text, BASE_ID, 1, 'no-web'), ': does not apply — the Admin tier decided every port before it.'),
    );
  });

  it('a Baseline rule whose ports the Admin tier took, while others reach Baseline: an earlier rule decided them', () => {
    const rule = '{action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}}]}';
    const acceptWeb = cnp('web', 'Admin', 1, `  ${SUBJECT_A}\n  ingress:\n  - ${rule}\n`);
    const { a, text } = analyzed(acceptWeb, BASE);
    const e = explained(a, C, A);
    expect(e.allowed).toEqual(ALL);
    expect(e.ingress.tiers!.toBaseline).toEqual(cs({ TCP: [[1, 79], [81, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] }));
    expect(kinds(e.ingress.tiers!.baseline)).toEqual([['ClusterNetworkPolicy/base', 0, 'decided-earlier']]);
    const lines = explanationLines(e, locateIn(a));
    expect(tierSection(lines, 'Baseline')).toContainEqual(
      ruleLine(named(text, BASE_ID, 1, 'no-web'), ': does not apply — an earlier rule already decided those ports.'),
    );
    expect(lines).toContain('  No rule decides SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535: allowed by default.');
  });
});

describe('policies of one priority', () => {
  it('are listed in the order consulted (by name), with a note that the API leaves that order open', () => {
    const policy = (name: string, action: string) =>
      cnp(name, 'Admin', 10, `  ${SUBJECT_A}\n  ingress:\n  - {action: ${action}, from: [${RED}]}\n`);
    const { a } = analyzed(policy('second', 'Accept'), policy('first', 'Deny'));
    const e = explained(a, C, A);
    const ids = e.ingress.tiers!.adminPolicies.map((p) => p.id);
    expect(ids).toEqual(['ClusterNetworkPolicy/first', 'ClusterNetworkPolicy/second']);
    expect(kinds(e.ingress.tiers!.admin)).toEqual([
      ['ClusterNetworkPolicy/first', 0, undefined],
      ['ClusterNetworkPolicy/second', 0, 'decided-earlier'],
    ]);
    const lines = explanationLines(e, locateIn(a));
    expect(lines[0]).toBe(`DENIED: traffic from ${C} to ${A}.`);
    const admin = tierSection(lines, 'Admin');
    expect(admin[0]).toContain('ClusterNetworkPolicy/first (priority 10), ClusterNetworkPolicy/second (priority 10).');
    expect(admin).toContain(
      `  (${ids.join(', ')} share a priority: the API leaves their order open; they are consulted by name.)`,
    );
  });
});

describe('a Pass', () => {
  it('hands the ports to the isolating NetworkPolicies; the Baseline tier is not reached', () => {
    const { a, text } = analyzed(A_ALLOW_80, PASS_80, BASE);
    const e = explained(a, C, A);
    expect(e.allowed).toEqual(tcp(80));
    const tiers = e.ingress.tiers!;
    expect(tiers.admin[0]!.decided).toEqual(tcp(80));
    expect(tiers.toNetworkPolicies).toEqual(ALL);
    expect(tiers.toBaseline).toEqual(NONE);
    expect(kinds(tiers.baseline)).toEqual([['ClusterNetworkPolicy/base', 0, 'not-reached']]);
    const lines = explanationLines(e, locateIn(a));
    expect(tierSection(lines, 'Admin')).toContainEqual(
      ruleLine(named(text, PASS_ID, 1, 'to-netpol'), ' passes TCP 80 on to NetworkPolicies (x/a-80).'),
    );
    const networkPolicies = tierSection(lines, 'NetworkPolicy');
    expect(networkPolicies[0]).toMatch(/^ {2}NetworkPolicy tier: x\/a-80 isolates it; NetworkPolicies decide .+\.$/);
    const netpolRule = `x/a-80 ingress rule #1 (${at(text, 'ports: [{port: 80}]')})`;
    expect(networkPolicies).toContainEqual(ruleLine(netpolRule, ' allows TCP 80.'));
    expect(tierSection(lines, 'Baseline')).toContainEqual(
      ruleLine(
        named(text, BASE_ID, 1, 'no-web'),
        ': does not apply — NetworkPolicies isolate x/a[Pod] for ingress, so the Baseline tier is not consulted.',
      ),
    );
  });

  it('without an isolating NetworkPolicy, goes on to the Baseline tier; what no rule decides is allowed by default', () => {
    const { a, text } = analyzed(PASS_80, BASE);
    const e = explained(a, C, A);
    const everythingBut80 = cs({ TCP: [[1, 79], [81, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] });
    expect(e.allowed).toEqual(everythingBut80);
    expect(e.ingress.tiers!.toBaseline).toEqual(ALL);
    expect(e.ingress.tiers!.baseline[0]!.decided).toEqual(tcp(80));
    const lines = explanationLines(e, locateIn(a));
    expect(tierSection(lines, 'Admin')).toContainEqual(
      ruleLine(named(text, PASS_ID, 1, 'to-netpol'), ' passes TCP 80 on to the Baseline tier (no NetworkPolicy isolates it).'),
    );
    const [heading] = tierSection(lines, 'NetworkPolicy');
    expect(heading).toMatch(/^ {2}NetworkPolicy tier: no NetworkPolicy isolates it for ingress, so .+ goes on to the Baseline tier\./);
    expect(tierSection(lines, 'Baseline')).toContainEqual(ruleLine(named(text, BASE_ID, 1, 'no-web'), ' denies TCP 80.'));
    expect(lines).toContain('  No rule decides SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535: allowed by default.');
  });
});

describe('a cluster-wide named port the destination lacks', () => {
  it('is the reason given, with or without a port query (the name has no protocol of its own)', () => {
    const metrics = cnp(
      'metrics',
      'Admin',
      1,
      `  ${SUBJECT_A}\n  ingress:\n  - {action: Accept, from: [{namespaces: {}}], protocols: [{destinationNamedPort: metrics}]}\n`,
    );
    const { a } = analyzed(metrics);
    const miss = (query?: { protocol: 'TCP' | 'UDP'; port: number }) => explained(a, C, A, query).ingress.tiers!.admin[0]!.miss;
    const unresolved = { kind: 'named-port-unresolved', names: ['metrics'] };
    expect(miss()).toEqual(unresolved);
    // Regression: with a query, this once read as a protocol miss ("its ports do not include TCP").
    expect(miss({ protocol: 'TCP', port: 9090 })).toEqual(unresolved);
    expect(miss({ protocol: 'UDP', port: 9090 })).toEqual(unresolved);
    // a defines http, not metrics: nothing is decided, so everything is allowed.
    expect(conn(a, C, A)).toEqual(ALL);
  });
});

describe('sides without cluster-wide rules', () => {
  it('carry no tiers, and the isolation table lists the cluster-wide policies only where they have rules', () => {
    const { a } = analyzed(A_DENY_INGRESS, GUARD);
    const e = explained(a, C, A);
    expect(e.egress.tiers).toBeUndefined();
    expect(e.ingress.tiers).toBeDefined();
    const isolation = a.isolation.get(A as EndpointId);
    expect(isolation).toEqual({ ingress: ['x/a-deny'], egress: [], cluster: { ingress: [GUARD_ID], egress: [] } });
    expect(a.isolation.get(B as EndpointId)).toEqual({ ingress: [], egress: [] });
  });
});

describe('footprints of cluster-wide policies', () => {
  it('an Admin policy: the connections it accepts ports of, and the pairs it denies ports of', () => {
    const { a } = analyzed(A_DENY_INGRESS, GUARD);
    expect(conn(a, C, A)).toEqual(tcp(80));
    expect(footprint(a, 'ClusterNetworkPolicy/guard')).toEqual({
      policy: 'ClusterNetworkPolicy/guard',
      selects: [A],
      connections: [
        [C, A],
        [D, A],
      ],
      denies: [
        [C, A],
        [D, A],
      ],
      deniedPairs: 2,
    });
  });

  it('a Pass neither accepts nor denies; a Baseline policy that NetworkPolicies keep from deciding denies nothing', () => {
    const { a } = analyzed(A_ALLOW_80, PASS_80, BASE);
    expect(footprint(a, PASS_ID)).toEqual({ policy: PASS_ID, selects: [A], connections: [], denies: [], deniedPairs: 0 });
    expect(footprint(a, BASE_ID)).toEqual({ policy: BASE_ID, selects: [A], connections: [], denies: [], deniedPairs: 0 });
    // The NetworkPolicy decides every pair into a, through the pass or on its own.
    expect(footprint(a, 'x/a-80')!.connections).toEqual([
      [B, A],
      [C, A],
      [D, A],
      [ALL_V4, A],
    ]);
  });

  it('a Baseline policy that decides: its denied pairs, and no connection when it only denies', () => {
    const { a } = analyzed(PASS_80, BASE);
    expect(footprint(a, 'ClusterNetworkPolicy/base')).toEqual({
      policy: 'ClusterNetworkPolicy/base',
      selects: [A],
      connections: [],
      denies: [
        [B, A],
        [C, A],
        [D, A],
      ],
      deniedPairs: 3,
    });
  });

  it('an accepted connection the other side denies is no connection; egress denials name addresses too', () => {
    const out = cnp(
      'b-out',
      'Admin',
      1,
      `  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: b}}}}
  egress:
  - {action: Accept, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: a}}}}]}
  - {action: Deny, to: [{networks: [10.1.0.0/16]}]}
`,
    );
    const { a } = analyzed(A_DENY_INGRESS, out);
    expect(conn(a, B, A)).toEqual(NONE);
    expect(footprint(a, 'ClusterNetworkPolicy/b-out')).toEqual({
      policy: 'ClusterNetworkPolicy/b-out',
      selects: [B],
      connections: [],
      denies: [
        [B, C],
        [B, D],
        [B, '10.1.0.0-10.1.255.255'],
      ],
      deniedPairs: 3,
    });
  });

  it('a pair its Deny rules deny on both sides is one denied pair', () => {
    const walls = cnp(
      'walls',
      'Admin',
      1,
      `  subject: {namespaces: {matchLabels: {team: blue}}}
  egress: [{action: Deny, to: [{namespaces: {matchLabels: {team: blue}}}]}]
  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {team: blue}}}]}]
`,
    );
    const { a } = analyzed(walls);
    const walled = footprint(a, 'ClusterNetworkPolicy/walls')!;
    expect(walled.denies).toEqual([
      [A, B],
      [B, A],
    ]);
    expect(walled.deniedPairs).toBe(2);
  });

  it('a NetworkPolicy whose ports an Admin rule decided first contributes nothing to that pair', () => {
    const allowAll = netpol('x', 'a-allow', '  podSelector: {matchLabels: {app: a}}\n  ingress: [{}]\n');
    const acceptRed = cnp('red', 'Admin', 1, `  ${SUBJECT_A}\n  ingress:\n  - {action: Accept, from: [${RED}]}\n`);
    const { a } = analyzed(allowAll, acceptRed);
    expect(footprint(a, 'x/a-allow')!.connections).toEqual([
      [B, A],
      [ALL_V4, A],
    ]);
    expect(footprint(a, 'ClusterNetworkPolicy/red')!.connections).toEqual([
      [C, A],
      [D, A],
    ]);
  });
});
