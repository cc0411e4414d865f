/**
 * The only file that touches the `yaml` package: parses one document's text into plain trees
 * (tree.ts) with 1-based, end-exclusive ranges, resolving aliases and `<<` merge keys.
 *
 * Scalars resolve as YAML 1.1 because kubectl reads manifests with go-yaml v2: `yes`/`on` are
 * booleans and `0755` is octal. As in go-yaml v2, timestamps and base-60 numbers stay strings.
 */
import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  visit,
  type Document,
  type DocumentOptions,
  type Pair,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import type { Diagnostic, SourceRange } from './source';
import type { YEntry, YNode, YScalar } from './tree';
import { Issues } from './issues';
import { MAX_ALIAS_COUNT, MAX_NESTING, nestingBound } from './limits';
import { leftOut, say } from './messages';

export interface YamlRead {
  /** The root node of each non-empty document that parsed cleanly. */
  readonly roots: readonly YNode[];
  readonly diagnostics: readonly Diagnostic[];
}

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  prettyErrors: false,
  // The 1.1 schema hands its tags over as objects; named ones (strings) are kept as they are.
  customTags: (tags) =>
    tags.filter(
      (tag) =>
        typeof tag === 'string' || (tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME'),
    ),
};

/** Parses `text` (normally one document, see splitDocuments); ranges are relative to it. */
export function readYaml(text: string): YamlRead {
  const lines = new LineCounter();
  const toRange = rangeMaker(text, lines);
  const diagnostics: Diagnostic[] = [];
  const roots: YNode[] = [];
  if (nestingBound(text) > MAX_NESTING) {
    const issues = new Issues();
    issues.error(toRange(0, 0), 'yaml-limit', say.tooDeep(MAX_NESTING));
    return { roots, diagnostics: issues.collect(leftOut.document) };
  }
  for (const doc of parseAllDocuments(text, { ...OPTIONS, lineCounter: lines })) {
    const issues = new Issues();
    for (const e of doc.errors) issues.error(toRange(...e.pos), 'yaml-syntax', e.message);
    for (const w of doc.warnings) issues.warning(toRange(...w.pos), 'yaml-warning', w.message);
    // A document with nothing in it (`---` and comments) is skipped, as kubectl does.
    const empty =
      doc.contents === null ||
      (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.source);
    if (!issues.hasErrors && !empty) {
      checkAliases(doc, issues, toRange);
      if (!issues.hasErrors) {
        const root = new TreeBuilder(doc, toRange, issues).build(doc.contents, 0);
        if (!issues.hasErrors) roots.push(root);
      }
    }
    diagnostics.push(...issues.collect(leftOut.document));
  }
  return { roots, diagnostics };
}

type ToRange = (start: number, end: number) => SourceRange;

/**
 * Offsets → Monaco-style range, trimmed of trailing whitespace. A position past the last
 * character (an error "at the end") moves onto it, so it stays inside its document; an empty
 * range gets one character (the one before it when it sits on whitespace, e.g. the `-` of an
 * empty list item), so editors can show it.
 */
function rangeMaker(text: string, lines: LineCounter): ToRange {
  const contentEnd = text.trimEnd().length;
  const isSpace = (offset: number): boolean => /\s/.test(text[offset] ?? '');
  const make = (start: number, end: number): SourceRange => {
    const from = lines.linePos(start);
    const to = lines.linePos(end);
    return { startLine: from.line, startColumn: from.col, endLine: to.line, endColumn: to.col };
  };
  return (start, end) => {
    const from = Math.max(0, Math.min(start, contentEnd - 1));
    let to = Math.min(end, contentEnd);
    while (to > from && isSpace(to - 1)) to--;
    if (to > from) return make(from, to);
    const back = from > 0 && isSpace(from) && text[from - 1] !== '\n';
    return back ? make(from - 1, from) : make(from, from + 1);
  };
}

/**
 * Runs the `yaml` package's alias-bomb guard when the document has aliases, all of them resolved
 * (the tree builder reports unknown ones).
 */
function checkAliases(doc: Document.Parsed, issues: Issues, toRange: ToRange): void {
  let hasAliases = false;
  let unresolved = false;
  visit(doc, {
    Alias: (_, alias) => {
      hasAliases = true;
      unresolved ||= alias.resolve(doc) === undefined;
    },
  });
  if (!hasAliases || unresolved) return;
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
      bomb ? say.aliasBomb(MAX_ALIAS_COUNT) : message,
    );
  }
}

/** Converts `yaml` nodes into tree.ts nodes; problems go to `issues` (and reject the document). */
class TreeBuilder {
  /** Collections being built: an alias to one of them would be infinite. */
  private readonly open = new Set<unknown>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly toRange: ToRange,
    private readonly issues: Issues,
  ) {}

  build(node: unknown, depth: number): YNode {
    const range = this.rangeOf(node);
    if (depth > MAX_NESTING) {
      this.issues.error(range, 'yaml-limit', say.tooDeep(MAX_NESTING));
      return nullAt(range);
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (target === undefined) {
        this.issues.error(range, 'yaml-syntax', say.unknownAlias(node.source));
        return nullAt(range);
      }
      if (this.open.has(target)) {
        this.issues.error(range, 'yaml-limit', say.aliasLoop(node.source));
        return nullAt(range);
      }
      // Point at the alias, where the value is used, rather than at its anchor.
      return { ...this.build(target, depth), range };
    }
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
    const node = isAlias(key) ? key.resolve(this.doc) : key;
    if (isScalar(node)) return node.value === null ? 'null' : String(node.value);
    this.issues.error(range, 'yaml-unsupported', key === null ? say.missingKey : say.complexKey);
    return undefined;
  }

  private rangeOf(node: unknown): SourceRange {
    const range = isNode(node) ? node.range : undefined;
    return range ? this.toRange(range[0], range[1]) : this.toRange(0, 0);
  }
}

function nullAt(range: SourceRange): YScalar {
  return { type: 'scalar', value: null, source: '', range };
}
