/**
 * Adding, relabelling and deleting objects: namespaces, workloads (a Pod or a Deployment) and
 * policies. New objects are appended as documents; deletions remove whole documents (with their
 * `---`) or List items; label edits touch the labels only (labels.ts).
 */
import type { Labels, Protocol } from '../model/types';
import { applyChanges, type TextChange } from '../model/text-changes';
import { removeObject } from '../model/write/node-edits';
import type { PlainValue } from '../model/write/value-text';
import type { StreamObject } from '../model/write/stream-objects';
import { editPlan, namespaceOf, ordered, planContext, takenNames, type PlanContext } from './context';
import { appendDocuments } from './documents';
import { setLabels } from './labels';
import { plansSay } from './messages';
import { uniqueName } from './names';
import type { EditPlan, WorkloadParty } from './types';
import { parseManifests } from '../model';

/** A container port of a new workload. */
export interface NewPort {
  readonly port: number;
  readonly name?: string;
  readonly protocol?: Protocol;
}

/** What the add-workload form asks. */
export interface NewWorkload {
  readonly namespace: string;
  readonly kind: 'Pod' | 'Deployment';
  readonly name: string;
  readonly labels: Labels;
  readonly ports: readonly NewPort[];
}

/** An image that runs anywhere and does nothing: the sketch is about the network. */
export const PLACEHOLDER_IMAGE = 'registry.k8s.io/pause:3.10';

export function planAddNamespace(text: string, name: string, labels: Labels): EditPlan {
  const context = planContext(text);
  const unique = uniqueName(name, takenNames(context, 'Namespace', undefined));
  const metadata: PlainValue = Object.keys(labels).length > 0 ? { name: unique, labels: { ...labels } } : { name: unique };
  const value = { apiVersion: 'v1', kind: 'Namespace', metadata };
  return editPlan(appendDocuments(context, [value]), plansSay.addNamespace(unique));
}

export function planAddWorkload(text: string, workload: NewWorkload): EditPlan {
  const context = planContext(text);
  const { namespace, kind } = workload;
  const name = uniqueName(workload.name, takenNames(context, kind, namespace));
  // A Deployment's selector must not be empty: the app label names it when the form gave none.
  const labels: Labels = Object.keys(workload.labels).length > 0 || kind === 'Pod' ? { ...workload.labels } : { app: name };
  const ports = workload.ports.map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    containerPort: p.port,
    ...(p.protocol && p.protocol !== 'TCP' ? { protocol: p.protocol } : {}),
  }));
  const container = { name, image: PLACEHOLDER_IMAGE, ...(ports.length > 0 ? { ports } : {}) };
  const metadata: PlainValue = { name, namespace, ...(Object.keys(labels).length > 0 ? { labels } : {}) };
  const value: PlainValue =
    kind === 'Pod'
      ? { apiVersion: 'v1', kind, metadata, spec: { containers: [container] } }
      : {
          apiVersion: 'apps/v1',
          kind,
          metadata: { name, namespace },
          spec: {
            selector: { matchLabels: labels },
            template: { metadata: { labels }, spec: { containers: [container] } },
          },
        };
  return editPlan(appendDocuments(context, [value]), plansSay.addWorkload(kind, `${namespace}/${name}`));
}

/** The objects of a workload endpoint: its own object (a Pod, a controller) and the Pods it controls. */
function workloadObjects(context: PlanContext, workload: WorkloadParty): StreamObject[] {
  const { namespace, kind, name } = workload;
  const owned = (w: { namespace: string; owner?: { kind: string; name: string } }) =>
    w.namespace === namespace && w.owner?.kind === kind && w.owner.name === name;
  const pods = new Set(context.resources.workloads.filter(owned).map((w) => w.name));
  const isPod = (o: StreamObject) => o.kind === 'Pod' && o.name !== undefined && pods.has(o.name);
  return context.objects.filter(
    (o) => namespaceOf(o) === namespace && ((o.kind === kind && o.name === name) || isPod(o)),
  );
}

/** New errors a change would bring: a controller whose selector no longer selects its template, … */
function newErrors(context: PlanContext, changes: readonly TextChange[]): string[] {
  const text = applyChanges(context.text, changes);
  const known = new Set(context.errors);
  return parseManifests([{ file: 'plan.yaml', text }])
    .diagnostics.filter((d) => d.severity === 'error' && !known.has(d.message))
    .map((d) => plansSay.newErrors([d.message]));
}

