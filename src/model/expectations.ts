/**
 * `netpol-canvas/v1alpha1` ConnectivityExpectations: what should and should not be able to talk,
 * written beside the manifests and checked against them (engine/expectations.ts), never part of
 * the cluster.
 *
 *     spec:
 *       expectations:
 *         - from: default/client[Pod]                            # an endpoint id, IP or CIDR,
 *           to: { namespace: default, labels: { app: nginx } }   # or namespace and/or labels
 *           ports: [TCP/80, UDP/53, TCP/8000-8080, SCTP]          # optional: every port
 *           expect: allowed                                      # allowed | denied
 *         - to: { namespace: default, labels: { app: db } }
 *           only: [ { namespace: default, labels: { app: api } } ] # nothing else may reach it
 *
 * Each expectation has exactly one of `expect` and `only`; `only` needs a `to`.
 */
import type {
  EndpointPattern,
  Expectation,
  ExpectationsResource,
  ExpectedPorts,
  ExpectedVerdict,
  Protocol,
} from './types';
import { PROTOCOLS } from './types';
import type { YMap, YNode } from './tree';
import type { SourceRange } from './source';
import type { Issues } from './issues';
import type { Metadata } from './metadata';
import { asItemMap, asList, asMap, asString, entryOf, isNull, valueOf } from './reader';
import { readLabels } from './selector';
import { ipRange, parseCidr, parseIp } from './cidr';
import { expectationSays as says } from './messages';

export const EXPECTATIONS_API_VERSION = 'netpol-canvas/v1alpha1';

const SPEC_FIELDS = ['expectations'] as const;
const EXPECTATION_FIELDS = ['from', 'to', 'ports', 'expect', 'only'] as const;
const SELECTOR_FIELDS = ['namespace', 'labels'] as const;
const VERDICTS: readonly ExpectedVerdict[] = ['allowed', 'denied'];
/** `ns/name[Kind]`: a workload endpoint's id as the graph and the CLI print it. */
const ENDPOINT_ID = /^[^/\s]+\/[^/[\]\s]+\[[A-Za-z]+\]$/;
/** `first-last` addresses: an outside range's id. */
const RANGE_ID = /^[0-9a-fA-F:.]+-[0-9a-fA-F:.]+$/;
const PORTS = /^(?<protocol>[A-Za-z]+)(?:\/(?<first>\d+)(?:-(?<last>\d+))?)?$/;

/** Reads a ConnectivityExpectations whose top level and metadata are already read. */
export function readExpectations(root: YMap, meta: Metadata, issues: Issues): ExpectationsResource {
  const spec = asMap(valueOf(root, 'spec'), 'spec', issues);
  if (spec === undefined) {
    issues.error(entryOf(root, 'spec')?.keyRange ?? root.range, 'missing-field', says.required('spec'));
  }
  checkKnown(spec, 'spec', SPEC_FIELDS, issues);
  const list = valueOf(spec, 'expectations');
  const expectations =
    spec === undefined ? [] : readExpectationList(list, 'spec.expectations', entryOf(root, 'spec')!.keyRange, issues);
  return { name: meta.name, expectations, location: issues.at(root.range), nameLocation: issues.at(meta.nameRange) };
}

/** A list of at least one expectation (a document's, or a lesson's goals); `missingAt` when absent. */
export function readExpectationList(
  node: YNode | undefined,
  path: string,
  missingAt: SourceRange,
  issues: Issues,
): Expectation[] {
  const items = asList(node, path, issues);
  if (items === undefined || items.length === 0) {
    issues.error(node?.range ?? missingAt, 'missing-field', says.noExpectations(path));
  }
  return (items ?? []).flatMap((item, index) => {
    const read = readExpectation(item, path, index, issues);
    return read ? [read] : [];
  });
}

function readExpectation(node: YNode, list: string, index: number, issues: Issues): Expectation | undefined {
  const path = `${list}[${index}]`;
  const map = asItemMap(node, path, issues);
  if (map === undefined) return undefined;
  checkKnown(map, path, EXPECTATION_FIELDS, issues);
  const from = readPattern(valueOf(map, 'from'), `${path}.from`, issues);
  const to = readPattern(valueOf(map, 'to'), `${path}.to`, issues);
  const ports = readPortsList(valueOf(map, 'ports'), `${path}.ports`, issues);
  const expectNode = valueOf(map, 'expect');
  const expect = readVerdict(expectNode, `${path}.expect`, issues);
  const onlyNode = valueOf(map, 'only');
  const onlyItems = asList(onlyNode, `${path}.only`, issues);
  const only = onlyItems?.map((item, i) => readPattern(item, `${path}.only[${i}]`, issues));
  if ((expectNode === undefined) === (onlyNode === undefined)) {
    issues.error(expectNode?.range ?? onlyNode?.range ?? map.range, 'invalid-expectation', says.expectOrOnly(path));
  } else if (onlyNode !== undefined && to === undefined) {
    issues.error(onlyNode.range, 'invalid-expectation', says.onlyNeedsTo(path));
  } else if (only?.length === 0) {
    issues.error(onlyNode!.range, 'invalid-expectation', says.emptyOnly(path));
  }
  return {
    ...(from && { from }),
    ...(to && { to }),
    ...(ports && { ports }),
    ...(expect && { expect }),
    ...(only && { only: only.filter((p): p is EndpointPattern => p !== undefined) }),
    index,
    location: issues.at(map.range),
  };
}

