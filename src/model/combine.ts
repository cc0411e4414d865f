/**
 * The cross-document step: joins parsed documents, in input order, into the resources the engine
 * evaluates, and drops objects that repeat an earlier object's kind, namespace and name. The first
 * one wins: `kubectl create` refuses the later one; `kubectl apply` would let it overwrite the
 * first, but which file is applied last is not in the manifests, so the first one is evaluated.
 */
import type { ClusterResources, NamespaceResource, NetworkPolicyResource, WorkloadResource } from './types';
import type { Diagnostic, DocumentLayout, DocumentPlace, SourceLocation } from './source';
import type { ParsedDocument } from './document';
import type { ParsedObject } from './objects';
import { say } from './messages';

/** A parsed document and where it sits. */
export interface PlacedDocument {
  readonly place: DocumentPlace;
  readonly parsed: ParsedDocument;
}

export interface ModelResult {
  readonly resources: ClusterResources;
  /** Located in `documents`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Where each document of the input sits: what places locations in their files. */
  readonly documents: DocumentLayout;
}

/** Joins parsed documents, in input order; resources and diagnostics keep their objects. */
export function combine(documents: readonly PlacedDocument[]): ModelResult {
  const namespaces: NamespaceResource[] = [];
  const workloads: WorkloadResource[] = [];
  const policies: NetworkPolicyResource[] = [];
  const diagnostics: Diagnostic[] = [];
  const firstSeen = new Map<string, { readonly location: SourceLocation; readonly place: DocumentPlace }>();

  for (const { place, parsed } of documents) {
    diagnostics.push(...parsed.diagnostics);
    for (const object of parsed.objects) {
      const { kind, id } = identity(object);
      const first = firstSeen.get(`${kind} ${id}`);
      if (first !== undefined) {
        const line = first.place.startLine + first.location.range.startLine - 1;
        diagnostics.push({
          severity: 'error',
          code: 'duplicate-object',
          message: say.duplicate(kind, id, line, first.place.file),
          location: object.nameLocation,
        });
        continue;
      }
      firstSeen.set(`${kind} ${id}`, { location: object.nameLocation, place });
      if (object.type === 'Namespace') namespaces.push(object.resource);
      else if (object.type === 'Workload') workloads.push(object.resource);
      else policies.push(object.resource);
    }
  }
  return { resources: { namespaces, workloads, policies }, diagnostics, documents: documents.map((d) => d.place) };
}

/** Kind and `namespace/name` (just `name` for a Namespace), what the API server keys objects by. */
function identity(object: ParsedObject): { kind: string; id: string } {
  if (object.type === 'Namespace') return { kind: 'Namespace', id: object.resource.name };
  const kind = object.type === 'Workload' ? object.resource.kind : 'NetworkPolicy';
  return { kind, id: `${object.resource.namespace}/${object.resource.name}` };
}
