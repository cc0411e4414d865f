/**
 * Connectivity expectations checked against an analysis. For every matched (from, to) pair of
 * distinct endpoints: `allowed` holds when every expected port is allowed, `denied` when none is;
 * `only` holds when every matched source outside its list is denied on those ports (listed sources
 * are not checked). No `ports` means every port of every protocol. A pattern that matches no
 * endpoint fails the expectation: an intent about nothing is a typo, not a pass. Pairs of two
 * outside addresses are never checked: that traffic never touches the cluster.
 */
import { PROTOCOLS, type EndpointPattern, type Expectation, type ExpectedPorts, type ExpectedVerdict, type IpRange } from '../model/types';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  connectionsOf,
  intersectConnections,
  isAllConnections,
  isNoConnections,
  portRange,
  subtractConnections,
  unionConnections,
} from './portset';
import type { Analysis, Connection, ConnectionSet, Endpoint, EndpointId, PortQuery } from './types';

/** Failing pairs listed per expectation, at most: `failedPairs` counts them all. */
export const FAILING_PAIRS_LISTED = 100;

/** A pair that breaks an expectation, and the ports that break it. */
export interface FailingPair {
  readonly from: EndpointId;
  readonly to: EndpointId;
  /** What the cluster allows between them. */
  readonly allowed: ConnectionSet;
  /** `allowed` expected: the expected ports it does not allow; else the allowed ones it should deny. */
  readonly offending: ConnectionSet;
}

export type PatternRole = 'from' | 'to' | 'only';

export interface ExpectationResult {
  readonly expectation: Expectation;
  readonly passed: boolean;
  /** The patterns that match no endpoint (`only` with the index of the item). */
  readonly unmatched: readonly { readonly role: PatternRole; readonly index?: number; readonly pattern: EndpointPattern }[];
  /** Pairs checked. */
  readonly pairs: number;
  /** At most FAILING_PAIRS_LISTED, in endpoint order. */
  readonly failing: readonly FailingPair[];
  readonly failedPairs: number;
}

/** The connection set an expectation's ports stand for. */
export function expectedConnections(ports: readonly ExpectedPorts[] | undefined): ConnectionSet {
  if (ports === undefined) return ALL_CONNECTIONS;
  return ports.reduce<ConnectionSet>(
    (set, p) => unionConnections(set, connectionsOf(p.protocol, portRange(p.first, p.last))),
    NO_CONNECTIONS,
  );
}

function overlaps(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/**
 * Whether a pattern matches an endpoint. Selectors match workloads only; addresses match the
 * outside ranges they overlap (each range is decided as a whole, so any overlap speaks for it).
 */
export function patternMatches(pattern: EndpointPattern, endpoint: Endpoint): boolean {
  switch (pattern.type) {
    case 'endpoint':
      return endpoint.id === pattern.id;
    case 'selector':
      return (
        endpoint.type === 'workload' &&
        (pattern.namespace === undefined || endpoint.namespace === pattern.namespace) &&
        Object.entries(pattern.labels).every(([key, value]) => Object.hasOwn(endpoint.labels, key) && endpoint.labels[key] === value)
      );
    case 'addresses':
      return endpoint.type === 'external' && overlaps(pattern.range, endpoint.range);
  }
}

/** What the analysis allows per pair: absent pairs allow nothing. */
export type AllowedLookup = (from: EndpointId, to: EndpointId) => ConnectionSet;

export function allowedLookup(analysis: { readonly connections: Iterable<Connection> }): AllowedLookup {
  const bySource = new Map<EndpointId, Map<EndpointId, ConnectionSet>>();
  for (const c of analysis.connections) {
    let row = bySource.get(c.from);
    if (!row) bySource.set(c.from, (row = new Map()));
    row.set(c.to, c.allowed);
  }
  return (from, to) => bySource.get(from)?.get(to) ?? NO_CONNECTIONS;
}

function matching(endpoints: readonly Endpoint[], pattern: EndpointPattern | undefined): readonly Endpoint[] {
  return pattern === undefined ? endpoints : endpoints.filter((e) => patternMatches(pattern, e));
}

export function checkExpectation(
  expectation: Expectation,
  endpoints: readonly Endpoint[],
  allowed: AllowedLookup,
): ExpectationResult {
  const sources = matching(endpoints, expectation.from);
  const destinations = matching(endpoints, expectation.to);
  const unmatched: ExpectationResult['unmatched'][number][] = [];
  if (expectation.from && sources.length === 0) unmatched.push({ role: 'from', pattern: expectation.from });
  if (expectation.to && destinations.length === 0) unmatched.push({ role: 'to', pattern: expectation.to });
  expectation.only?.forEach((pattern, index) => {
    if (!endpoints.some((e) => patternMatches(pattern, e))) unmatched.push({ role: 'only', index, pattern });
  });
  const expected = expectedConnections(expectation.ports);
  const listed = (e: Endpoint) => expectation.only?.some((pattern) => patternMatches(pattern, e)) ?? false;
  const mustAllow = expectation.expect === 'allowed';
  const failing: FailingPair[] = [];
  let pairs = 0;
  let failedPairs = 0;
  for (const from of sources) {
    if (listed(from)) continue;
    for (const to of destinations) {
      if (from.id === to.id || (from.type === 'external' && to.type === 'external')) continue;
      pairs++;
      const actual = allowed(from.id, to.id);
      const offending = mustAllow ? subtractConnections(expected, actual) : intersectConnections(expected, actual);
      if (isNoConnections(offending)) continue;
      failedPairs++;
      if (failing.length < FAILING_PAIRS_LISTED) failing.push({ from: from.id, to: to.id, allowed: actual, offending });
    }
  }
  return { expectation, passed: unmatched.length === 0 && failedPairs === 0, unmatched, pairs, failing, failedPairs };
}

export function checkExpectations(analysis: Analysis, expectations: readonly Expectation[]): ExpectationResult[] {
  const allowed = allowedLookup(analysis);
  return expectations.map((e) => checkExpectation(e, analysis.endpoints, allowed));
}

/**
 * What is true of a pair of patterns on some ports (a lesson's prediction): `allowed` when every
 * port is allowed for every matched pair, `denied` when none is, `partly` otherwise, `unmatched`
 * when a pattern matches nothing.
 */
export function verdictOf(
  analysis: Analysis,
  question: Pick<Expectation, 'from' | 'to' | 'ports' | 'index' | 'location'>,
): ExpectedVerdict | 'partly' | 'unmatched' {
  const allowed = allowedLookup(analysis);
  const asked = (expect: ExpectedVerdict) => checkExpectation({ ...question, expect }, analysis.endpoints, allowed);
  const ifAllowed = asked('allowed');
  if (ifAllowed.unmatched.length > 0) return 'unmatched';
  if (ifAllowed.passed) return 'allowed';
  return asked('denied').passed ? 'denied' : 'partly';
}

/**
 * What a failing pair's explanation is asked about: everything when every port is wrong, else
 * the first protocol it gets wrong, and its first port when only some are.
 */
export function failingQuery(offending: ConnectionSet): PortQuery | undefined {
  if (isAllConnections(offending)) return undefined;
  const protocol = PROTOCOLS.find((p) => offending[p].length > 0)!;
  const [first] = offending[protocol];
  return first![0] === 1 && first![1] === 65535 ? { protocol } : { protocol, port: first![0] };
}