/** An endpoint id, an IP or CIDR, or `{namespace, labels}`. */
export function readPattern(node: YNode | undefined, path: string, issues: Issues): EndpointPattern | undefined {
  if (node === undefined || isNull(node)) return undefined;
  const location = issues.at(node.range);
  if (node.type === 'map') {
    checkKnown(node, path, SELECTOR_FIELDS, issues);
    const namespace = asString(valueOf(node, 'namespace'), `${path}.namespace`, issues);
    const labels = readLabels(valueOf(node, 'labels'), `${path}.labels`, issues);
    return { type: 'selector', ...(namespace !== undefined && { namespace }), labels, location };
  }
  const text = asString(node, path, issues);
  if (text === undefined) return undefined;
  if (text.includes('/') && /^[0-9a-fA-F:.]+\/\d+$/.test(text)) {
    const cidr = parseCidr(text);
    if (cidr.ok) {
      const { family, first, last } = cidr.cidr;
      return { type: 'addresses', range: { family, first, last }, text, location };
    }
    issues.error(node.range, 'invalid-endpoint-pattern', says.badCidr(path, text, cidr.reason));
    return undefined;
  }
  const ip = parseIp(text);
  if (ip) return { type: 'addresses', range: ipRange(ip), text, location };
  if (ENDPOINT_ID.test(text) || RANGE_ID.test(text)) return { type: 'endpoint', id: text, location };
  issues.error(node.range, 'invalid-endpoint-pattern', says.badPattern(path, text));
  return undefined;
}

export function readPortsList(node: YNode | undefined, path: string, issues: Issues): ExpectedPorts[] | undefined {
  const items = asList(node, path, issues);
  if (items === undefined) return undefined;
  if (items.length === 0) issues.error(node!.range, 'invalid-expected-ports', says.emptyPorts(path));
  return items.flatMap((item, i) => {
    const ports = readPorts(item, `${path}[${i}]`, issues);
    return ports ? [ports] : [];
  });
}

/** `TCP/80`, `TCP/8000-8080` or `UDP`, protocol as Kubernetes spells it. */
function readPorts(node: YNode, path: string, issues: Issues): ExpectedPorts | undefined {
  const written = node.type === 'scalar' ? String(node.value) : undefined;
  const match = written === undefined ? undefined : PORTS.exec(written);
  const protocol = match?.groups!.protocol;
  if (match === undefined || match === null || !(PROTOCOLS as readonly string[]).includes(protocol!)) {
    issues.error(node.range, 'invalid-expected-ports', says.badPorts(path, written));
    return undefined;
  }
  const { first, last } = match.groups!;
  const range = first === undefined ? [1, 65535] : [Number(first), Number(last ?? first)];
  if (range[0]! < 1 || range[1]! > 65535 || range[0]! > range[1]!) {
    issues.error(node.range, 'invalid-expected-ports', says.badRange(path, written!));
    return undefined;
  }
  return { protocol: protocol as Protocol, first: range[0]!, last: range[1]! };
}

function readVerdict(node: YNode | undefined, path: string, issues: Issues): ExpectedVerdict | undefined {
  const text = asString(node, path, issues);
  if (text === undefined) return undefined;
  if ((VERDICTS as readonly string[]).includes(text)) return text as ExpectedVerdict;
  issues.error(node!.range, 'invalid-expectation', says.badVerdict(path, text));
  return undefined;
}

/** Unknown fields are errors here: a misspelt `expect` must not quietly check nothing. */
function checkKnown(map: YMap | undefined, path: string, known: readonly string[], issues: Issues): void {
  for (const entry of map?.entries ?? []) {
    if (!known.includes(entry.key)) {
      issues.error(entry.keyRange, 'unknown-expectation-field', says.unknownField(path, entry.key, known));
    }
  }
}
