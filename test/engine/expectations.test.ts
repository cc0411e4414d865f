/**
 * Expectations checked against an analysis (src/engine/expectations.ts), on the shared x/y/z pods.
 *
 * Rules (issue 12): for every matched (from, to) pair of distinct endpoints, `allowed` means every
 * listed port is allowed (no ports: every port of every protocol), `denied` means none is (no ports:
 * nothing at all); `only` means every matched source outside the list is denied on those ports, and
 * listed sources are not checked; a pattern that matches nothing fails. Project rules: selectors
 * match workloads only (namespace by name, labels all present and equal); addresses match the
 * outside ranges they overlap; pairs of two outside ranges are never checked.
 */
import { describe, expect, it } from 'vitest';
import { checkExpectations, expectedConnections, failingQuery, FAILING_PAIRS_LISTED } from '../../src/engine/expectations';
import { expectationFailureLines, expectationText } from '../../src/engine/messages';
import type { EndpointPattern, Expectation, ExpectedPorts, Protocol } from '../../src/model/types';
import type { DocumentId } from '../../src/model/source';
import { parseCidr } from '../../src/model/cidr';
import { ALL, ALL_V4, X, XYZ_PODS, Y, Z, cs, netpol, tcp, udp, xyz, type Analysis } from '../helpers';

const AT = { document: 0 as DocumentId, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
const id = (endpoint: string): EndpointPattern => ({ type: 'endpoint', id: endpoint, location: AT });
const sel = (namespace: string | undefined, labels: Record<string, string> = {}): EndpointPattern => ({
  type: 'selector',
  ...(namespace === undefined ? {} : { namespace }),
  labels,
  location: AT,
});
const cidr = (text: string): EndpointPattern => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { type: 'addresses', range: parsed.cidr, text, location: AT };
};
const port = (protocol: Protocol, first: number, last = first): ExpectedPorts => ({ protocol, first, last });
const expectation = (e: Omit<Expectation, 'index' | 'location'>): Expectation => ({ ...e, index: 0, location: AT });
const check = (a: Analysis, e: Omit<Expectation, 'index' | 'location'>) => checkExpectations(a, [expectation(e)])[0]!;

/** x/a accepts only TCP 80, and only from namespace y. */
const A_FROM_Y_80 = netpol(
  'x',
  'a-from-y',
  `  podSelector: {matchLabels: {pod: a}}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {ns: "y"}}}]
    ports: [{port: 80}]
`,
);

describe('expected ports', () => {
  it('no ports are every port of every protocol; listed ones are their union', () => {
    expect(expectedConnections(undefined)).toEqual(ALL);
    expect(expectedConnections([port('TCP', 80), port('UDP', 53), port('TCP', 8000, 8080)])).toEqual(
      cs({ TCP: [80, [8000, 8080]], UDP: [53] }),
    );
  });
});

