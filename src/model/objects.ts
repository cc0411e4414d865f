/**
 * One Kubernetes object (or list of them) from a parsed tree: decides by kind and apiVersion,
 * reads it, and keeps it only if the API server would accept it. Every error of a rejected
 * object says so, in the same words.
 */
import {
  CLUSTER_POLICY_KINDS,
  type ClusterPolicyKind,
  type ClusterPolicyResource,
  type NamespaceResource,
  type ExpectationsResource,
  type NetworkPolicyResource,
  type WorkloadResource,
} from './types';
import type { Diagnostic, DocumentId, SourceLocation } from './source';
import type { YMap, YNode } from './tree';
import { Issues } from './issues';
import { asString, checkFields, headRange, valueOf } from './reader';
import { decideKind, type SupportedKind } from './kinds';
import { isListKind, readList, type ItemDefaults } from './lists';
import { readMetadata } from './metadata';
import { readNamespace } from './namespace';
import { readNetworkPolicy } from './networkpolicy';
import { readClusterPolicy } from './clusterpolicy';
import { readExpectations } from './expectations';
import { readWorkload } from './workloads';
import { leftOut, say } from './messages';

/** An accepted object, before cross-document checks; `nameLocation` points at metadata.name. */
export type ParsedObject =
  | {
      readonly type: 'Namespace';
      readonly resource: NamespaceResource;
      readonly nameLocation: SourceLocation;
    }
  | { readonly type: 'Workload'; readonly resource: WorkloadResource; readonly nameLocation: SourceLocation }
  | {
      readonly type: 'NetworkPolicy';
      readonly resource: NetworkPolicyResource;
      readonly nameLocation: SourceLocation;
    }
  | {
      readonly type: 'ClusterPolicy';
      readonly resource: ClusterPolicyResource;
      readonly nameLocation: SourceLocation;
    }
  | { readonly type: 'Expectations'; readonly resource: ExpectationsResource; readonly nameLocation: SourceLocation };

/**
 * Kind and `namespace/name` (just `name` for the cluster-scoped Namespace and cluster-wide
 * policies), what the API server keys objects by.
 */
export function objectIdentity(object: ParsedObject): { readonly kind: string; readonly name: string } {
  if (object.type === 'Namespace') return { kind: 'Namespace', name: object.resource.name };
  if (object.type === 'ClusterPolicy') return { kind: object.resource.kind, name: object.resource.name };
  if (object.type === 'Expectations') return { kind: 'ConnectivityExpectations', name: object.resource.name };
  const kind = object.type === 'Workload' ? object.resource.kind : 'NetworkPolicy';
  return { kind, name: `${object.resource.namespace}/${object.resource.name}` };
}

/** One string per identity: two objects with the same key are one object to the API server. */
export function objectKey(object: ParsedObject): string {
  const { kind, name } = objectIdentity(object);
  return `${kind} ${name}`;
}

export interface ObjectSink {
  /** The document being read: every location points into it. */
  readonly document: DocumentId;
  readonly objects: ParsedObject[];
  readonly diagnostics: Diagnostic[];
}

const TOP_FIELDS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
// networking.k8s.io/v1 NetworkPolicy has had no status since Kubernetes 1.28.
const POLICY_TOP_FIELDS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'metadata', 'spec']);

/** Reads `node` (an object, or a list of them) into `sink`. */
export function readObjects(node: YNode, defaults: ItemDefaults, sink: ObjectSink): void {
  const issues = new Issues(sink.document);
  if (node.type !== 'map') {
    issues.error(node.range, 'not-an-object', say.notAnObject(node));
    sink.diagnostics.push(...issues.collect(leftOut.object('object')));
    return;
  }
  const kindNode = valueOf(node, 'kind');
  const kind = kindNode === undefined ? defaults.kind : asString(kindNode, 'kind', issues);
  const apiVersionNode = valueOf(node, 'apiVersion');
  const apiVersion =
    apiVersionNode === undefined ? defaults.apiVersion : asString(apiVersionNode, 'apiVersion', issues);
  if (kind === undefined || kind === '') {
    if (!issues.hasErrors)
      issues.error(kindNode?.range ?? headRange(node), 'missing-kind', say.required('kind'));
    sink.diagnostics.push(...issues.collect(leftOut.object('object')));
    return;
  }
  if (isListKind(kind, node)) {
    const list = readList(node, kind, apiVersion, issues);
    sink.diagnostics.push(...issues.collect(leftOut.object(kind)));
    for (const item of list.items) readObjects(item, list.defaults, sink);
    return;
  }
  const decision = decideKind(kind, apiVersion);
  const at = kindNode?.range ?? headRange(node);
  if (decision.action === 'ignore') {
    issues.info(at, 'ignored-kind', decision.message);
  } else if (decision.action === 'reject') {
    issues.error(apiVersionNode?.range ?? at, decision.code, decision.message);
  } else {
    const object = readSupported(node, decision.kind, issues);
    if (!issues.hasErrors) sink.objects.push(object);
  }
  const expectations = decision.action === 'read' && decision.kind === 'ConnectivityExpectations';
  sink.diagnostics.push(...issues.collect(expectations ? leftOut.expectations : leftOut.object(kind)));
}

function readSupported(root: YMap, kind: SupportedKind, issues: Issues): ParsedObject {
  checkFields(root, '', kind === 'NetworkPolicy' ? POLICY_TOP_FIELDS : TOP_FIELDS, issues);
  const meta = readMetadata(root, kind, issues);
  const nameLocation = issues.at(meta.nameRange);
  if (kind === 'Namespace')
    return { type: 'Namespace', resource: readNamespace(root, meta, issues), nameLocation };
  if (kind === 'NetworkPolicy') {
    return { type: 'NetworkPolicy', resource: readNetworkPolicy(root, meta, issues), nameLocation };
  }
  if (kind === 'ConnectivityExpectations') {
    return { type: 'Expectations', resource: readExpectations(root, meta, issues), nameLocation };
  }
  if (isClusterPolicyKind(kind)) {
    return { type: 'ClusterPolicy', resource: readClusterPolicy(root, kind, meta, issues), nameLocation };
  }
  return { type: 'Workload', resource: readWorkload(root, kind, meta, issues), nameLocation };
}

function isClusterPolicyKind(kind: SupportedKind): kind is ClusterPolicyKind {
  return (CLUSTER_POLICY_KINDS as readonly string[]).includes(kind);
}
