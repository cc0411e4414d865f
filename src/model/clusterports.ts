/**
 * The ports of cluster-wide policy rules: v1alpha2 `protocols` items (`tcp`/`udp`/`sctp` with a
 * destinationPort number or range, or `destinationNamedPort`) and v1alpha1 `ports` items
 * (`portNumber`, `portRange`, experimental `namedPort`), read into one shape and validated as
 * their CRDs do.
 */
import { PROTOCOLS, type ClusterPolicyKind, type ClusterPort, type Protocol } from './types';
import type { YMap, YNode } from './tree';
import type { Issues } from './issues';
import { asMap, asString, checkFields, valueOf } from './reader';
import { readPortNumber } from './ports';
import { crdItem, crdList, exactlyOne } from './crd';
import { leftOut, say } from './messages';

export interface PortDialect {
  readonly kind: ClusterPolicyKind;
  readonly version: 'v1alpha1' | 'v1alpha2';
  /** MaxItems of the list. */
  readonly maxItems: number;
}

const PROTOCOL_FIELDS = ['tcp', 'udp', 'sctp', 'destinationNamedPort'] as const;
const V1ALPHA1_PORT_FIELDS = ['portNumber', 'portRange', 'namedPort'] as const;
const DESTINATION_PORT_FIELDS = ['number', 'range'] as const;
const PROTOCOL_SET: ReadonlySet<string> = new Set(PROTOCOLS);

/** `protocols` (v1alpha2) or `ports` (v1alpha1) of a rule: `undefined` when absent (all ports). */
export function readClusterPorts(
  node: YNode | undefined,
  path: string,
  dialect: PortDialect,
  issues: Issues,
): ClusterPort[] | undefined {
  const limits = { min: 1, max: dialect.maxItems, hint: 'leave it out to match every port' };
  return crdList(node, path, limits, issues)?.flatMap((item, i) => {
    const itemPath = `${path}[${i}]`;
    const map = crdItem(item, itemPath, issues);
    if (map === undefined) return [];
    const port =
      dialect.version === 'v1alpha2'
        ? readProtocolItem(map, itemPath, issues)
        : readV1alpha1Port(map, itemPath, dialect.kind, issues);
    return port ?? [];
  });
}

/** A v1alpha2 item: exactly one of tcp, udp, sctp (each with a destinationPort) and destinationNamedPort. */
function readProtocolItem(map: YMap, path: string, issues: Issues): ClusterPort | undefined {
  checkFields(map, path, new Set(PROTOCOL_FIELDS), issues);
  const field = exactlyOne(map, path, PROTOCOL_FIELDS, 'invalid-port-item', issues);
  const location = issues.at(map.range);
  if (field === undefined) return undefined;
  const fieldPath = `${path}.${field}`;
  if (field === 'destinationNamedPort') {
    const name = asString(valueOf(map, field), fieldPath, issues);
    return name === undefined ? undefined : { kind: 'named', name, location };
  }
  const protocolMap = asMap(valueOf(map, field), fieldPath, issues);
  if (protocolMap === undefined) return undefined;
  checkFields(protocolMap, fieldPath, new Set(['destinationPort']), issues);
  // MinProperties=1 with one property: `tcp: {}` (any TCP port) is not a thing; a range 1-65535 is.
  const destinationPath = `${fieldPath}.destinationPort`;
  const destinationNode = valueOf(protocolMap, 'destinationPort');
  if (destinationNode === undefined) {
    issues.error(protocolMap.range, 'missing-field', say.required(destinationPath));
    return undefined;
  }
  const destination = asMap(destinationNode, destinationPath, issues);
  if (destination === undefined) return undefined;
  checkFields(destination, destinationPath, new Set(DESTINATION_PORT_FIELDS), issues);
  const form = exactlyOne(destination, destinationPath, DESTINATION_PORT_FIELDS, 'invalid-port-item', issues);
  const protocol = field.toUpperCase() as Protocol;
  if (form === 'number') {
    const port = readRequiredPort(destination, 'number', destinationPath, issues);
    return port === undefined ? undefined : { kind: 'number', protocol, port, location };
  }
  if (form === 'range') {
    const rangePath = `${destinationPath}.range`;
    const range = asMap(valueOf(destination, 'range'), rangePath, issues);
    if (range === undefined) return undefined;
    checkFields(range, rangePath, new Set(['start', 'end']), issues);
    const bounds = readBounds(range, rangePath, issues);
    if (bounds === undefined) return undefined;
    if (bounds.start < bounds.end) {
      return { kind: 'number', protocol, port: bounds.start, endPort: bounds.end, location };
    }
    // CEL on PortRange: `self.start < self.end`, "Start port must be less than End port".
    issues.error(range.range, 'invalid-port-range', say.portRangeOrder(rangePath, bounds.start, bounds.end));
  }
  return undefined;
}

