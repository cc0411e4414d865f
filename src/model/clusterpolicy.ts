/**
 * Cluster-wide policies of kubernetes-sigs/network-policy-api, read into one shape
 * (ClusterPolicyResource) whatever their version:
 * - `ClusterNetworkPolicy` (policy.networking.k8s.io/v1alpha2, v0.2.0): `tier` and `priority`;
 * - `AdminNetworkPolicy` (v1alpha1): the Admin tier, with a priority;
 * - `BaselineAdminNetworkPolicy` (v1alpha1): the Baseline tier, one per cluster, named `default`.
 * Each is validated as its CRD (schema, CEL rules) makes the API server validate it; fields of the
 * experimental channel are read, with a note.
 */
import type {
  ClusterPolicyKind,
  ClusterPolicyResource,
  ClusterRule,
  ClusterRuleAction,
  ClusterSubject,
  ClusterTier,
} from './types';
import type { YMap, YNode } from './tree';
import type { Issues } from './issues';
import type { Metadata } from './metadata';
import { asInteger, asMap, asString, checkFields, defined, entryOf, headRange, valueOf } from './reader';
import { readPeer, readSubject, type EgressPeerField, type PeerDialect } from './clusterpeers';
import { readClusterPorts, type PortDialect } from './clusterports';
import { crdItem, crdList } from './crd';
import { say } from './messages';

/** What differs between the three kinds. */
interface Dialect extends PeerDialect, PortDialect {
  readonly specFields: ReadonlySet<string>;
  /** Action as written → as read (v1alpha1's Allow is Accept). */
  readonly actions: ReadonlyMap<string, ClusterRuleAction>;
  /** A hint for an action of another version or kind. */
  readonly actionHints: Readonly<Record<string, string>>;
  readonly portsKey: 'protocols' | 'ports';
  /** v1alpha1: the tier is the kind's. */
  readonly tier?: ClusterTier;
}

const EGRESS_PEERS: readonly EgressPeerField[] = ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'];
const V1ALPHA1_ACTIONS = new Map<string, ClusterRuleAction>([
  ['Allow', 'Accept'],
  ['Deny', 'Deny'],
  ['Pass', 'Pass'],
]);

const DIALECTS: Readonly<Record<ClusterPolicyKind, Dialect>> = {
  ClusterNetworkPolicy: {
    kind: 'ClusterNetworkPolicy',
    version: 'v1alpha2',
    maxItems: 25,
    specFields: new Set(['tier', 'priority', 'subject', 'ingress', 'egress']),
    actions: new Map([
      ['Accept', 'Accept'],
      ['Deny', 'Deny'],
      ['Pass', 'Pass'],
    ]),
    actionHints: { Allow: 'v1alpha2 calls it Accept' },
    portsKey: 'protocols',
    egressPeers: EGRESS_PEERS,
  },
  AdminNetworkPolicy: {
    kind: 'AdminNetworkPolicy',
    version: 'v1alpha1',
    maxItems: 100,
    specFields: new Set(['priority', 'subject', 'ingress', 'egress']),
    actions: V1ALPHA1_ACTIONS,
    actionHints: { Accept: 'v1alpha1 calls it Allow' },
    portsKey: 'ports',
    egressPeers: EGRESS_PEERS,
    tier: 'Admin',
  },
  BaselineAdminNetworkPolicy: {
    kind: 'BaselineAdminNetworkPolicy',
    version: 'v1alpha1',
    maxItems: 100,
    specFields: new Set(['subject', 'ingress', 'egress']),
    actions: new Map([...V1ALPHA1_ACTIONS].filter(([action]) => action !== 'Pass')),
    actionHints: {
      Accept: 'v1alpha1 calls it Allow',
      Pass: 'a BaselineAdminNetworkPolicy cannot pass: it is the last tier',
    },
    portsKey: 'ports',
    egressPeers: ['namespaces', 'pods', 'networks', 'nodes'],
    tier: 'Baseline',
  },
};

const TIERS: ReadonlySet<string> = new Set<ClusterTier>(['Admin', 'Baseline']);
/** Peers that are addresses, not pods: a named port never matches them. */
const ADDRESS_PEERS: ReadonlySet<string> = new Set(['networks', 'nodes', 'domainNames']);
const RULE_NAME_MAX = 100;
const PRIORITY_MAX = 1000;

