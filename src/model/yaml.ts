/**
 * Reading with the `yaml` package (with yaml-subset.ts, its fast path): parses one document's
 * text into plain trees (tree.ts) with 1-based, end-exclusive ranges, resolving aliases and `<<`
 * merge keys.
 *
 * Scalars resolve as YAML 1.1 because kubectl reads manifests with go-yaml v2: `yes`/`on` are
 * booleans and `0755` is octal. As in go-yaml v2, timestamps and base-60 numbers stay strings.
 */
import {
  Composer,
  Document as YamlDocument,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  visit,
  type Alias,
  type CST,
  type Document,
  type DocumentOptions,
  type Node,
  type Pair,
  type ParseOptions,
  type ScalarTag,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import type { Diagnostic, DocumentId, SourceRange } from './source';
import type { YEntry, YNode, YScalar } from './tree';
import { Issues } from './issues';
import { MAX_ALIAS_COUNT, MAX_ALIAS_NODES, MAX_NESTING, MAX_SYNTAX_ERRORS } from './limits';
import { mayNestDeeperThan, nestingBound } from './nesting';
import { leftOut, say } from './messages';
import { rangeMaker, type ToRange } from './ranges';
import { readSubset, type ResolvePlain, type ScalarValue } from './yaml-subset';

export interface YamlRead {
  /** The root node of each non-empty document that parsed cleanly. */
  readonly roots: readonly YNode[];
  readonly diagnostics: readonly Diagnostic[];
}

/** How kubectl reads YAML (see above); src/model/write/ writes with the same schema. */
export const KUBECTL_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  prettyErrors: false,
  // The 1.1 schema hands its tags over as objects; named ones (strings) are kept as they are.
  customTags: (tags) =>
    tags.filter(
      (tag) =>
        typeof tag === 'string' || (tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME'),
    ),
};

/**
 * Parses `text` (normally one document, see splitDocuments); ranges are relative to it, and
 * diagnostics point into `document`.
 */
export function readYaml(text: string, document: DocumentId): YamlRead {
  return read(text, document, true);
}

/** `readYaml` without its fast path (yaml-subset.ts): what the fast path must agree with. */
export function readYamlComposed(text: string, document: DocumentId): YamlRead {
  return read(text, document, false);
}

function read(text: string, document: DocumentId, fast: boolean): YamlRead {
  const lines = new LineCounter();
  const toRange = rangeMaker(text, lines.lineStarts);
  const diagnostics: Diagnostic[] = [];
  const roots: YNode[] = [];
  const tooDeep = (offset: number): YamlRead => {
    const issues = new Issues(document);
    issues.error(toRange(offset, offset + 1), 'yaml-limit', say.tooDeep(MAX_NESTING));
    return { roots, diagnostics: issues.collect(leftOut.document) };
  };
  // A quick scan refuses absurd nesting before the parser spends seconds on it (~10 µs a level),
  // unless the text's lines are too short and its indicators too few to nest that deep…
  const bound = mayNestDeeperThan(text, MAX_NESTING) ? nestingBound(text, MAX_NESTING) : undefined;
  if (bound && bound.depth > MAX_NESTING) {
    countLines(text, lines); // not parsed: the line counter has not seen the text
    return tooDeep(bound.offset);
  }
  // … and the parsed syntax tree is measured exactly before the composer recurses on it (the
  // parser itself keeps an explicit stack). This is what parseAllDocuments does, in two steps.
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const deepAt = tooDeepAt(tokens, MAX_NESTING);
  if (deepAt !== undefined) return tooDeep(deepAt);
  // Most manifests need no composer: their syntax tree gives the plain tree directly.
  const subset = fast ? readSubset(tokens, toRange, resolvePlain, MAX_NESTING) : undefined;
  if (subset) return { roots: subset, diagnostics };
  for (const doc of new Composer({ ...KUBECTL_YAML_OPTIONS, lineCounter: lines }).compose(tokens)) {
    const issues = new Issues(document);
    reportSyntaxErrors(doc.errors, issues, toRange, text);
    for (const w of doc.warnings) issues.warning(toRange(...w.pos), 'yaml-warning', w.message);
    // A document with nothing in it (`---` and comments) is skipped, as kubectl does.
    const empty =
      doc.contents === null ||
      (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.source);
    if (!issues.hasErrors && !empty) {
      // Every alias starts with `*`: most manifests have none, and need no walk to find them.
      const aliases = text.includes('*') ? resolveAliases(doc) : NO_ALIASES;
      checkAliases(doc, aliases, issues, toRange);
      if (!issues.hasErrors) {
        const root = new TreeBuilder(doc, aliases, toRange, issues).build(doc.contents, 0);
        if (!issues.hasErrors) roots.push(root);
      }
    }
    diagnostics.push(...issues.collect(leftOut.document));
  }
  return { roots, diagnostics };
}

/** Plain scalars remembered by `resolvePlain`, per kind (keys, values); past it, it starts afresh. */
const MAX_REMEMBERED_SCALARS = 50_000;

/**
 * A plain scalar resolved as the composer resolves it (findScalarTagByTest, then the tag's
 * `resolve`), with the tags of KUBECTL_YAML_OPTIONS; `undefined` when that is no JSON value or
 * reports a problem. Remembered: manifests repeat the same words (`name`, `TCP`, `app`).
 */
const resolvePlain: ResolvePlain = (() => {
  const { schema, options } = new YamlDocument(undefined, KUBECTL_YAML_OPTIONS);
  const scalarTags = schema.tags.filter((tag): tag is ScalarTag => !tag.collection && tag.test !== undefined);
  const valueTags = scalarTags.filter((tag) => tag.default === true);
  const keyTags = scalarTags.filter((tag) => tag.default === true || tag.default === 'key');
  const resolve = (text: string, tags: readonly ScalarTag[]): ScalarValue | undefined => {
    const tag = tags.find((t) => t.test!.test(text));
    // No tag: a string (the schema's string tag resolves a text to itself).
    if (tag === undefined) return text;
    let failed = false;
    try {
      const resolved = tag.resolve(text, () => (failed = true), options);
      const value = isScalar(resolved) ? resolved.value : resolved;
      const json = value === null || ['string', 'number', 'boolean'].includes(typeof value);
      return json && !failed ? (value as ScalarValue) : undefined;
    } catch {
      return undefined;
    }
  };
  const known = { key: new Map<string, ScalarValue | undefined>(), value: new Map<string, ScalarValue | undefined>() };
  return (text, atKey) => {
    const memo = atKey ? known.key : known.value;
    if (memo.has(text)) return memo.get(text);
    // Bounded: an editor session reads text after text.
    if (memo.size >= MAX_REMEMBERED_SCALARS) memo.clear();
    const value = resolve(text, atKey ? keyTags : valueTags);
    memo.set(text, value);
    return value;
  };
})();

/** Where the syntax tree nests collections more than `max` deep, if it does. Not recursive. */
function tooDeepAt(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack = tokens.map((token) => ({ token, depth: 0 }));
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { token, depth } = top;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > max) return token.offset;
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function countLines(text: string, lines: LineCounter): void {
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
}

/**
 * An endpoint id written unquoted inside a flow collection (`{from: default/client[Pod]}`,
 * `only: [ns/a[Pod]]`): there `[` opens a list, so the YAML breaks around the id.
 */
const UNQUOTED_ENDPOINT_IN_FLOW = /[[{,]\s*(?:[\w.-]+:\s+)?([a-z0-9][-a-z0-9.]*\/[-a-z0-9.]+\[[A-Za-z]+\])/;

/** The line of `text` that `offset` is on. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? undefined : end);
}

/**
 * The first few syntax errors of a document, then how many more there are: one typo can make
 * dozens. The first error on a line with an unquoted endpoint id in flow style teaches the quoting.
 */
function reportSyntaxErrors(errors: readonly YAMLError[], issues: Issues, toRange: ToRange, text: string): void {
  let taught = false;
  for (const e of errors.slice(0, MAX_SYNTAX_ERRORS)) {
    const id: string | undefined = taught ? undefined : UNQUOTED_ENDPOINT_IN_FLOW.exec(lineAt(text, e.pos[0]))?.[1];
    taught ||= id !== undefined;
    issues.error(toRange(...e.pos), 'yaml-syntax', id ? `${e.message} — ${say.quoteEndpointId(id)}` : e.message);
  }
  const next = errors[MAX_SYNTAX_ERRORS];
  if (next)
    issues.error(toRange(...next.pos), 'yaml-syntax', say.moreErrors(errors.length - MAX_SYNTAX_ERRORS));
}

/** Each alias's anchored node (`undefined` when unknown). */
type AliasTargets = ReadonlyMap<Alias, Node | undefined>;

const NO_ALIASES: AliasTargets = new Map();

/**
 * Resolves every alias in one pass, to the last node with its anchor before it, as the `yaml`
 * package's `Alias.resolve` does; calling that per alias walks the whole document each time.
 */
function resolveAliases(doc: Document.Parsed): AliasTargets {
  const anchored = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(doc, {
    Node: (_, node) => {
      if (isAlias(node)) targets.set(node, anchored.get(node.source));
      else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  return targets;
}

/**
 * Runs the `yaml` package's alias-bomb guard when the document has aliases, all of them resolved
 * (the tree builder reports unknown ones).
 */
function checkAliases(doc: Document.Parsed, aliases: AliasTargets, issues: Issues, toRange: ToRange): void {
  if (aliases.size === 0 || [...aliases.values()].includes(undefined)) return;
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // A ReferenceError is the alias-count guard; anything else is a merge of a non-mapping.
    const bomb = e instanceof ReferenceError;
    const message = e instanceof Error ? e.message : String(e);
    const [start, end] = doc.contents?.range ?? [0, 0];
    issues.error(
      toRange(start, end),
      bomb ? 'yaml-limit' : 'yaml-unsupported',
      bomb ? say.aliasBomb(MAX_ALIAS_COUNT, MAX_ALIAS_NODES) : message,
    );
  }
}

/**
 * Converts `yaml` nodes into tree.ts nodes; problems go to `issues` (and reject the document).
 * An alias reuses the tree built for its anchor (trees are immutable), so building stays linear
 * in the text; what aliases expand into is still counted, against MAX_ALIAS_NODES.
 */
class TreeBuilder {
  /** Collections being built: an alias to one of them would be infinite. */
  private readonly open = new Set<unknown>();
  /** The tree built for each anchored node. */
  private readonly anchored = new Map<unknown, YNode>();
  private readonly sizes = new WeakMap<YNode, Size>();
  /** Nodes that aliases expanded into so far; past the limit, building stops. */
  private expanded = 0;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly aliases: AliasTargets,
    private readonly toRange: ToRange,
    private readonly issues: Issues,
  ) {}

  build(node: unknown, depth: number): YNode {
    const range = this.rangeOf(node);
    if (depth > MAX_NESTING) {
      this.issues.error(range, 'yaml-limit', say.tooDeep(MAX_NESTING));
      return nullAt(range);
    }
    if (this.expanded > MAX_ALIAS_NODES) return nullAt(range);
    if (isAlias(node)) {
      const target = this.aliases.get(node);
      if (target === undefined) {
        this.issues.error(range, 'yaml-syntax', say.unknownAlias(node.source));
        return nullAt(range);
      }
      if (this.open.has(target)) {
        this.issues.error(range, 'yaml-limit', say.aliasLoop(node.source));
        return nullAt(range);
      }
      // An anchor inside a key is not built where it stands: build it here.
      const tree = this.anchored.get(target) ?? this.build(target, depth);
      const size = this.sizeOf(tree);
      if (depth + size.height - 1 > MAX_NESTING) {
        this.issues.error(range, 'yaml-limit', say.tooDeep(MAX_NESTING));
        return nullAt(range);
      }
      this.expanded += size.nodes;
      if (this.expanded > MAX_ALIAS_NODES) {
        const whole = this.rangeOf(this.doc.contents);
        this.issues.error(whole, 'yaml-limit', say.aliasBomb(MAX_ALIAS_COUNT, MAX_ALIAS_NODES));
        return nullAt(range);
      }
      // Point at the alias, where the value is used, rather than at its anchor.
      return { ...tree, range };
    }
    const built = this.buildNode(node, range, depth);
    if (isNode(node) && !isAlias(node) && node.anchor) this.anchored.set(node, built);
    return built;
  }

  private buildNode(node: unknown, range: SourceRange, depth: number): YNode {
    if (isScalar(node)) {
      const { value } = node;
      const source = node.source ?? String(value);
      const plain =
        value === null ||
        typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean';
      // Other values come from explicit tags (`!!binary`): keep their text, as JSON would.
      return { type: 'scalar', value: plain ? value : source, source, range };
    }
    if (isMap(node) || isSeq(node)) {
      this.open.add(node);
      const built: YNode = isMap(node)
        ? { type: 'map', entries: this.entries(node.items, depth + 1), range }
        : { type: 'seq', items: node.items.map((item) => this.build(item, depth + 1)), range };
      this.open.delete(node);
      return built;
    }
    // The parser produces only the node types above; anything else reads as null.
    return nullAt(range);
  }

  /** Height and node count of a built tree; shared subtrees are measured once. */
  private sizeOf(tree: YNode): Size {
    const known = this.sizes.get(tree);
    if (known) return known;
    const children =
      tree.type === 'map' ? tree.entries.map((e) => e.value) : tree.type === 'seq' ? tree.items : [];
    const size = { height: 1, nodes: 1 };
    for (const child of children) {
      const { height, nodes } = this.sizeOf(child);
      size.height = Math.max(size.height, height + 1);
      size.nodes += nodes;
    }
    this.sizes.set(tree, size);
    return size;
  }

  private entries(pairs: readonly Pair<unknown, unknown>[], depth: number): YEntry[] {
    const entries: YEntry[] = [];
    const merges: YNode[] = [];
    for (const pair of pairs) {
      const keyRange = this.rangeOf(pair.key ?? pair.value);
      const value =
        pair.value === null
          ? nullAt({ ...keyRange, startLine: keyRange.endLine, startColumn: keyRange.endColumn })
          : this.build(pair.value, depth);
      if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
        merges.push(value);
        continue;
      }
      const key = this.keyText(pair.key, keyRange);
      if (key !== undefined) entries.push({ key, keyRange, value });
    }
    // `<<` merges: explicit keys win, then earlier sources over later ones (as go-yaml does).
    for (const merged of merges) {
      const maps = merged.type === 'seq' ? merged.items : [merged];
      if (maps.some((map) => map.type !== 'map')) {
        this.issues.error(merged.range, 'yaml-unsupported', say.badMerge);
        continue;
      }
      for (const map of maps) {
        for (const entry of map.type === 'map' ? map.entries : []) {
          if (!entries.some((e) => e.key === entry.key)) entries.push(entry);
        }
      }
    }
    return entries;
  }

  /** A key as go-yaml → JSON turns it into a string; collections cannot be keys. */
  private keyText(key: unknown, range: SourceRange): string | undefined {
    const node = isAlias(key) ? this.aliases.get(key) : key;
    if (isScalar(node)) return node.value === null ? 'null' : String(node.value);
    this.issues.error(range, 'yaml-unsupported', key === null ? say.missingKey : say.complexKey);
    return undefined;
  }

  private rangeOf(node: unknown): SourceRange {
    const range = isNode(node) ? node.range : undefined;
    return range ? this.toRange(range[0], range[1]) : this.toRange(0, 0);
  }
}

interface Size {
  height: number;
  nodes: number;
}

function nullAt(range: SourceRange): YScalar {
  return { type: 'scalar', value: null, source: '', range };
}
