/**
 * What every plan reads of the text once: the model's resources, the engine's analysis of them
 * (which policies select what, and what is allowed), the objects of the stream as the `yaml`
 * package parses them for editing, and the text's style. Plans are computed from this and the
 * gesture only: pure, so the store, a worker or a test can call them alike.
 */
import { Analyzer } from '../engine';
import type { Analysis } from '../engine/types';
import { parseManifests } from '../model';
import type { ClusterResources } from '../model/types';
import type { TextChange } from '../model/text-changes';
import {
  documentObjects,
  editableDocuments,
  type EditableDocument,
  type StreamObject,
} from '../model/write/stream-objects';
import { styleOf, type TextStyle } from '../model/write/value-text';
import type { EditPlan } from './types';

export interface PlanContext {
  readonly text: string;
  readonly resources: ClusterResources;
  readonly analysis: Analysis;
  /** Answers questions about `analysis` (`explain`). */
  readonly analyzer: Analyzer;
  /** The readable documents of the stream, parsed for editing, and their objects. */
  readonly documents: readonly EditableDocument[];
  readonly objects: readonly StreamObject[];
  readonly style: TextStyle;
  /** Error messages of the text as it is: a plan's result is checked for new ones. */
  readonly errors: readonly string[];
}

export function planContext(text: string): PlanContext {
  const { resources, diagnostics } = parseManifests([{ file: 'plan.yaml', text }]);
  const analyzer = new Analyzer();
  const analysis = analyzer.update(resources);
  let documents: readonly EditableDocument[] | undefined;
  let objects: readonly StreamObject[] | undefined;
  return {
    text,
    resources,
    analysis,
    analyzer,
    // Parsed for editing only when a plan edits in place, picks a name or appends.
    get documents() {
      return (documents ??= editableDocuments(text));
    },
    get objects() {
      return (objects ??= documentObjects(this.documents));
    },
    style: styleOf(text),
    errors: diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
  };
}

/** Kinds whose objects live in a namespace (`default` when none is written), as the model reads them. */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);

/** The namespace an object of the stream is evaluated in (none for cluster-scoped kinds). */
export function namespaceOf(object: StreamObject): string | undefined {
  return object.kind !== undefined && CLUSTER_SCOPED.has(object.kind) ? undefined : (object.namespace ?? 'default');
}

/** The stream object of one resource, by kind, namespace and name. */
export function findObject(context: PlanContext, kind: string, namespace: string | undefined, name: string) {
  return context.objects.find((o) => o.kind === kind && o.name === name && namespaceOf(o) === namespace);
}

/** The names of a kind's objects in a namespace, all that the text writes (valid or not): taken for new ones. */
export function takenNames(context: PlanContext, kind: string, namespace: string | undefined): Set<string> {
  const named = context.objects.filter((o) => o.kind === kind && namespaceOf(o) === namespace && o.name);
  return new Set(named.map((o) => o.name!));
}

/**
 * Changes computed against one text, in the order `applyChanges` needs: from the end backwards, so
 * no change moves another; insertions at one offset joined in the order given.
 */
export function ordered(changes: readonly TextChange[]): TextChange[] {
  const sorted = changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => b.change.offset - a.change.offset || a.i - b.i);
  const out: TextChange[] = [];
  for (const { change } of sorted) {
    const previous = out.at(-1);
    if (previous && previous.offset === change.offset && previous.length === 0 && change.length === 0) {
      out[out.length - 1] = { offset: change.offset, length: 0, text: previous.text + change.text };
    } else {
      if (previous && change.offset + change.length > previous.offset) throw new Error('overlapping changes');
      out.push(change);
    }
  }
  return out;
}

export function editPlan(changes: readonly TextChange[], summary: string, warnings: readonly string[] = []): EditPlan {
  return { changes: ordered(changes), summary, warnings };
}
