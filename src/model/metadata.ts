/**
 * ObjectMeta: name, namespace, labels, annotations and ownerReferences, validated as the API
 * server does (apimachinery's ValidateObjectMetaAccessor); plus the field list shared by every
 * top-level object and pod template. Its other fields (generateName, finalizers, and what the
 * server sets: uid, resourceVersion, managedFields, …) are only checked for being known.
 */
import { CLUSTER_POLICY_KINDS, type Labels, type OwnerRef } from './types';
import type { SourceRange } from './source';
import type { YEntry, YMap, YNode } from './tree';
import type { Issues } from './issues';
import {
  asBoolean,
  asItemMap,
  asList,
  asMap,
  asString,
  checkFields,
  entryOf,
  headRange,
  isNull,
  valueOf,
} from './reader';
import { dnsLabelProblem, dnsSubdomainProblem, labelKeyProblem } from './names';
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
  /** A namespaced object without `metadata.namespace`: it lands in `default` (kubectl's default context). */
  readonly namespaceDefaulted?: true;
  readonly labels: Labels;
  /** A Pod's controlling owner (ownerReferences are validated on every kind; only a Pod's are read). */
  readonly owner?: OwnerRef;
}

/** Kinds without a namespace: the API server clears a `metadata.namespace` written on them. */
const CLUSTER_SCOPED: ReadonlySet<string> = new Set(['Namespace', ...CLUSTER_POLICY_KINDS, 'ConnectivityExpectations']);

/**
 * Reads `metadata` of a top-level object of `kind`. Namespaces are named like DNS labels, every
 * other kind (custom resources too: NameIsDNSSubdomain) like DNS subdomains; namespaced objects
 * without a namespace are in `default`; the namespace of a cluster-scoped one is not read.
 */
export function readMetadata(root: YMap, kind: string, issues: Issues): Metadata {
  const scope = CLUSTER_SCOPED.has(kind) ? 'cluster' : 'namespaced';
  const map = asMap(valueOf(root, 'metadata'), 'metadata', issues);
  checkFields(map, 'metadata', OBJECT_META_FIELDS, issues);

  const nameNode = valueOf(map, 'name');
  const name = asString(nameNode, 'metadata.name', issues);
  if (nameNode === undefined || name === '') {
    const range = nameNode?.range ?? entryOf(root, 'metadata')?.keyRange ?? headRange(root);
    issues.error(range, 'missing-name', say.missingName(valueOf(map, 'generateName') !== undefined));
  } else if (name !== undefined) {
    const problem = kind === 'Namespace' ? dnsLabelProblem(name) : dnsSubdomainProblem(name);
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

  const labels = readLabels(valueOf(map, 'labels'), 'metadata.labels', issues);
  checkAnnotations(entryOf(map, 'annotations'), 'metadata.annotations', kind, issues);
  const ownerReferences = valueOf(map, 'ownerReferences');
  const owner = readOwnerReferences(ownerReferences, 'metadata.ownerReferences', kind, issues);
  return {
    name: name ?? '',
    nameRange: nameNode?.range ?? headRange(root),
    namespace: namespace || 'default',
    ...(scope === 'namespaced' && namespace === '' && { namespaceDefaulted: true as const }),
    labels,
    ...(owner && { owner }),
  };
}

/**
 * The labels of a pod template's (or job template's) `metadata`, whose annotations are checked
 * too (ValidateTemplateObjectMeta checks only these two). `kind` is the controller's.
 */
export function readTemplateLabels(
  node: YNode | undefined,
  path: string,
  kind: string,
  issues: Issues,
): Labels {
  const map = asMap(node, path, issues);
  checkFields(map, path, OBJECT_META_FIELDS, issues);
  checkAnnotations(entryOf(map, 'annotations'), `${path}.annotations`, kind, issues);
  return readLabels(valueOf(map, 'labels'), `${path}.labels`, issues);
}

/** TotalAnnotationSizeLimitB: keys and values together, in bytes. */
const ANNOTATIONS_LIMIT = 256 * 1024;

/**
 * Annotations as ValidateAnnotations checks them: a map of strings whose keys are qualified names
 * (in any case), at most 256 KiB in all. Nothing here reads them, so each problem is a warning
 * and the object is kept.
 */
function checkAnnotations(entry: YEntry | undefined, path: string, kind: string, issues: Issues): void {
  const node = entry?.value;
  if (entry === undefined || node === undefined || isNull(node)) return;
  const warn = (range: SourceRange, problem: string): void =>
    issues.warning(range, 'invalid-annotation', say.rejected(problem, kind, 'annotations play no part'));
  if (node.type !== 'map') {
    warn(node.range, say.expected(path, 'a mapping', node));
    return;
  }
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const { key, keyRange, value } of node.entries) {
    const keyProblem = labelKeyProblem(key.toLowerCase());
    if (keyProblem) warn(keyRange, say.annotationKey(path, key, keyProblem));
    // JSON null decodes to "" in a map of strings, as for labels.
    const text = isNull(value)
      ? ''
      : value.type === 'scalar' && typeof value.value === 'string'
        ? value.value
        : undefined;
    if (text === undefined) warn(value.range, say.expected(`${path}.${key}`, 'a string', value));
    bytes += encoder.encode(key).length + encoder.encode(text ?? '').length;
  }
  if (bytes > ANNOTATIONS_LIMIT)
    warn(entry.keyRange, say.annotationsTooLarge(path, bytes, ANNOTATIONS_LIMIT));
}

