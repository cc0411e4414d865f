/**
 * The cross-document step: joins parsed documents, in input order, into the resources the engine
 * evaluates, and drops objects that repeat an earlier object's kind, namespace and name (kind and
 * name for cluster-scoped kinds: Namespaces and cluster-wide policies). The first
 * one wins: `kubectl create` refuses the later one; `kubectl apply` would let it overwrite the
 * first, but which file is applied last is not in the manifests, so the first one is evaluated.
 */
import type {
  ClusterPolicyResource,
  ClusterResources,
  NamespaceResource,
  ExpectationsResource,
  NetworkPolicyResource,
  WorkloadResource,
} from './types';
import type { Diagnostic, DocumentId, DocumentLayout, DocumentPlace, SourceLocation } from './source';
import type { ParsedDocument } from './document';
import { objectIdentity, objectKey, type ParsedObject } from './objects';
import { say } from './messages';

/** A parsed document, where it sits, and the last valid versions it holds back (last-valid.ts). */
export interface PlacedDocument {
  readonly place: DocumentPlace;
  readonly parsed: ParsedDocument;
  readonly held?: readonly ParsedObject[];
}

/** An object evaluated at its last valid version, because its document has errors now. */
export interface HeldBack {
  readonly kind: string;
  /** `namespace/name`, or `name` for a Namespace or a cluster-wide policy. */
  readonly name: string;
  /** The first error of the document that holds it back (located in this revision). */
  readonly error: Diagnostic;
}

export interface ModelResult {
  readonly resources: ClusterResources;
  /** ConnectivityExpectations: checked against the resources, not part of them. */
  readonly expectations: readonly ExpectationsResource[];
  /** Located in `documents`. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Where each document of the input sits: what places locations in their files. A document
   * whose objects are held back at their last valid version sits where the document holding
   * them is now (its lines, as they were, relative to that document's first line).
   */
  readonly documents: DocumentLayout;
  readonly heldBack: readonly HeldBack[];
  /** The inputs refused whole (too large, not text): each is one document with one error. */
  readonly refused: readonly string[];
}

/** Joins parsed documents, in input order; resources and diagnostics keep their objects. */
export function combine(documents: readonly PlacedDocument[]): ModelResult {
  const namespaces: NamespaceResource[] = [];
  const workloads: WorkloadResource[] = [];
  const policies: NetworkPolicyResource[] = [];
  const clusterPolicies: ClusterPolicyResource[] = [];
  const expectations: ExpectationsResource[] = [];
  const diagnostics: Diagnostic[] = [];
  const layout: DocumentPlace[] = [];
  const held: HeldBack[] = [];
  const firstSeen = new Map<string, { readonly location: SourceLocation; readonly place: DocumentPlace }>();
  const placeOf = new Map<DocumentId, DocumentPlace>();

  /** Takes an object into the resources; an earlier object with its identity wins. */
  const take = (object: ParsedObject): void => {
    const key = objectKey(object);
    const first = firstSeen.get(key);
    if (first !== undefined) {
      const { kind, name } = objectIdentity(object);
      const line = first.place.startLine + first.location.range.startLine - 1;
      diagnostics.push({
        severity: 'error',
        code: 'duplicate-object',
        message: say.duplicate(kind, name, line, first.place.file),
        location: object.nameLocation,
      });
      return;
    }
    firstSeen.set(key, { location: object.nameLocation, place: placeOf.get(object.nameLocation.document)! });
    if (object.type === 'Namespace') namespaces.push(object.resource);
    else if (object.type === 'Workload') workloads.push(object.resource);
    else if (object.type === 'ClusterPolicy') clusterPolicies.push(object.resource);
    else if (object.type === 'Expectations') expectations.push(object.resource);
    else policies.push(object.resource);
  };

  for (const { place, parsed } of documents) {
    layout.push(place);
    placeOf.set(place.document, place);
    diagnostics.push(...parsed.diagnostics);
    parsed.objects.forEach(take);
  }
  // Last valid versions stand in only for objects no document gives now; the documents they
  // came from sit where the document holding them is now.
  for (const { place, parsed, held: kept = [] } of documents) {
    for (const object of kept) {
      if (firstSeen.has(objectKey(object))) continue;
      const origin = object.nameLocation.document;
      if (!placeOf.has(origin)) {
        const ghost = { ...place, document: origin };
        layout.splice(layout.indexOf(place) + 1, 0, ghost);
        placeOf.set(origin, ghost);
      }
      take(object);
      held.push({ ...objectIdentity(object), error: parsed.diagnostics.find((d) => d.severity === 'error')! });
    }
  }
  return {
    resources: { namespaces, workloads, policies, clusterPolicies },
    expectations,
    diagnostics,
    documents: layout,
    heldBack: held,
    refused: [],
  };
}
