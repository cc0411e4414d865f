/**
 * v1alpha1 AdminNetworkPolicy / BaselineAdminNetworkPolicy → v1alpha2 ClusterNetworkPolicy, over
 * whole inputs. Every document without such a policy is kept byte for byte; a document with one is
 * printed again from its `yaml` Document, edited by v1alpha2.ts, so comments and layout stay.
 *
 * Each policy is converted only when that provably changes nothing:
 * - the model reads the original without error (an object the evaluation leaves out is kept as
 *   written: a converted copy, valid or not, could only change what is evaluated);
 * - the model reads the converted object without error, as the same policy: tier, priority
 *   (except a Baseline one's, which v1alpha1 does not have), subject and rules, field by field;
 * - its name is not taken by a ClusterNetworkPolicy of the input (or converted before it).
 * Anything else is a problem naming the policy, which stays as written. Nothing throws.
 */
import { Document, isCollection, isMap, isScalar, isSeq, LineCounter, Pair, parseDocument } from 'yaml';
import { Scalar, visit, type Node, type YAMLMap } from 'yaml';
import { parseManifests, type ManifestInput } from '../parser';
import { splitDocuments, type DocumentText } from '../documents';
import { KUBECTL_YAML_OPTIONS, readYaml } from '../yaml';
import { screenInput } from '../limits';
import { decideKind } from '../kinds';
import { locator } from '../layout';
import type { DocumentId, FileLocation, SourceRange } from '../source';
import type { ClusterPolicyResource, ClusterTier } from '../types';
import { clusterPolicyShape } from './policy-shape';
import { indentsSequences, padsFlowCollections, selfContained } from './render';
import { convertSays } from './convert-messages';
import { rewriteAsClusterNetworkPolicy, V1ALPHA1_KINDS, V1ALPHA2, type V1alpha1Kind } from './v1alpha2';

/** Something to tell about the conversion, at a place of the input. */
export interface ConversionMessage {
  readonly location: FileLocation;
  readonly message: string;
}

export interface ConvertedPolicy {
  /** The policy's `metadata.name` in the input. */
  readonly location: FileLocation;
  readonly kind: V1alpha1Kind;
  readonly name: string;
  readonly tier: ClusterTier;
  readonly priority: number;
}

export interface ConvertedFile {
  readonly file: string;
  /** Its documents in order (splitDocuments): converted ones printed anew, the others as written. */
  readonly documents: readonly string[];
  readonly changed: boolean;
}

export interface V1alpha2Conversion {
  readonly files: readonly ConvertedFile[];
  readonly converted: readonly ConvertedPolicy[];
  /** What was written beyond the one-to-one mapping, meaning the same. */
  readonly notes: readonly ConversionMessage[];
  /** The v1alpha1 policies left as written, and why. */
  readonly problems: readonly ConversionMessage[];
}

/** The usual Baseline priority of a converted BaselineAdminNetworkPolicy (upstream's own examples use it). */
export const BASELINE_PRIORITY = 10;

/** What the whole input decides for each policy. */
interface Context {
  /** ClusterNetworkPolicy names already used → where (`file:line`). */
  readonly taken: Map<string, string>;
  readonly baselinePriority: number;
  readonly baselineNote: string;
}

interface Sink {
  readonly converted: ConvertedPolicy[];
  readonly notes: ConversionMessage[];
  readonly problems: ConversionMessage[];
}

/** Only documents that name a v1alpha1 kind are parsed for writing. */
const MENTIONS_V1ALPHA1 = /AdminNetworkPolicy/;

/** Converts every v1alpha1 cluster-wide policy of `inputs` that converts exactly. */
export function convertToV1alpha2(inputs: readonly ManifestInput[]): V1alpha2Conversion {
  const context = contextOf(inputs);
  const sink: Sink = { converted: [], notes: [], problems: [] };
  const files = inputs.map(({ file, text }): ConvertedFile => {
    const pieces = screenInput(text) ? [{ text, startLine: 1 }] : splitDocuments(text);
    const documents = pieces.map((piece) => convertDocument(piece, file, context, sink));
    return { file, documents: documents.map((d, i) => d ?? pieces[i]!.text), changed: documents.some(Boolean) };
  });
  return { files, ...sink };
}

