/**
 * Subjects and peers of cluster-wide policies (network-policy-api NamespacedPod, the ingress and
 * egress peer types), validated as their CRDs do, and label selectors as Kubernetes parses them.
 */
import type { Cidr, ClusterPeer, ClusterPolicyKind, ClusterSubject, LabelSelector } from './types';
import type { YMap, YNode } from './tree';
import type { Issues } from './issues';
import { asMap, checkFields, isNull, valueOf } from './reader';
import { readSelector } from './selector';
import { parseCidr, parseIp } from './cidr';
import { crdList, crdStringSet, exactlyOne } from './crd';
import { leftOut, say } from './messages';

/** What differs between the versions, for subjects and peers. */
export interface PeerDialect {
  readonly kind: ClusterPolicyKind;
  /** v1alpha1 requires both selectors of `pods`; v1alpha2 only podSelector. */
  readonly version: 'v1alpha1' | 'v1alpha2';
  /** The egress peer fields (ingress peers are always `namespaces` and `pods`). */
  readonly egressPeers: readonly EgressPeerField[];
}

export type EgressPeerField = 'namespaces' | 'pods' | 'networks' | 'nodes' | 'domainNames';

const ALL: LabelSelector = { matchLabels: {}, matchExpressions: [] };
const SUBJECT_FIELDS = ['namespaces', 'pods'] as const;
const INGRESS_PEERS = ['namespaces', 'pods'] as const;
const NAMESPACED_POD_FIELDS: ReadonlySet<string> = new Set(['namespaceSelector', 'podSelector']);
/** CIDR: MaxLength=43. */
const CIDR_MAX_LENGTH = 43;
/** DomainName's pattern, verbatim (`A-z` is upstream's, and admits a few punctuation marks). */
const DOMAIN_NAME =
  /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

/**
 * The CRDs check a selector's shape only (key and operator required, values a list of strings);
 * Kubernetes' selector parser (LabelSelectorAsSelector) checks the rest, so a selector that fails
 * there is admitted, and no implementation can apply it. Those problems leave the policy out, and
 * say why in words that do not claim the API server would reject it.
 */
const PARSER_ONLY_CODES = [
  'invalid-label-key',
  'invalid-label-value',
  'invalid-selector-operator',
  'invalid-selector-values',
] as const;

/** `spec.subject`: exactly one of `namespaces` and `pods`. */
export function readSubject(
  map: YMap,
  path: string,
  dialect: PeerDialect,
  issues: Issues,
): ClusterSubject | undefined {
  checkFields(map, path, new Set(SUBJECT_FIELDS), issues);
  const field = exactlyOne(map, path, SUBJECT_FIELDS, 'invalid-subject', issues);
  const selected = field && readSelection(map, field, path, dialect, issues);
  return selected && { ...selected, location: issues.at(map.range) };
}

/** One item of `from` (ingress) or `to` (egress). */
export function readPeer(
  map: YMap,
  path: string,
  direction: 'ingress' | 'egress',
  dialect: PeerDialect,
  issues: Issues,
): ClusterPeer | undefined {
  const fields = direction === 'ingress' ? INGRESS_PEERS : dialect.egressPeers;
  checkFields(map, path, new Set<string>(fields), issues);
  const field = exactlyOne(map, path, fields, 'invalid-peer', issues);
  if (field === undefined) return undefined;
  const location = issues.at(map.range);
  const fieldPath = `${path}.${field}`;
  const node = valueOf(map, field);
  switch (field) {
    case 'namespaces':
    case 'pods': {
      const selected = readSelection(map, field, path, dialect, issues);
      return selected && { kind: 'pods', ...selected, location };
    }
    case 'networks': {
      const cidrs = readNetworks(node, fieldPath, issues);
      return cidrs && { kind: 'networks', cidrs, location };
    }
    case 'nodes': {
      const nodes = readCrdSelector(node, fieldPath, dialect.kind, issues);
      if (node !== undefined) issues.info(node.range, 'experimental-field', say.experimentalNodes(fieldPath));
      return nodes && { kind: 'nodes', nodes, location };
    }
    case 'domainNames': {
      const names = readDomainNames(node, fieldPath, issues);
      if (node !== undefined) {
        issues.info(node.range, 'experimental-field', say.experimentalDomainNames(fieldPath));
      }
      return names && { kind: 'domainNames', names, location };
    }
  }
}

/** `namespaces: S` (pods in namespaces matching S) or `pods: {namespaceSelector, podSelector}`. */
function readSelection(
  map: YMap,
  field: 'namespaces' | 'pods',
  path: string,
  dialect: PeerDialect,
  issues: Issues,
): { readonly namespaces: LabelSelector; readonly pods?: LabelSelector } | undefined {
  const fieldPath = `${path}.${field}`;
  if (field === 'namespaces') {
    const namespaces = readCrdSelector(valueOf(map, field), fieldPath, dialect.kind, issues);
    return namespaces && { namespaces };
  }
  const pods = asMap(valueOf(map, field), fieldPath, issues);
  if (pods === undefined) return undefined;
  checkFields(pods, fieldPath, NAMESPACED_POD_FIELDS, issues);
  const namespaces = readNamespacedPodSelector(pods, fieldPath, 'namespaceSelector', dialect, issues);
  const podSelector = readNamespacedPodSelector(pods, fieldPath, 'podSelector', dialect, issues);
  return { namespaces: namespaces ?? ALL, pods: podSelector ?? ALL };
}