/*
 * ownerReferences, validated as ValidateOwnerReferences (apimachinery api/validation/objectmeta.go)
 * on every kind: each reference needs an apiVersion with a version, a kind, a name and a uid, may
 * not point at a v1 Event, and at most one may have `controller: true`. Only a Pod's controlling
 * owner is read (the engine groups pods into workloads by it).
 *
 * Two controllers and wrong types are errors: the object is left out, as for any field that is
 * read. A missing field or an Event owner is a warning and the object is kept: exported and
 * sanitised manifests (the netpol-analyzer corpus among them) drop uid, apiVersion and kind, and a
 * reference without kind is read as a Pod, as that analyser does.
 */
const OWNER_REFERENCE_FIELDS: ReadonlySet<string> = new Set([
  'apiVersion',
  'kind',
  'name',
  'uid',
  'controller',
  'blockOwnerDeletion',
]);

/**
 * Validates the references and returns the controlling owner: the reference with
 * `controller: true` whose kind is not Node (static pods are "owned" by their node, which is no
 * workload). `kind` is the kind of the object that holds them, for messages.
 */
function readOwnerReferences(
  node: YNode | undefined,
  path: string,
  kind: string,
  issues: Issues,
): OwnerRef | undefined {
  let owner: OwnerRef | undefined;
  let controllers = 0;
  for (const [i, item] of (asList(node, path, issues) ?? []).entries()) {
    const refPath = `${path}[${i}]`;
    const ref = asItemMap(item, refPath, issues);
    checkFields(ref, refPath, OWNER_REFERENCE_FIELDS, issues);
    const apiVersion = asString(valueOf(ref, 'apiVersion'), `${refPath}.apiVersion`, issues);
    let refKind = asString(valueOf(ref, 'kind'), `${refPath}.kind`, issues);
    const name = asString(valueOf(ref, 'name'), `${refPath}.name`, issues);
    const uid = asString(valueOf(ref, 'uid'), `${refPath}.uid`, issues);
    const controller = asBoolean(valueOf(ref, 'controller'), `${refPath}.controller`, issues) === true;
    asBoolean(valueOf(ref, 'blockOwnerDeletion'), `${refPath}.blockOwnerDeletion`, issues);
    if (ref === undefined) continue;
    // Only a Pod's controller is read: say how a missing kind or name changes what it is read as.
    const readsOwner = kind === 'Pod' && controller && controllers === 0;
    const missing = (field: 'kind' | 'name' | 'uid', reading?: string): void =>
      warnMissing(ref, field, say.ownerFieldMissing(`${refPath}.${field}`, kind, reading), issues);

    checkApiVersion(ref, refPath, apiVersion, refKind, kind, issues);
    if (valueOf(ref, 'kind') === undefined || refKind === '') {
      missing('kind', readsOwner ? 'with its owner taken to be a Pod' : undefined);
      refKind = 'Pod';
    }
    if (valueOf(ref, 'name') === undefined || name === '') {
      missing('name', readsOwner && refKind !== 'Node' ? 'as a pod without an owner' : undefined);
    }
    if (valueOf(ref, 'uid') === undefined || uid === '') missing('uid');

    if (!controller) continue;
    if (++controllers > 1) {
      issues.error(ref.range, 'invalid-owner', say.manyControllers(path));
    }
    if (readsOwner && refKind !== 'Node' && refKind !== undefined && name) owner = { kind: refKind, name };
  }
  return owner;
}

/** ValidateOwnerReferences wants a version (`v1`, `apps/v1`; not ``, `apps/`, `a/b/c`) and no Event. */
function checkApiVersion(
  ref: YMap,
  refPath: string,
  apiVersion: string | undefined,
  refKind: string | undefined,
  kind: string,
  issues: Issues,
): void {
  const node = valueOf(ref, 'apiVersion');
  const path = `${refPath}.apiVersion`;
  if (node === undefined || apiVersion === '') {
    warnMissing(ref, 'apiVersion', say.ownerFieldMissing(path, kind), issues);
  } else if (apiVersion !== undefined && versionOf(apiVersion) === '') {
    issues.warning(node.range, 'owner-without-api-version', say.ownerWithoutVersion(path, apiVersion, kind));
  } else if (apiVersion === 'v1' && refKind === 'Event') {
    // BannedOwners: the one group/version/kind that may not own anything.
    issues.warning(ref.range, 'forbidden-owner', say.eventOwner(refPath, kind));
  }
}

/** The version part, as schema.ParseGroupVersion reads it; `` when it has none or does not parse. */
function versionOf(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return apiVersion;
  return parts.length === 2 ? (parts[1] ?? '') : '';
}

const MISSING_CODES = {
  apiVersion: 'owner-without-api-version',
  kind: 'owner-without-kind',
  name: 'owner-without-name',
  uid: 'owner-without-uid',
} as const;

/** Points at the empty value when there is one, else at the reference. */
function warnMissing(ref: YMap, field: keyof typeof MISSING_CODES, message: string, issues: Issues): void {
  issues.warning(valueOf(ref, field)?.range ?? ref.range, MISSING_CODES[field], message);
}