describe('allowed', () => {
  it('holds when every listed port is allowed for every matched pair', () => {
    const a = xyz(A_FROM_Y_80);
    const r = check(a, { from: sel('y'), to: id(X.a), ports: [port('TCP', 80)], expect: 'allowed' });
    expect(r).toMatchObject({ passed: true, pairs: 2, failedPairs: 0, failing: [] });
  });

  it('fails on the expected ports that are not allowed, per pair', () => {
    const a = xyz(A_FROM_Y_80);
    const r = check(a, { from: id(Y.a), to: id(X.a), ports: [port('TCP', 80, 81), port('UDP', 53)], expect: 'allowed' });
    expect(r.passed).toBe(false);
    expect(r.failing).toEqual([{ from: Y.a, to: X.a, allowed: tcp(80), offending: cs({ TCP: [81], UDP: [53] }) }]);
  });

  it('without ports needs everything allowed: TCP 80 alone is not enough', () => {
    const a = xyz(A_FROM_Y_80);
    const r = check(a, { from: id(Y.a), to: id(X.a), expect: 'allowed' });
    expect(r.passed).toBe(false);
    expect(r.failing[0]!.offending).toEqual({ TCP: [[1, 79], [81, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] });
  });
});

describe('denied', () => {
  it('holds when none of the listed ports is allowed', () => {
    const a = xyz(A_FROM_Y_80);
    expect(check(a, { from: sel('z'), to: id(X.a), ports: [port('TCP', 80)], expect: 'denied' }).passed).toBe(true);
    expect(check(a, { from: id(Y.a), to: id(X.a), ports: [port('TCP', 443)], expect: 'denied' }).passed).toBe(true);
  });

  it('fails on the listed ports that are allowed', () => {
    const a = xyz(A_FROM_Y_80);
    const r = check(a, { from: id(Y.a), to: id(X.a), ports: [port('TCP', 1, 1000)], expect: 'denied' });
    expect(r.failing).toEqual([{ from: Y.a, to: X.a, allowed: tcp(80), offending: tcp(80) }]);
  });

  it('without ports needs nothing allowed at all', () => {
    const a = xyz(A_FROM_Y_80);
    expect(check(a, { from: id(Y.a), to: id(X.a), expect: 'denied' }).passed).toBe(false);
    expect(check(a, { from: id(Z.a), to: id(X.a), expect: 'denied' }).passed).toBe(true);
  });
});

describe('only', () => {
  it('holds when every other source is denied those ports; listed sources are not checked', () => {
    const a = xyz(A_FROM_Y_80);
    const r = check(a, { to: id(X.a), only: [sel('y')], ports: [port('TCP', 80)] });
    expect(r.passed).toBe(true);
    // x/b, x/c, z/a, z/b and the outside world: y's two pods are listed, x/a is the destination.
    expect(r.pairs).toBe(5);
  });

  it('fails for each source outside the list that reaches the destination', () => {
    const a = xyz(A_FROM_Y_80);
    const r = check(a, { to: id(X.a), only: [id(Y.a)], ports: [port('TCP', 80)] });
    expect(r.failing).toEqual([{ from: Y.b, to: X.a, allowed: tcp(80), offending: tcp(80) }]);
  });

  it('without ports, a source outside the list may reach nothing', () => {
    const a = xyz();
    const r = check(a, { to: id(X.a), only: [sel('x')] });
    expect(r.failing.map((f) => f.from)).toEqual([Y.a, Y.b, Z.a, Z.b, ALL_V4]);
  });
});

describe('patterns', () => {
  it('a selector matches workloads by namespace and every label; no namespace means all', () => {
    const a = xyz();
    const everyPodA = check(a, { from: sel(undefined, { pod: 'a' }), to: id(X.b), expect: 'allowed' });
    expect(everyPodA).toMatchObject({ passed: true, pairs: 3 });
    expect(check(a, { from: sel('x', { pod: 'a' }), to: id(X.b), expect: 'allowed' }).pairs).toBe(1);
    // All labels must match: no pod is labelled both a and b.
    const none = check(a, { from: sel(undefined, { pod: 'a', ns: 'x' }), to: id(X.b), expect: 'allowed' });
    expect(none.unmatched.map((u) => u.role)).toEqual(['from']);
  });

  it('a pattern that matches nothing fails, even when nothing else would', () => {
    const a = xyz();
    const r = check(a, { from: id('x/nope[Pod]'), to: id(X.a), expect: 'denied' });
    expect(r).toMatchObject({ passed: false, pairs: 0, failedPairs: 0 });
    expect(r.unmatched).toEqual([{ role: 'from', pattern: id('x/nope[Pod]') }]);
    const only = check(a, { to: id(X.a), only: [sel('y'), sel('nowhere')], ports: [port('TCP', 80)] });
    expect(only.unmatched).toEqual([{ role: 'only', index: 1, pattern: sel('nowhere') }]);
  });

  it('addresses match the outside ranges they overlap, never workloads', () => {
    const egress = netpol(
      'x',
      'a-out',
      `  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Egress]
  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}], ports: [{protocol: UDP, port: 53}]}]
`,
    );
    const a = xyz(egress);
    expect(check(a, { from: id(X.a), to: cidr('10.1.2.3/32'), ports: [port('UDP', 53)], expect: 'allowed' }).passed).toBe(true);
    const wide = check(a, { from: id(X.a), to: cidr('0.0.0.0/0'), ports: [port('UDP', 53)], expect: 'allowed' });
    // 0.0.0.0/0 overlaps the three ranges 10.0.0.0/8 cuts the space into; two of them deny.
    expect(wide.pairs).toBe(3);
    expect(wide.failing.map((f) => f.to)).toEqual(['0.0.0.0-9.255.255.255', '11.0.0.0-255.255.255.255']);
    expect(wide.failing[0]!.offending).toEqual(udp(53));
  });

  it('pairs of one endpoint or of two outside ranges are not checked', () => {
    const a = xyz();
    const r = check(a, { expect: 'allowed', to: sel('x', { pod: 'a' }) });
    // Every other pod, and the outside world; not x/a itself.
    expect(r.pairs).toBe(XYZ_PODS.length - 1 + 1);
    const outside = check(a, { from: cidr('0.0.0.0/0'), to: cidr('10.0.0.0/8'), expect: 'denied' });
    expect(outside).toMatchObject({ passed: true, pairs: 0 });
  });
});

describe('many failing pairs', () => {
  it('lists the first ones and counts them all', () => {
    const a = xyz();
    const r = check(a, { expect: 'denied' });
    // Every ordered pair of 7 pods, plus each pod to and from the outside world: all allowed.
    const all = 7 * 6 + 7 * 2;
    expect(r.failedPairs).toBe(all);
    expect(r.failing.length).toBe(Math.min(all, FAILING_PAIRS_LISTED));
    expect(r.failing[0]).toEqual({ from: X.a, to: X.b, allowed: ALL, offending: ALL });
  });
});

describe('in words', () => {
  it('names the patterns, the verdict and the ports', () => {
    const text = (e: Omit<Expectation, 'index' | 'location'>) => expectationText(expectation(e));
    expect(text({ from: id(X.a), to: sel('y', { pod: 'a', tier: 'web' }), ports: [port('TCP', 80)], expect: 'allowed' })).toBe(
      'x/a[Pod] → pods in namespace y labelled pod=a, tier=web: allowed on TCP 80',
    );
    expect(text({ to: sel('x'), expect: 'denied' })).toBe('anything → namespace x: denied on every port');
    expect(text({ from: sel(undefined), to: cidr('10.0.0.0/8'), only: [id(X.a), sel(undefined, { pod: 'b' })] })).toBe(
      'only x/a[Pod] or pods labelled pod=b may reach 10.0.0.0/8 (of any pod)',
    );
  });

  it('says why one failed: patterns that match nothing, the pairs, and how many more', () => {
    const a = xyz(A_FROM_Y_80);
    const lines = (e: Omit<Expectation, 'index' | 'location'>) => expectationFailureLines(check(a, e));
    expect(lines({ from: id(Y.a), to: id(X.a), ports: [port('TCP', 80, 81)], expect: 'allowed' })).toEqual([
      'y/a[Pod] → x/a[Pod]: TCP 81 not allowed (allowed: TCP 80)',
    ]);
    expect(lines({ from: sel('nowhere'), to: id(X.a), expect: 'denied' })).toEqual(['from namespace nowhere matches no endpoint']);
    // Only the listed pairs are written out; a result listing 1 of 3 says so.
    const listedOne = { ...check(a, { expect: 'denied', to: id(Z.a) }), failedPairs: 3 };
    expect(expectationFailureLines({ ...listedOne, failing: listedOne.failing.slice(0, 1) }).at(-1)).toBe('… and 2 more pairs');
  });
});

describe('what a failing pair is explained about', () => {
  it('everything when every port is wrong, else the first protocol, and its first port when only some are', () => {
    expect(failingQuery(ALL)).toBeUndefined();
    expect(failingQuery(cs({ TCP: [[1, 65535]] }))).toEqual({ protocol: 'TCP' });
    expect(failingQuery(cs({ TCP: [[81, 90]], UDP: [53] }))).toEqual({ protocol: 'TCP', port: 81 });
    expect(failingQuery(udp(53))).toEqual({ protocol: 'UDP', port: 53 });
  });
});
