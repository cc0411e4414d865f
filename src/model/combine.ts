/**
 * The cross-document step: places each parsed document in its file and drops objects that
 * repeat an earlier object's kind, namespace and name. The first one wins: `kubectl create`
 * refuses the later one; `kubectl apply` would let it overwrite the first, but which file is
 * applied last is not in the manifests, so the first one is what is evaluated.
 */
import type { ClusterResources, NamespaceResource, NetworkPolicyResource, WorkloadResource } from './types';
import type { Diagnostic, SourceLocation } from './source';
import type { ParsedDocument } from './document';
import type { ParsedObject } from './objects';
import { placeDiagnostic, placeObject, placer } from './place';
import { say } from './messages';

/** A parsed document and where it sits: its input's `file` and its 1-based first line there. */
export interface PlacedDocument {
  readonly file: string;
  readonly startLine: number;
  readonly parsed: ParsedDocument;
}

export interface ModelResult {
  readonly resources: ClusterResources;
  readonly diagnostics: readonly Diagnostic[];
}

interface Placed {
  readonly file: string;
  readonly startLine: number;
  readonly objects: readonly ParsedObject[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Each document's objects and diagnostics placed in its file, remembered per parsed document: a
 * document that neither changed nor moved gives the same objects again, so the engine can tell
 * by identity what an edit left alone.
 */
export class Placements {
  private readonly placed = new WeakMap<ParsedDocument, Placed>();

  of({ file, startLine, parsed }: PlacedDocument): Placed {
    const known = this.placed.get(parsed);
    if (known && known.file === file && known.startLine === startLine) return known;
    const place = placer(file, startLine);
    const placed = {
      file,
      startLine,
      objects: parsed.objects.map((o) => placeObject(o, place)),
      diagnostics: parsed.diagnostics.map((d) => placeDiagnostic(d, place)),
    };
    this.placed.set(parsed, placed);
    return placed;
  }
}

/**
 * Joins parsed documents, in stream order, into the resources the engine evaluates. Pass the
 * same `placements` for successive revisions of a text to keep unchanged objects' identity.
 */
export function combine(documents: readonly PlacedDocument[], placements = new Placements()): ModelResult {
  const namespaces: NamespaceResource[] = [];
  const workloads: WorkloadResource[] = [];
  const policies: NetworkPolicyResource[] = [];
  const diagnostics: Diagnostic[] = [];
  const firstSeen = new Map<string, SourceLocation>();

  for (const document of documents) {
    const placed = placements.of(document);
    diagnostics.push(...placed.diagnostics);
    for (const object of placed.objects) {
      const { kind, id } = identity(object);
      const first = firstSeen.get(`${kind} ${id}`);
      if (first !== undefined) {
        diagnostics.push({
          severity: 'error',
          code: 'duplicate-object',
          message: say.duplicate(kind, id, first.range.startLine, first.file),
          location: object.nameLocation,
        });
        continue;
      }
      firstSeen.set(`${kind} ${id}`, object.nameLocation);
      if (object.type === 'Namespace') namespaces.push(object.resource);
      else if (object.type === 'Workload') workloads.push(object.resource);
      else policies.push(object.resource);
    }
  }
  return { resources: { namespaces, workloads, policies }, diagnostics };
}

/** Kind and `namespace/name` (just `name` for a Namespace), what the API server keys objects by. */
function identity(object: ParsedObject): { kind: string; id: string } {
  if (object.type === 'Namespace') return { kind: 'Namespace', id: object.resource.name };
  const kind = object.type === 'Workload' ? object.resource.kind : 'NetworkPolicy';
  return { kind, id: `${object.resource.namespace}/${object.resource.name}` };
}
