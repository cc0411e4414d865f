/**
 * ObjectMeta: name, namespace and labels, validated as the API server does; plus the field list
 * shared by every top-level object and pod template.
 */
import type { Labels } from './types';
import type { SourceRange } from './source';
import type { YMap, YNode } from './tree';
import type { Issues } from './issues';
import { asMap, asString, checkFields, entryOf, headRange, valueOf } from './reader';
import { dnsLabelProblem, dnsSubdomainProblem } from './names';
import { readLabels } from './selector';
import { say } from './messages';

const OBJECT_META_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
]);

export interface Metadata {
  readonly name: string;
  /** The name's value, or the `kind: …` line when the name is missing. */
  readonly nameRange: SourceRange;
  /** `default` when unset; unused for cluster-scoped kinds. */
  readonly namespace: string;
  readonly labels: Labels;
  /** The `metadata` mapping itself, for kind-specific fields (ownerReferences). */
  readonly map: YMap | undefined;
}

/**
 * Reads `metadata` of a top-level object. Namespaces are named like DNS labels, every other kind
 * like DNS subdomains; objects without a namespace are in `default`.
 */
export function readMetadata(root: YMap, scope: 'namespaced' | 'cluster', issues: Issues): Metadata {
  const map = asMap(valueOf(root, 'metadata'), 'metadata', issues);
  checkFields(map, 'metadata', OBJECT_META_FIELDS, issues);

  const nameNode = valueOf(map, 'name');
  const name = asString(nameNode, 'metadata.name', issues);
  if (nameNode === undefined || name === '') {
    const range = nameNode?.range ?? entryOf(root, 'metadata')?.keyRange ?? headRange(root);
    issues.error(range, 'missing-name', say.missingName(valueOf(map, 'generateName') !== undefined));
  } else if (name !== undefined) {
    const problem = scope === 'cluster' ? dnsLabelProblem(name) : dnsSubdomainProblem(name);
    if (problem) issues.error(nameNode.range, 'invalid-name', say.invalid('metadata.name', name, problem));
  }

  const namespaceNode = valueOf(map, 'namespace');
  const namespace =
    scope === 'namespaced' ? (asString(namespaceNode, 'metadata.namespace', issues) ?? '') : '';
  const namespaceProblem = namespace === '' ? undefined : dnsLabelProblem(namespace);
  if (namespaceProblem) {
    issues.error(
      namespaceNode?.range ?? headRange(root),
      'invalid-namespace',
      say.invalid('metadata.namespace', namespace, namespaceProblem),
    );
  }

  return {
    name: name ?? '',
    nameRange: nameNode?.range ?? headRange(root),
    namespace: namespace || 'default',
    labels: readLabels(valueOf(map, 'labels'), 'metadata.labels', issues),
    map,
  };
}

/** The labels of a pod template's (or job template's) `metadata`. */
export function readTemplateLabels(node: YNode | undefined, path: string, issues: Issues): Labels {
  const map = asMap(node, path, issues);
  checkFields(map, path, OBJECT_META_FIELDS, issues);
  return readLabels(valueOf(map, 'labels'), `${path}.labels`, issues);
}
