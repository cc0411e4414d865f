/**
 * Manifests → kubectl-ready YAML. Every object of the stream (each item of a List as an object of
 * its own) becomes one document with `apiVersion`, `kind`, `metadata.name` and, for the namespaced
 * kinds the model reads, `metadata.namespace` written out — `default` where it was absent, as the
 * evaluation assumed — and everything else, comments included, as written.
 *
 * Reading and writing are two views of one document: the model's own reader (yaml.ts) says what
 * kubectl reads and where it is written; the `yaml` package's Document is edited and printed.
 * What is printed is read back by the same reader, so `value` is what kubectl will read.
 */
import { Document, isAlias, isMap, isNode, isSeq, parseDocument, type Node } from 'yaml';
import type { DocumentId, SourceRange } from '../source';
import type { YMap, YNode } from '../tree';
import { splitDocuments, type DocumentText } from '../documents';
import { KUBECTL_YAML_OPTIONS, readYaml } from '../yaml';
import { isListKind } from '../lists';
import { decideKind } from '../kinds';
import { valueOf } from '../reader';
import { CLUSTER_POLICY_KINDS, WORKLOAD_KINDS, type ClusterPolicyKind } from '../types';
import { leftOut } from '../messages';
import { addFields, type Additions } from './explicit';
import { rangeAt, type ValuePath } from './path-range';
import { toPlain, type Plain } from './plain';
import { render, selfContained } from './render';
import { exportSays } from './messages';

/** What to export: the policies (the default; cluster-wide ones too), every object, or one policy. */
export type ExportScope =
  /** With the ConnectivityExpectations documents too, when asked (the zip keeps them apart). */
  | { readonly kind: 'policies'; readonly withExpectations?: boolean }
  | { readonly kind: 'everything' }
  | {
      readonly kind: 'policy';
      readonly policyKind: 'NetworkPolicy' | ClusterPolicyKind;
      /** A NetworkPolicy's; cluster-wide policies have none. */
      readonly namespace?: string;
      readonly name: string;
    };

export interface ExportedObject {
  readonly kind: string | undefined;
  readonly apiVersion: string | undefined;
  readonly name: string | undefined;
  /** As written, or `default` for a namespaced kind without one; unset for other kinds. */
  readonly namespace: string | undefined;
  /** One document, kubectl-ready, ending in a line break (no `---`). */
  readonly text: string;
  /** `text` as kubectl reads it: the input of a schema check. */
  readonly value: Plain;
  /** Where the value at `path` of `value` is in the exported input (see path-range.ts). */
  readonly rangeAt: (path: ValuePath) => SourceRange;
}

/** Something that stops an export from being what the graph shows; ranges are in the input. */
export interface ExportProblem {
  readonly range: SourceRange;
  readonly message: string;
  /** `NetworkPolicy default/web`, when the problem is one object's. */
  readonly object?: string;
}

export interface ManifestExport {
  readonly objects: readonly ExportedObject[];
  readonly problems: readonly ExportProblem[];
}

/** kubectl's document separator between the objects' texts. */
export function joinDocuments(objects: readonly Pick<ExportedObject, 'text'>[]): string {
  return objects.map((o) => o.text).join('---\n');
}

/** Whether the object is a NetworkPolicy of Kubernetes' own API (not, say, Calico's). */
export function isNetworkPolicy(object: Pick<ExportedObject, 'kind' | 'apiVersion'>): boolean {
  return object.kind === 'NetworkPolicy' && decideKind(object.kind, object.apiVersion).action !== 'ignore';
}

/** Whether the object is a cluster-wide policy of the network-policy-api (ClusterNetworkPolicy, …). */
export function isClusterPolicy(object: Pick<ExportedObject, 'kind' | 'apiVersion'>): boolean {
  const kind = object.kind ?? '';
  return (CLUSTER_POLICY_KINDS as readonly string[]).includes(kind) && decideKind(kind, object.apiVersion).action !== 'ignore';
}

/** Whether the object is a ConnectivityExpectations document: checked by the app and the CLI, unknown to kubectl. */
export function isExpectations(object: Pick<ExportedObject, 'kind' | 'apiVersion'>): boolean {
  return object.kind === 'ConnectivityExpectations' && decideKind(object.kind, object.apiVersion).action !== 'ignore';
}

/** Whether the object is a policy the graph evaluates: a NetworkPolicy or a cluster-wide one. */
export function isPolicy(object: Pick<ExportedObject, 'kind' | 'apiVersion'>): boolean {
  return isNetworkPolicy(object) || isClusterPolicy(object);
}