/**
 * Documents joined into one stream: a `---` line goes before each document that does not start
 * with one (the objects of a JSON stream, or a document printed anew), unless the one before ended
 * with `...`. A YAML input's own documents come back as its text.
 */
export function joinStream(documents: readonly string[]): string {
  let out = '';
  for (const text of documents) {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
    if (out !== '' && !startsDocument(text) && !/(?:^|\n)\.\.\.[ \t]*(?:#[^\n]*)?\r?\n?$/.test(out)) out += '---\n';
    out += text;
  }
  return out;
}

function startsDocument(text: string): boolean {
  for (const line of text.split('\n')) {
    if (/^---(?:[ \t]|\r?$)/.test(line)) return true;
    if (!/^(?:[ \t]*(?:#.*)?|%.*)\r?$/.test(line)) return false;
  }
  return false;
}

function contextOf(inputs: readonly ManifestInput[]): Context {
  const model = parseManifests(inputs);
  const locate = locator(model.documents);
  const current = model.resources.clusterPolicies.filter((p) => p.kind === 'ClusterNetworkPolicy');
  const where = (p: ClusterPolicyResource) => {
    const at = locate(p.nameLocation);
    return `${at.file}:${at.range.startLine}`;
  };
  // A BaselineAdminNetworkPolicy is consulted as priority 0: at 10 it would come after these.
  const ahead = current.filter((p) => p.tier === 'Baseline' && p.priority <= BASELINE_PRIORITY);
  const priority = ahead.length > 0 ? 0 : BASELINE_PRIORITY;
  const others = ahead.map((p) => `ClusterNetworkPolicy ${p.name} (priority ${p.priority})`).join(', ');
  return {
    taken: new Map(current.map((p) => [p.name, where(p)])),
    baselinePriority: priority,
    baselineNote: ahead.length > 0 ? convertSays.baselinePriorityLowered(others) : convertSays.baselinePriority(priority),
  };
}

/** The document printed anew when a policy in it was converted; `undefined` to keep it as written. */
function convertDocument(piece: DocumentText, file: string, context: Context, sink: Sink): string | undefined {
  if (!MENTIONS_V1ALPHA1.test(piece.text)) return undefined;
  const place = (range: SourceRange): FileLocation => ({ file, range: shift(range, piece) });
  // The model's reader first: it bounds nesting and aliases before the `yaml` package recurses.
  const error = readYaml(piece.text, 0 as DocumentId).diagnostics.find((d) => d.severity === 'error');
  const lines = new LineCounter();
  const doc: Document | undefined = error
    ? undefined
    : parseDocument(piece.text, { ...KUBECTL_YAML_OPTIONS, lineCounter: lines });
  if (!doc || doc.errors.length > 0) {
    const range = error?.location.range ?? { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
    sink.problems.push({ location: place(range), message: convertSays.unreadableDocument });
    return undefined;
  }
  const rangeOf = (node: Node | undefined): SourceRange => {
    const [start, end] = node?.range ?? [0, 0];
    const from = lines.linePos(start);
    const to = lines.linePos(Math.max(start + 1, end));
    return { startLine: from.line, startColumn: from.col, endLine: to.line, endColumn: to.col };
  };
  let edited = false;
  for (const found of objectsOf(doc.contents, {}, (node) => (doc.contents = node), false)) {
    const kind = V1ALPHA1_KINDS.find((k) => k === found.kind);
    if (kind === undefined || decideKind(kind, found.apiVersion).action === 'ignore') continue;
    const at = (node?: Node) => place(rangeOf(node ?? nameNode(found.node) ?? found.node));
    edited = convertObject(found, kind, piece.text, context, sink, at) || edited;
  }
  if (!edited) return undefined;
  renameTypedLists(doc.contents);
  return print(doc, piece.text);
}

type AnyMap = YAMLMap<unknown, unknown>;

/** One object of a document: itself, or an item of a List (recursively). */
interface Found {
  readonly node: AnyMap;
  readonly kind: string | undefined;
  readonly apiVersion: string | undefined;
  /** `kind` and `apiVersion` the object takes from its typed List, to be written out. */
  readonly inherited: { readonly kind?: string; readonly apiVersion?: string };
  readonly inList: boolean;
  readonly replace: (node: AnyMap) => void;
}

function* objectsOf(
  node: unknown,
  inherited: Found['inherited'],
  replace: Found['replace'],
  inList: boolean,
): Generator<Found> {
  if (!isMap(node)) return;
  const ownKind = stringOf(node.get('kind', true));
  const ownVersion = stringOf(node.get('apiVersion', true));
  const kind = ownKind ?? (node.has('kind') ? undefined : inherited.kind);
  const apiVersion = ownVersion ?? (node.has('apiVersion') ? undefined : inherited.apiVersion);
  const items = node.get('items', true);
  if (kind !== undefined && (kind === 'List' || (kind.endsWith('List') && node.has('items')))) {
    if (!isSeq(items)) return;
    // Items of a typed list (an AdminNetworkPolicyList) may leave out their kind and apiVersion.
    const defaults = kind === 'List' ? {} : { kind: kind.slice(0, -'List'.length), apiVersion };
    for (const [i, item] of items.items.entries()) {
      yield* objectsOf(item, defaults, (n) => (items.items[i] = n), true);
    }
    return;
  }
  const additions = {
    ...(ownKind === undefined && kind !== undefined ? { kind } : {}),
    ...(ownVersion === undefined && apiVersion !== undefined ? { apiVersion } : {}),
  };
  yield { node, kind, apiVersion, inherited: additions, inList, replace };
}

/** Converts one policy when that provably changes nothing (see the top of this file). */
function convertObject(
  found: Found,
  kind: V1alpha1Kind,
  source: string,
  context: Context,
  sink: Sink,
  at: (node?: Node) => FileLocation,
): boolean {
  const name = stringOf(nameNode(found.node)) ?? '';
  const problem = (reason: string) => {
    sink.problems.push({ location: at(), message: convertSays.notConverted(`${kind} ${name}`.trim(), reason) });
    return false;
  };
  if (found.inList && !selfContained(found.node)) return problem(convertSays.notSelfContained);
  const original = readOne(found.inList ? standalone(withIdentity(found)) : source);
  if (!original.policy) return problem(convertSays.leftOutAsWritten(original.error ?? ''));
  const taken = context.taken.get(name);
  if (taken !== undefined) return problem(convertSays.nameTaken(name, taken));

  const copy = found.node.clone() as AnyMap;
  const priority = kind === 'BaselineAdminNetworkPolicy' ? context.baselinePriority : original.policy.priority;
  const rewrite = rewriteAsClusterNetworkPolicy(copy, kind, priority);
  if (!rewrite.ok) return problem(rewrite.reason);
  const converted = readOne(standalone(copy));
  if (!converted.policy || converted.error) return problem(convertSays.rejectedAsV1alpha2(converted.error ?? ''));
  const difference = differenceOf(original.policy, converted.policy, kind === 'BaselineAdminNetworkPolicy');
  if (difference) return problem(convertSays.readsDifferently(difference));

  found.replace(copy);
  const location = at();
  context.taken.set(name, `${location.file}:${location.range.startLine}`);
  sink.converted.push({ location, kind, name, tier: converted.policy.tier, priority });
  const note = (where: FileLocation, message: string) =>
    sink.notes.push({ location: where, message: `${kind} ${name}: ${message}` });
  if (kind === 'BaselineAdminNetworkPolicy') note(location, context.baselineNote);
  for (const { node, message } of rewrite.notes) note(at(node), message);
  return true;
}

/** The one cluster policy the model reads from `text`, and its first error. */
function readOne(text: string): { readonly policy?: ClusterPolicyResource; readonly error?: string } {
  const model = parseManifests([{ file: 'object.yaml', text }]);
  const error = model.diagnostics.find((d) => d.severity === 'error')?.message;
  const policy = model.resources.clusterPolicies.length === 1 ? model.resources.clusterPolicies[0] : undefined;
  return { ...(policy ? { policy } : {}), ...(error !== undefined ? { error } : {}) };
}

/** The first top-level field where the two policies differ, if any (a Baseline priority may). */
function differenceOf(a: ClusterPolicyResource, b: ClusterPolicyResource, newPriority: boolean): string | undefined {
  const shapeA = clusterPolicyShape(a);
  const shapeB = clusterPolicyShape(b);
  return Object.keys({ ...shapeA, ...shapeB }).find(
    (key) => !(newPriority && key === 'priority') && JSON.stringify(shapeA[key]) !== JSON.stringify(shapeB[key]),
  );
}

/** A List item on its own, with the kind and apiVersion it inherits written out. */
function withIdentity(found: Found): AnyMap {
  const copy = found.node.clone() as AnyMap;
  const { kind, apiVersion } = found.inherited;
  if (kind !== undefined) copy.items.unshift(new Pair(new Scalar('kind'), new Scalar(kind)));
  if (apiVersion !== undefined) copy.items.unshift(new Pair(new Scalar('apiVersion'), new Scalar(apiVersion)));
  return copy;
}

function standalone(node: AnyMap): string {
  const doc = new Document(null, KUBECTL_YAML_OPTIONS);
  doc.contents = node;
  return doc.toString({ lineWidth: 0 });
}

/** A typed list of v1alpha1 policies whose items are all converted becomes a ClusterNetworkPolicyList. */
function renameTypedLists(node: unknown): void {
  if (!isMap(node)) return;
  const items = node.get('items', true);
  if (!isSeq(items)) return;
  items.items.forEach(renameTypedLists);
  const kind = stringOf(node.get('kind', true));
  const lists: readonly string[] = V1ALPHA1_KINDS.map((k) => `${k}List`);
  if (kind === undefined || !lists.includes(kind)) return;
  if (!items.items.every((item) => isMap(item) && stringOf(item.get('kind', true)) === 'ClusterNetworkPolicy')) return;
  (node.get('kind', true) as Scalar).value = 'ClusterNetworkPolicyList';
  const apiVersion = node.get('apiVersion', true);
  if (isScalar(apiVersion)) apiVersion.value = V1ALPHA2;
}

/**
 * The document as text again: list indentation and flow padding as the source has them (see
 * render.ts); a JSON document becomes block YAML, as the export writes it. Unlike an export, its
 * `---` and `...` markers stay: it goes back in its place in the stream.
 */
function print(doc: Document, source: string): string {
  if (isCollection(doc.contents) && doc.contents.flow) {
    visit(doc, {
      Collection: (_, collection) => {
        if (collection.items.length > 0) collection.flow = false;
      },
      Scalar: (_, scalar) => {
        if (scalar.type === 'QUOTE_DOUBLE') scalar.type = undefined;
      },
    });
  }
  return doc.toString({
    lineWidth: 0,
    indentSeq: indentsSequences(source),
    flowCollectionPadding: padsFlowCollections(source),
  });
}

function nameNode(object: AnyMap): Node | undefined {
  const metadata = object.get('metadata', true);
  const name = isMap(metadata) ? metadata.get('name', true) : undefined;
  return isScalar(name) ? name : undefined;
}

function stringOf(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' && node.value !== '' ? node.value : undefined;
}

/** A document-relative range → a range of the whole input. */
function shift(range: SourceRange, source: DocumentText): SourceRange {
  const by = source.startLine - 1;
  return { ...range, startLine: range.startLine + by, endLine: range.endLine + by };
}