/** Sets the labels of a workload (each of its objects) or a namespace (its Namespace object, written when absent). */
export function planEditLabels(
  text: string,
  subject: WorkloadParty | { readonly type: 'namespace'; readonly name: string },
  labels: Labels,
): EditPlan {
  const context = planContext(text);
  const what = subject.type === 'namespace' ? `Namespace ${subject.name}` : `${subject.kind} ${subject.namespace}/${subject.name}`;
  const objects =
    subject.type === 'namespace'
      ? context.objects.filter((o) => o.kind === 'Namespace' && o.name === subject.name)
      : workloadObjects(context, subject);
  if (objects.length === 0 && subject.type === 'namespace') {
    const value = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: subject.name, labels: { ...labels } } };
    return editPlan(appendDocuments(context, [value]), plansSay.editLabels(what, labels));
  }
  if (objects.length === 0) return editPlan([], plansSay.notFound(what));
  const changes = objects.map((o) => setLabels(o, labels));
  if (changes.some((c) => c === undefined)) return editPlan([], plansSay.notEditable(what));
  const all = ordered(changes.flat() as TextChange[]);
  return editPlan(all, plansSay.editLabels(what, labels), newErrors(context, all));
}

/**
 * A label that tells a workload apart from the others of its namespace: `app.kubernetes.io/name`
 * (else `app.kubernetes.io/instance`, when that one is taken) set to its name.
 */
export function planAddIdentifyingLabel(text: string, workload: WorkloadParty): EditPlan {
  const key = 'app.kubernetes.io/name' in workload.labels ? 'app.kubernetes.io/instance' : 'app.kubernetes.io/name';
  const plan = planEditLabels(text, workload, { ...workload.labels, [key]: workload.name });
  const what = `${workload.kind} ${workload.namespace}/${workload.name}`;
  return { ...plan, summary: plansSay.addLabel(what, key, workload.name) };
}

/** Removes objects; a List losing every item goes whole. */
function removal(objects: readonly StreamObject[]): TextChange[] | undefined {
  const whole = new Set<StreamObject['document']>();
  for (const o of objects) {
    if (!o.listItem) continue;
    const siblings = o.listItem.seq.items.length;
    if (objects.filter((x) => x.listItem?.seq === o.listItem!.seq).length === siblings) whole.add(o.document);
  }
  const changes = [
    ...[...whole].map((document) => ({ offset: document.offset, length: document.text.length, text: '' })),
    ...objects.filter((o) => !(o.listItem && whole.has(o.document))).map(removeObject),
  ];
  if (changes.some((c) => c === undefined)) return undefined;
  try {
    return ordered(changes as TextChange[]);
  } catch {
    return undefined;
  }
}

function deletion(what: string, objects: readonly StreamObject[]): EditPlan {
  if (objects.length === 0) return editPlan([], plansSay.notFound(what));
  const changes = removal(objects);
  if (!changes) return editPlan([], plansSay.notEditable(what));
  return editPlan(changes, plansSay.deleteObjects(what, objects.length));
}

export function planDeleteWorkload(text: string, workload: WorkloadParty): EditPlan {
  const context = planContext(text);
  return deletion(`${workload.kind} ${workload.namespace}/${workload.name}`, workloadObjects(context, workload));
}

/** The Namespace object and every object in that namespace. */
export function planDeleteNamespace(text: string, name: string): EditPlan {
  const context = planContext(text);
  const objects = context.objects.filter((o) =>
    o.kind === 'Namespace' ? o.name === name : namespaceOf(o) === name,
  );
  return deletion(`namespace ${name} and everything in it`, objects);
}

/** A NetworkPolicy (with its namespace) or a cluster-wide policy (`kind`, no namespace). */
export function planDeletePolicy(text: string, kind: string, namespace: string | undefined, name: string): EditPlan {
  const context = planContext(text);
  const objects = context.objects.filter((o) => o.kind === kind && o.name === name && namespaceOf(o) === namespace);
  return deletion(`${kind} ${namespace === undefined ? name : `${namespace}/${name}`}`, objects);
}