/**
 * The objects of `text` in `scope`, written out, and the problems of exporting them: documents
 * that cannot be read (which might hold a policy), objects without a name, second objects with
 * the same identity. Never throws.
 */
export function exportManifests(text: string, scope: ExportScope): ManifestExport {
  const objects: ExportedObject[] = [];
  const problems: ExportProblem[] = [];
  for (const source of splitDocuments(text)) {
    const read = readYaml(source.text, 0 as DocumentId);
    const error = read.diagnostics.find((d) => d.severity === 'error');
    if (error && scope.kind !== 'policy') {
      const reason = error.message.replace(` — ${leftOut.document}`, '');
      problems.push({ range: shift(error.location.range, source), message: exportSays.unreadable(reason) });
    }
    const root = error ? undefined : read.roots[0];
    if (!root) continue; // unreadable, or nothing but comments
    const wanted = [...objectsIn(root, {}, [])].filter((found) => inScope(found.facts, scope));
    if (wanted.length === 0) continue;
    // Parsed again for writing only when something in it is exported.
    const doc = parseDocument(source.text, KUBECTL_YAML_OPTIONS);
    const place = placer(source);
    for (const found of scope.kind === 'policy' ? wanted.slice(0, 1) : wanted)
      objects.push(writeObject(found, doc, source.text, place));
    if (scope.kind === 'policy') break;
  }
  return { objects, problems: [...problems, ...objectProblems(objects)] };
}

function inScope(facts: Facts, scope: ExportScope): boolean {
  if (scope.kind === 'everything') return true;
  if (scope.kind === 'policies') return isPolicy(facts) || (scope.withExpectations === true && isExpectations(facts));
  return (
    facts.kind === scope.policyKind &&
    decideKind(scope.policyKind, facts.apiVersion).action !== 'ignore' &&
    facts.namespace === scope.namespace &&
    facts.name === scope.name
  );
}

function objectProblems(objects: readonly ExportedObject[]): ExportProblem[] {
  const problems: ExportProblem[] = [];
  const seen = new Set<string>();
  for (const object of objects) {
    if (object.kind === undefined) continue;
    const id = object.namespace === undefined ? `${object.name}` : `${object.namespace}/${object.name}`;
    const subject = `${object.kind} ${id}`;
    const at = object.rangeAt(['metadata', 'name']);
    if (object.name === undefined)
      problems.push({ range: at, message: exportSays.missingName(object.kind), object: object.kind });
    else if (seen.has(`${object.apiVersion} ${subject}`))
      problems.push({ range: at, message: exportSays.duplicate(object.kind, id), object: subject });
    else seen.add(`${object.apiVersion} ${subject}`);
  }
  return problems;
}

/** What kubectl reads of an object's identity, and what the export must write for it. */
interface Facts extends Pick<ExportedObject, 'kind' | 'apiVersion' | 'name' | 'namespace'> {
  readonly additions: Additions;
}

/** One object as read, and where it is: the indexes of the List items around it, outermost first. */
interface Found {
  readonly tree: YNode;
  readonly facts: Facts;
  readonly items: readonly number[];
}

/** The objects of a document: itself, or the items of a List (recursively, as the model reads them). */
function* objectsIn(tree: YNode, inherited: Additions, items: readonly number[]): Generator<Found> {
  const kind = tree.type === 'map' ? (stringAt(tree, 'kind') ?? inherited.kind) : undefined;
  const list = tree.type === 'map' ? valueOf(tree, 'items') : undefined;
  if (tree.type !== 'map' || kind === undefined || !isListKind(kind, tree) || list?.type !== 'seq') {
    yield { tree, facts: factsOf(tree, inherited), items };
    return;
  }
  const apiVersion = stringAt(tree, 'apiVersion') ?? inherited.apiVersion;
  // Items of a typed list (a NetworkPolicyList) may leave out their kind and apiVersion.
  const itemDefaults: Additions = kind === 'List' ? {} : { kind: kind.slice(0, -'List'.length), apiVersion };
  for (const [i, item] of list.items.entries()) yield* objectsIn(item, itemDefaults, [...items, i]);
}