/** A v1alpha1 item: exactly one of portNumber, portRange and (experimental) namedPort. */
function readV1alpha1Port(
  map: YMap,
  path: string,
  kind: ClusterPolicyKind,
  issues: Issues,
): ClusterPort | undefined {
  checkFields(map, path, new Set(V1ALPHA1_PORT_FIELDS), issues);
  const field = exactlyOne(map, path, V1ALPHA1_PORT_FIELDS, 'invalid-port-item', issues);
  const location = issues.at(map.range);
  if (field === undefined) return undefined;
  const fieldPath = `${path}.${field}`;
  const node = valueOf(map, field);
  if (field === 'namedPort') {
    const name = asString(node, fieldPath, issues);
    if (node !== undefined) {
      issues.info(node.range, 'experimental-field', say.experimentalNamedPort(fieldPath));
    }
    return name === undefined ? undefined : { kind: 'named', name, location };
  }
  const port = asMap(node, fieldPath, issues);
  if (port === undefined) return undefined;
  const protocol = readV1alpha1Protocol(port, fieldPath, kind, issues);
  if (field === 'portNumber') {
    checkFields(port, fieldPath, new Set(['protocol', 'port']), issues);
    const number = readRequiredPort(port, 'port', fieldPath, issues);
    if (number === undefined || protocol === undefined) return undefined;
    return { kind: 'number', protocol, port: number, location };
  }
  checkFields(port, fieldPath, new Set(['protocol', 'start', 'end']), issues);
  const bounds = readBounds(port, fieldPath, issues);
  if (bounds === undefined || protocol === undefined) return undefined;
  const { start, end } = bounds;
  if (start === end) issues.warning(port.range, 'single-port-range', say.singlePortRange(fieldPath, start));
  if (start <= end) return { kind: 'number', protocol, port: start, endPort: end, location };
  // No CEL in v1alpha1, only the field's doc: "the Start value must be less than End". The API
  // server admits the range, which holds no port: left out, saying so.
  const ending = leftOut.unevaluable(kind, 'v1alpha1 does not check port ranges; this one holds no port');
  issues
    .withEndings(new Map([['invalid-port-range', ending]]))
    .error(port.range, 'invalid-port-range', say.portRangeOrder(fieldPath, start, end));
  return undefined;
}

/**
 * v1alpha1's `protocol`: defaulted to TCP when absent; the schema has no enum (TCP, UDP and SCTP
 * are only named in its description), so another value is admitted but cannot be matched.
 */
function readV1alpha1Protocol(
  port: YMap,
  path: string,
  kind: ClusterPolicyKind,
  issues: Issues,
): Protocol | undefined {
  const node = valueOf(port, 'protocol');
  const text = asString(node, `${path}.protocol`, issues);
  if (node === undefined) return 'TCP';
  if (text === undefined) return undefined;
  if (PROTOCOL_SET.has(text)) return text as Protocol;
  const unchecked = 'v1alpha1 does not check protocols; only TCP, UDP and SCTP can be matched';
  const message = say.invalid(`${path}.protocol`, text, `is not supported: use ${PROTOCOLS.join(', ')}`);
  issues
    .withEndings(new Map([['invalid-protocol', leftOut.unevaluable(kind, unchecked)]]))
    .error(node.range, 'invalid-protocol', message);
  return undefined;
}

/** `start` and `end`, both required port numbers. */
function readBounds(map: YMap, path: string, issues: Issues): { start: number; end: number } | undefined {
  const start = readRequiredPort(map, 'start', path, issues);
  const end = readRequiredPort(map, 'end', path, issues);
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** A required port number (1..65535) at `map.field`. */
function readRequiredPort(map: YMap, field: string, path: string, issues: Issues): number | undefined {
  const node = valueOf(map, field);
  if (node === undefined) issues.error(map.range, 'missing-field', say.required(`${path}.${field}`));
  return readPortNumber(node, `${path}.${field}`, issues);
}
