/**
 * networking.k8s.io/v1 NetworkPolicy: the spec as written (absent vs empty kept), validated as
 * the API server's ValidateNetworkPolicySpec.
 */
import type { NetworkPolicyResource, PolicyType } from './types';
import type { YMap, YNode } from './tree';
import type { Issues } from './issues';
import type { Metadata } from './metadata';
import { asList, asMap, asString, checkFields, defined, valueOf } from './reader';
import { readSelector } from './selector';
import { readRules } from './rules';
import { say } from './messages';

const SPEC_FIELDS: ReadonlySet<string> = new Set(['podSelector', 'policyTypes', 'ingress', 'egress']);
const POLICY_TYPES: ReadonlySet<string> = new Set<PolicyType>(['Ingress', 'Egress']);

/** Reads the spec of a NetworkPolicy whose top level and metadata are already read. */
export function readNetworkPolicy(root: YMap, meta: Metadata, issues: Issues): NetworkPolicyResource {
  const spec = asMap(valueOf(root, 'spec'), 'spec', issues);
  checkFields(spec, 'spec', SPEC_FIELDS, issues);
  return defined({
    namespace: meta.namespace,
    namespaceDefaulted: meta.namespaceDefaulted,
    name: meta.name,
    // podSelector is a struct, not a pointer: absent or null decodes to {}, which selects all pods.
    podSelector: readSelector(valueOf(spec, 'podSelector'), 'spec.podSelector', issues) ?? {
      matchLabels: {},
      matchExpressions: [],
    },
    policyTypes: readPolicyTypes(valueOf(spec, 'policyTypes'), 'spec.policyTypes', issues),
    ingress: readRules(valueOf(spec, 'ingress'), 'spec.ingress', 'from', issues),
    egress: readRules(valueOf(spec, 'egress'), 'spec.egress', 'to', issues),
    location: issues.at(root.range),
    nameLocation: issues.at(meta.nameRange),
  });
}

function readPolicyTypes(node: YNode | undefined, path: string, issues: Issues): PolicyType[] | undefined {
  const items = asList(node, path, issues);
  if (items === undefined || node === undefined) return undefined;
  if (items.length > 2) {
    issues.error(node.range, 'invalid-policy-type', say.tooManyPolicyTypes(path));
  }
  return items.flatMap((item, i) => {
    const itemPath = `${path}[${i}]`;
    const type = asString(item, itemPath, issues);
    if (type === undefined) return [];
    if (POLICY_TYPES.has(type)) return [type as PolicyType];
    issues.error(
      item.range,
      'invalid-policy-type',
      say.invalid(itemPath, type, 'is not supported: use Ingress or Egress'),
    );
    return [];
  });
}