function factsOf(tree: YNode, inherited: Additions): Facts {
  const map = tree.type === 'map' ? tree : undefined;
  // Absent and null fields are inherited or defaulted; a value of the wrong type is left for the schema check.
  const absent = (key: string) => map !== undefined && valueOf(map, key) === undefined;
  const kind = (map && stringAt(map, 'kind')) ?? (absent('kind') ? inherited.kind : undefined);
  const apiVersion =
    (map && stringAt(map, 'apiVersion')) ?? (absent('apiVersion') ? inherited.apiVersion : undefined);
  const metadata = map && valueOf(map, 'metadata');
  const meta = metadata?.type === 'map' ? metadata : undefined;
  const namespaceNode = meta && valueOf(meta, 'namespace');
  const unset =
    namespaceNode === undefined || (namespaceNode.type === 'scalar' && namespaceNode.value === '');
  const written = meta && stringAt(meta, 'namespace');
  const namespace = written ?? (unset && isNamespaced(kind, apiVersion) ? 'default' : undefined);
  const additions: Additions = {
    kind: absent('kind') ? inherited.kind : undefined,
    apiVersion: absent('apiVersion') ? inherited.apiVersion : undefined,
    namespace: written === undefined ? namespace : undefined,
  };
  return { kind, apiVersion, name: meta && stringAt(meta, 'name'), namespace, additions };
}

/** Places paths of an object of `source` in the input (its line lengths are measured once, when first needed). */
type Placer = (tree: YNode, path: ValuePath) => SourceRange;

function placer(source: DocumentText): Placer {
  let lines: string[] | undefined;
  const lineEnd = (line: number) => {
    lines ??= source.text.split('\n');
    return (lines[line - 1]?.replace(/\r$/, '').length ?? 0) + 1;
  };
  return (tree, path) => shift(rangeAt(tree, path, lineEnd), source);
}

function writeObject(
  { tree, facts, items }: Found,
  doc: Document,
  sourceText: string,
  place: Placer,
): ExportedObject {
  const out = items.length === 0 ? doc : standalone(itemNode(doc, items), tree);
  addFields(out, facts.additions);
  const text = render(out, sourceText);
  const { kind, apiVersion, name, namespace } = facts;
  return {
    kind,
    apiVersion,
    name,
    namespace,
    text,
    value: readBack(text, tree),
    rangeAt: (path) => place(tree, path),
  };
}

/**
 * The node of a List item in the parsed Document, and the comment above it when it comes first
 * (which the `yaml` package gives to the list). No node when an `items` or an item is an alias
 * (`- *web`) or came through a merge key: there is nothing of its own to edit.
 */
function itemNode(doc: Document, items: readonly number[]): { node?: Node; commentBefore?: string | null } {
  let node: unknown = doc.contents;
  let commentBefore: string | null | undefined;
  for (const index of items) {
    const list = isMap(node) ? node.get('items', true) : undefined;
    const seq = isAlias(list) ? list.resolve(doc) : list;
    if (!isSeq(seq)) return {};
    node = seq.items[index];
    commentBefore = index === 0 ? seq.commentBefore : undefined;
  }
  return isNode(node) && !isAlias(node) ? { node, commentBefore } : {};
}

/**
 * A List item as a Document of its own: its node (with its comments) when it is self-contained,
 * else — it uses an anchor defined elsewhere in the list — written anew from its value.
 */
function standalone({ node, commentBefore }: ReturnType<typeof itemNode>, tree: YNode): Document {
  const out = new Document(null, KUBECTL_YAML_OPTIONS);
  const contents = node && selfContained(node) ? node : out.createNode(toPlain(tree));
  if (commentBefore)
    contents.commentBefore = [commentBefore, contents.commentBefore].filter(Boolean).join('\n');
  out.contents = contents;
  return out;
}

/** The written text as kubectl reads it; it always reads (the reader accepted the source). */
function readBack(text: string, fallback: YNode): Plain {
  const root = readYaml(text, 0 as DocumentId).roots[0];
  return toPlain(root ?? fallback);
}

/** Kinds the model reads that live in a namespace: every one but Namespace. */
function isNamespaced(kind: string | undefined, apiVersion: string | undefined): boolean {
  const namespaced: readonly string[] = [...WORKLOAD_KINDS, 'NetworkPolicy'];
  return kind !== undefined && namespaced.includes(kind) && decideKind(kind, apiVersion).action !== 'ignore';
}

function stringAt(map: YMap, key: string): string | undefined {
  const value = valueOf(map, key);
  return value?.type === 'scalar' && typeof value.value === 'string' && value.value !== ''
    ? value.value
    : undefined;
}

/** A document-relative range → a range of the whole input. */
function shift(range: SourceRange, source: DocumentText): SourceRange {
  const by = source.startLine - 1;
  return { ...range, startLine: range.startLine + by, endLine: range.endLine + by };
}