/**
 * One selector of a NamespacedPod. Absent: v1alpha2's namespaceSelector means all namespaces;
 * its podSelector is required. v1alpha1 requires both, but inputs written for netpol-analyzer
 * (which builds the Go struct, whose zero value is the empty selector) often leave one out: such
 * a policy is kept with a warning, the missing selector read as `{}`.
 */
function readNamespacedPodSelector(
  pods: YMap,
  path: string,
  field: 'namespaceSelector' | 'podSelector',
  dialect: PeerDialect,
  issues: Issues,
): LabelSelector | undefined {
  const fieldPath = `${path}.${field}`;
  const node = valueOf(pods, field);
  if (node !== undefined) return readCrdSelector(node, fieldPath, dialect.kind, issues);
  if (dialect.version === 'v1alpha1') {
    const all = field === 'podSelector' ? 'all pods' : 'all namespaces';
    const reading = `the missing selector read as {}, which selects ${all}, as netpol-analyzer reads it`;
    issues.warning(pods.range, 'missing-selector', say.requiredKept(fieldPath, dialect.kind, reading));
  } else if (field === 'podSelector') {
    issues.error(pods.range, 'missing-field', say.required(fieldPath));
  }
  return undefined;
}

/**
 * A metav1.LabelSelector inside a CRD: null list items are errors (built-in kinds read them as
 * `{}`), null matchLabels values are dropped (the API server prunes non-nullable nulls), and the
 * rest is validated as for built-in kinds, with the problems only the selector parser finds
 * worded as such (see PARSER_ONLY_CODES).
 */
export function readCrdSelector(
  node: YNode | undefined,
  path: string,
  kind: ClusterPolicyKind,
  issues: Issues,
): LabelSelector | undefined {
  const map = asMap(node, path, issues);
  if (map === undefined) return undefined;
  if (hasNullItems(map, path, issues)) return undefined;
  const entries = map.entries.map((entry) => {
    const { key, value } = entry;
    if (key !== 'matchLabels' || value.type !== 'map') return entry;
    return { ...entry, value: { ...value, entries: value.entries.filter((label) => !isNull(label.value)) } };
  });
  const unchecked = 'its CRD does not check label selectors; Kubernetes cannot parse this one';
  const ending = leftOut.unevaluable(kind, unchecked);
  const view = issues.withEndings(new Map(PARSER_ONLY_CODES.map((code) => [code, ending])));
  return readSelector({ ...map, entries }, path, view);
}

/** Reports null requirements and null values: the schema's type check rejects them. */
function hasNullItems(selector: YMap, path: string, issues: Issues): boolean {
  const before = issues.errorCount;
  const expressions = valueOf(selector, 'matchExpressions');
  if (expressions?.type !== 'seq') return false;
  expressions.items.forEach((item, i) => {
    const itemPath = `${path}.matchExpressions[${i}]`;
    if (isNull(item)) issues.error(item.range, 'wrong-type', say.expected(itemPath, 'a mapping', item));
    const values = item.type === 'map' ? valueOf(item, 'values') : undefined;
    if (values?.type !== 'seq') return;
    values.items.forEach((value, j) => {
      const valuePath = `${itemPath}.values[${j}]`;
      if (isNull(value)) issues.error(value.range, 'wrong-type', say.expected(valuePath, 'a string', value));
    });
  });
  return issues.errorCount > before;
}
/**
 * `networks`: 1 to 25 distinct CIDRs, each at most 43 characters and valid for CEL's isCIDR
 * (netip.ParsePrefix: no leading zeros, no IPv4-mapped IPv6; host bits are allowed and masked,
 * as the v1 ipBlock reader does, with the same note).
 */
function readNetworks(node: YNode | undefined, path: string, issues: Issues): Cidr[] | undefined {
  const items = crdList(node, path, { min: 1, max: 25 }, issues);
  if (items === undefined) return undefined;
  return crdStringSet(items, path, issues).flatMap(({ text, node: item, path: itemPath }) => {
    if (text.length > CIDR_MAX_LENGTH) {
      issues.error(item.range, 'invalid-cidr', say.tooLong(itemPath, text.length, CIDR_MAX_LENGTH));
      return [];
    }
    const result = parseCidr(text);
    if (!result.ok || result.nonStandard) {
      const reason = result.ok ? nonStandardReason(text) : result.reason;
      issues.error(item.range, 'invalid-cidr', say.invalidCidr(itemPath, text, reason));
      return [];
    }
    if (result.hostBitsSet) {
      issues.info(item.range, 'cidr-host-bits', say.hostBits(itemPath, text, result.cidr.text));
    }
    return [result.cidr];
  });
}

/** Why isCIDR refuses what the legacy (ipBlock) parser accepts with a warning. */
function nonStandardReason(text: string): string {
  const address = text.slice(0, text.indexOf('/'));
  // parseIp reads an IPv4-mapped IPv6 address as the IPv4 address it maps.
  return address.includes(':') && parseIp(address)?.family === 4
    ? 'IPv4-mapped IPv6 addresses are not allowed here'
    : 'leading zeros are not allowed here';
}

/** `domainNames`: 1 to 25 distinct names matching the DomainName pattern. */
function readDomainNames(node: YNode | undefined, path: string, issues: Issues): string[] | undefined {
  const items = crdList(node, path, { min: 1, max: 25 }, issues);
  if (items === undefined) return undefined;
  return crdStringSet(items, path, issues).flatMap(({ text, node: item, path: itemPath }) => {
    if (DOMAIN_NAME.test(text)) return [text];
    const reason =
      'is not a domain name: use labels of letters, digits, "-" and "_" joined by dots, optionally after "*."';
    issues.error(item.range, 'invalid-domain-name', say.invalid(itemPath, text, reason));
    return [];
  });
}