/** Reads the spec of a cluster-wide policy whose top level and metadata are already read. */
export function readClusterPolicy(
  root: YMap,
  kind: ClusterPolicyKind,
  meta: Metadata,
  issues: Issues,
): ClusterPolicyResource {
  const dialect = DIALECTS[kind];
  checkMetadata(root, kind, meta, issues);
  const specNode = valueOf(root, 'spec');
  const spec = asMap(specNode, 'spec', issues);
  // Missing fields of the spec are pointed at `spec:`, or at `kind:` when there is no spec.
  const specHead = entryOf(root, 'spec')?.keyRange ?? headRange(root);
  if (specNode === undefined) issues.error(specHead, 'missing-field', say.required('spec'));
  checkFields(spec, 'spec', dialect.specFields, issues);

  const required = (field: string): YNode | undefined => {
    const node = valueOf(spec, field);
    if (spec !== undefined && node === undefined) {
      issues.error(specHead, 'missing-field', say.required(`spec.${field}`));
    }
    return node;
  };
  const tier = dialect.tier ?? readTier(required('tier'), issues);
  // A BaselineAdminNetworkPolicy has no priority: there is only one.
  const priority = kind === 'BaselineAdminNetworkPolicy' ? 0 : readPriority(required('priority'), issues);
  const subjectNode = required('subject');
  const subjectMap = asMap(subjectNode, 'spec.subject', issues);
  const subject = subjectMap && readSubject(subjectMap, 'spec.subject', dialect, issues);
  return {
    kind,
    name: meta.name,
    tier: tier ?? 'Admin',
    priority: priority ?? 0,
    // Only without errors is the object kept; then the subject was read.
    subject: subject ?? placeholderSubject(issues, root),
    ingress: readRules(valueOf(spec, 'ingress'), 'spec.ingress', 'ingress', dialect, issues),
    egress: readRules(valueOf(spec, 'egress'), 'spec.egress', 'egress', dialect, issues),
    location: issues.at(root.range),
    nameLocation: issues.at(meta.nameRange),
  };
}

/**
 * The namespace of a cluster-scoped object is cleared by the API server (and by kubectl), without
 * a word; the note says so. A BaselineAdminNetworkPolicy must be named `default` (CEL on the
 * object: `self.metadata.name == 'default'`).
 */
function checkMetadata(root: YMap, kind: ClusterPolicyKind, meta: Metadata, issues: Issues): void {
  const metadata = valueOf(root, 'metadata');
  const namespace = metadata?.type === 'map' ? valueOf(metadata, 'namespace') : undefined;
  if (namespace !== undefined && !(namespace.type === 'scalar' && namespace.value === '')) {
    issues.info(namespace.range, 'cluster-scoped-namespace', say.clusterScopedNamespace(kind));
  }
  if (kind === 'BaselineAdminNetworkPolicy' && meta.name !== '' && meta.name !== 'default') {
    issues.error(meta.nameRange, 'invalid-name', say.baselineName(meta.name));
  }
}

function placeholderSubject(issues: Issues, root: YMap): ClusterSubject {
  return { namespaces: { matchLabels: {}, matchExpressions: [] }, location: issues.at(root.range) };
}

/** `spec.tier`: Admin or Baseline (case-sensitive enum). */
function readTier(node: YNode | undefined, issues: Issues): ClusterTier | undefined {
  const tier = asString(node, 'spec.tier', issues);
  if (tier === undefined || node === undefined) return undefined;
  if (TIERS.has(tier)) return tier as ClusterTier;
  const reason = 'is not supported: use Admin or Baseline';
  issues.error(node.range, 'invalid-tier', say.invalid('spec.tier', tier, reason));
  return undefined;
}

/** `spec.priority`: an integer from 0 to 1000 (lower first). */
function readPriority(node: YNode | undefined, issues: Issues): number | undefined {
  const priority = asInteger(node, 'spec.priority', issues);
  if (priority === undefined || node === undefined) return undefined;
  if (priority >= 0 && priority <= PRIORITY_MAX) return priority;
  const reason = `must be between 0 and ${PRIORITY_MAX}`;
  issues.error(node.range, 'invalid-priority', say.invalid('spec.priority', priority, reason));
  return undefined;
}

/** `spec.ingress` or `spec.egress`: rules in the order written (the first that matches decides). */
function readRules(
  node: YNode | undefined,
  path: string,
  direction: 'ingress' | 'egress',
  dialect: Dialect,
  issues: Issues,
): ClusterRule[] {
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  // The other version's name for the ports is reported below, with what it costs.
  const otherPortsKey = dialect.portsKey === 'protocols' ? 'ports' : 'protocols';
  const ruleFields: ReadonlySet<string> = new Set(['name', 'action', peersKey, dialect.portsKey, otherPortsKey]);
  const items = crdList(node, path, { max: dialect.maxItems }, issues) ?? [];
  return items.flatMap((item, i) => {
    const rulePath = `${path}[${i}]`;
    const rule = crdItem(item, rulePath, issues);
    if (rule === undefined) return [];
    checkFields(rule, rulePath, ruleFields, issues);
    const misnamed = entryOf(rule, otherPortsKey);
    if (misnamed) {
      const message = say.otherVersionPorts(`${rulePath}.${otherPortsKey}`, dialect.kind, dialect.portsKey);
      issues.warning(misnamed.keyRange, 'unknown-field', message);
    }
    const name = readRuleName(valueOf(rule, 'name'), `${rulePath}.name`, issues);
    const action = readAction(rule, rulePath, dialect, issues);

    const peersPath = `${rulePath}.${peersKey}`;
    const peersNode = valueOf(rule, peersKey);
    if (peersNode === undefined) issues.error(rule.range, 'missing-field', say.required(peersPath));
    const peerItems = crdList(peersNode, peersPath, { min: 1, max: dialect.maxItems }, issues) ?? [];
    const peers = peerItems.flatMap((peer, j) => {
      const peerPath = `${peersPath}[${j}]`;
      const map = crdItem(peer, peerPath, issues);
      return (map && readPeer(map, peerPath, direction, dialect, issues)) ?? [];
    });
    const portsPath = `${rulePath}.${dialect.portsKey}`;
    const ports = readClusterPorts(valueOf(rule, dialect.portsKey), portsPath, dialect, issues);
    const result = defined({ name, action: action ?? 'Deny', peers, ports, location: issues.at(item.range) });
    if (direction === 'egress') checkNamedPorts(result, portsPath, dialect, issues);
    return [result];
  });
}

function readRuleName(node: YNode | undefined, path: string, issues: Issues): string | undefined {
  const name = asString(node, path, issues);
  if (name !== undefined && node !== undefined && name.length > RULE_NAME_MAX) {
    issues.error(node.range, 'invalid-rule-name', say.tooLong(path, name.length, RULE_NAME_MAX));
  }
  return name;
}

function readAction(
  rule: YMap,
  rulePath: string,
  dialect: Dialect,
  issues: Issues,
): ClusterRuleAction | undefined {
  const path = `${rulePath}.action`;
  const node = valueOf(rule, 'action');
  const text = asString(node, path, issues);
  if (node === undefined) issues.error(rule.range, 'missing-field', say.required(path));
  if (text === undefined || node === undefined) return undefined;
  const action = dialect.actions.get(text);
  if (action !== undefined) return action;
  const hint = dialect.actionHints[text];
  const use = `use ${[...dialect.actions.keys()].join(', ')}`;
  const reason = `is not supported: ${hint ? `${hint}; ${use}` : use}`;
  issues.error(node.range, 'invalid-action', say.invalid(path, text, reason));
  return undefined;
}

/**
 * A named port in an egress rule whose peers include addresses (networks, nodes, domainNames):
 * the named port applies to pod destinations only. The experimental CRDs forbid the mix by CEL;
 * v1alpha2's standard CRD, which has named ports, does not, so there it is valid (a note). In
 * v1alpha1 `namedPort` exists only in the experimental CRD, which forbids the mix: the policy is
 * kept with a warning, as netpol-analyzer reads it.
 */
function checkNamedPorts(rule: ClusterRule, portsPath: string, dialect: Dialect, issues: Issues): void {
  const kinds = rule.peers.map((peer) => peer.kind).filter((kind) => ADDRESS_PEERS.has(kind));
  const addresses = [...new Set(kinds)];
  if (addresses.length === 0) return;
  const peers = addresses.join('/');
  rule.ports?.forEach((port, i) => {
    if (port.kind !== 'named') return;
    const path = `${portsPath}[${i}]`;
    if (dialect.version === 'v1alpha2') {
      issues.info(port.location.range, 'named-port-pods-only', say.namedPortPodsOnly(path, port.name, peers));
    } else {
      const message = say.namedPortWithAddresses(path, peers, dialect.kind);
      issues.warning(port.location.range, 'named-port-with-addresses', message);
    }
  });
}
