/**
 * The fast path of reading YAML: builds tree.ts nodes straight from the parser's syntax tree (CST)
 * for documents written in the subset of YAML that manifests use — block and flow collections,
 * scalars, comments: no anchors, aliases, tags or directives — skipping the `yaml` package's
 * composer and its node classes, which take about as long as the parser itself.
 *
 * It gives exactly what the composer and yaml.ts's TreeBuilder give: the same values (plain
 * scalars resolved by the same YAML 1.1 tags, through `ResolvePlain`), the same ranges (each
 * step below mirrors the composer function named beside it), no diagnostics. Anything outside
 * the subset (also explicit keys, tabs in indentation, comments inside flow collections) and
 * anything the composer would report (a duplicate key, a missing `:`, misaligned items, a bad
 * escape, …) makes it give up on the whole text, and the composer reads it.
 * `yaml.test.ts` checks on random texts that both paths agree.
 */
import { CST } from 'yaml';
import type { ToRange } from './ranges';
import type { YEntry, YNode, YScalar } from './tree';

export type ScalarValue = YScalar['value'];

/**
 * A plain scalar's value as the composer resolves it (`atKey`: in a key, where `<<` is a merge);
 * `undefined` when it is not a JSON value (a merge key) or resolving it reports a problem.
 */
export type ResolvePlain = (text: string, atKey: boolean) => ScalarValue | undefined;

/** Thrown inside the reader when the text leaves the subset; caught at its entry. */
const OUTSIDE = Symbol('outside the subset');

/**
 * The root node of each document of `tokens` (the parser's output for one text, already checked
 * for nesting), or `undefined` when the composer must read them.
 */
export function readSubset(
  tokens: readonly CST.Token[],
  toRange: ToRange,
  resolve: ResolvePlain,
  maxDepth: number,
): YNode[] | undefined {
  try {
    return new SubsetReader(toRange, resolve, maxDepth).stream(tokens);
  } catch (thrown) {
    if (thrown === OUTSIDE) return undefined;
    throw thrown;
  }
}

function outside(): never {
  throw OUTSIDE;
}

/** What resolveProps finds in the tokens before a node (anchors and tags are outside the subset). */
interface Props {
  readonly found: CST.SourceToken | undefined;
  readonly hasNewline: boolean;
  readonly hasComment: boolean;
  readonly comma: boolean;
  readonly end: number;
}

type FlowScalar = CST.FlowScalar;

/** What a plain scalar may not start with (plainValue's errors). */
const BAD_PLAIN_START: ReadonlySet<string> = new Set(['\t', ',', '%', '|', '>', '@', '`']);

function isFlowScalar(token: CST.Token): token is FlowScalar {
  return token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

class SubsetReader {
  /** Where the last node read ends, comments and line break after it included (range[2]). */
  private nodeEnd = 0;

  constructor(
    private readonly toRange: ToRange,
    private readonly resolve: ResolvePlain,
    private readonly maxDepth: number,
  ) {}

  /** Composer.next: documents, and the comments and blank lines between them. */
  stream(tokens: readonly CST.Token[]): YNode[] {
    const roots: YNode[] = [];
    for (const token of tokens) {
      if (token.type === 'document') {
        const root = this.document(token);
        // An empty document (nothing, or a null scalar written as nothing) is skipped, as readYaml does.
        if (root && !(root.type === 'scalar' && root.value === null && root.source === '')) roots.push(root);
      } else if (token.type !== 'comment' && token.type !== 'newline' && token.type !== 'space') {
        outside();
      }
    }
    return roots;
  }

  /** composeDoc; `undefined` for a document with nothing in it (comments at most). */
  private document({ offset, start, value, end }: CST.Document): YNode | undefined {
    const props = this.props(start, 'doc-start', true, offset);
    if (!value) {
      this.end(end, props.end, false);
      return undefined;
    }
    if (props.found && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline) outside();
    const root = this.node(value, 0);
    this.end(end, this.nodeEnd, false);
    return root;
  }

  /** composeNode, for the tokens of the subset. */
  private node(token: CST.Token, depth: number): YNode {
    if (depth > this.maxDepth) outside();
    switch (token.type) {
      case 'block-map':
        return this.blockMap(token, depth);
      case 'block-seq':
        return this.blockSeq(token, depth);
      case 'flow-collection':
        return this.flowCollection(token, depth);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        // A block scalar at the root: `resolveAsScalar` knows no root, so reports an unindented
        // one that the composer accepts there, and the composer reads it.
        return this.scalar(token, false);
      default:
        return outside();
    }
  }

  /** resolveBlockMap. */
  private blockMap(map: CST.BlockMap, depth: number): YNode {
    const entries: YEntry[] = [];
    let offset = map.offset;
    let commentEnd: number | null = null;
    for (const { start, key, sep, value } of map.items) {
      const keyProps = this.props(start, 'explicit-key-ind', true, offset);
      if (keyProps.found) outside();
      if (!sep) {
        // A comment line after the last entry.
        if (key) outside();
        commentEnd = keyProps.end;
        continue;
      }
      if (!key || !isFlowScalar(key) || key.indent !== map.indent || containsNewline(key)) outside();
      const keyNode = this.scalar(key, true);
      const valueProps = this.props(sep, 'map-value-ind', false, this.nodeEnd);
      const found = valueProps.found ?? outside();
      if (value?.type === 'block-map' && !valueProps.hasNewline) outside();
      // An implicit key ends at most 1024 characters before its `:` (the composer's strict mode).
      if (keyProps.end < found.offset - 1024) outside();
      const valueNode = value
        ? this.node(value, depth + 1)
        : this.empty(valueProps.end, sep, valueProps);
      offset = this.nodeEnd;
      entries.push(this.entry(entries, keyNode, valueNode));
    }
    if (commentEnd && commentEnd < offset) outside();
    this.nodeEnd = commentEnd ?? offset;
    return { type: 'map', entries, range: this.toRange(map.offset, offset) };
  }

  /** resolveBlockSeq. */
  private blockSeq(seq: CST.BlockSequence, depth: number): YNode {
    const items: YNode[] = [];
    let offset = seq.offset;
    let commentEnd: number | null = null;
    for (const { start, value } of seq.items) {
      const props = this.props(start, 'seq-item-ind', true, offset);
      if (!props.found) {
        if (value) outside();
        commentEnd = props.end;
        continue;
      }
      items.push(value ? this.node(value, depth + 1) : this.empty(props.end, start, props));
      offset = this.nodeEnd;
    }
    this.nodeEnd = commentEnd ?? offset;
    return { type: 'seq', items, range: this.toRange(seq.offset, offset) };
  }

  /**
   * resolveFlowCollection, for `[a, b]`, `{a: 1, b: 2}` and the empty ones: items separated by
   * commas, no comments inside, no pairs in a sequence, no empty item but a trailing one.
   */
  private flowCollection(flow: CST.FlowCollection, depth: number): YNode {
    const isMap = flow.start.source === '{';
    const entries: YEntry[] = [];
    const items: YNode[] = [];
    let offset = flow.offset + flow.start.source.length;
    for (const [i, { start, key, sep, value }] of flow.items.entries()) {
      const props = this.props(start, 'explicit-key-ind', false, offset, true);
      if (props.found || props.hasComment) outside();
      if (!sep && !value) {
        // What comes after a trailing comma, or before the closing bracket on its own line.
        if (key || (i === 0 && props.comma) || i < flow.items.length - 1) outside();
        offset = props.end;
        continue;
      }
      if (props.comma !== i > 0) outside();
      if (value && (value.type === 'block-map' || value.type === 'block-seq')) outside();
      if (!isMap) {
        if (sep || key || !value) outside();
        items.push(this.node(value, depth + 1));
      } else {
        if (!key || !isFlowScalar(key)) outside();
        const keyNode = this.scalar(key, true);
        const valueProps = this.props(sep ?? [], 'map-value-ind', false, this.nodeEnd, true);
        if (!valueProps.found) outside();
        const valueNode = value ? this.node(value, depth + 1) : this.empty(valueProps.end, sep, valueProps);
        entries.push(this.entry(entries, keyNode, valueNode));
      }
      offset = this.nodeEnd;
    }
    const [close, ...after] = flow.end;
    if (close?.source !== (isMap ? '}' : ']')) outside();
    const closeEnd = close.offset + close.source.length;
    this.nodeEnd = after.length > 0 ? this.end(after, closeEnd, true) : closeEnd;
    const range = this.toRange(flow.offset, closeEnd);
    return isMap ? { type: 'map', entries, range } : { type: 'seq', items, range };
  }

  /** A map entry, as TreeBuilder.entries makes it; a key seen before is the composer's error. */
  private entry(entries: readonly YEntry[], keyNode: YScalar, value: YNode): YEntry {
    const key = keyNode.value === null ? 'null' : String(keyNode.value);
    if (entries.some((e) => e.key === key)) outside();
    return { key, keyRange: keyNode.range, value };
  }

  /**
   * composeScalar without a tag: the text as resolveFlowScalar or resolveBlockScalar gives it (the
   * package exports them as `CST.resolveAsScalar`), a plain one then resolved by the schema.
   */
  private scalar(token: CST.FlowScalar | CST.BlockScalar, atKey: boolean): YScalar {
    const { offset, source } = token;
    let text: string;
    let valueEnd: number;
    if (token.type === 'scalar' && !source.includes('\n')) {
      // The common case, inline: a one-line plain scalar is its own text (plainValue).
      if (BAD_PLAIN_START.has(source[0] ?? '')) outside();
      text = source;
      valueEnd = offset + source.length;
      this.nodeEnd = this.end(token.end, valueEnd, true);
    } else {
      let problem = false;
      const resolved = CST.resolveAsScalar(token, true, () => (problem = true));
      if (!resolved || problem) outside();
      text = resolved.value;
      valueEnd = resolved.range[1];
      this.nodeEnd = resolved.range[2];
    }
    const value = token.type === 'scalar' ? this.resolve(text, atKey) : text;
    if (value === undefined) outside();
    return { type: 'scalar', value, source: text, range: this.toRange(offset, valueEnd) };
  }

  /** composeEmptyNode: a value written as nothing, placed by emptyScalarPosition. */
  private empty(offset: number, before: readonly CST.SourceToken[] | undefined, props: Props): YScalar {
    const at = emptyScalarPosition(offset, before);
    const value = this.resolve('', false);
    if (value === undefined) outside();
    this.nodeEnd = props.hasComment ? props.end : at;
    return { type: 'scalar', value, source: '', range: this.toRange(at, at) };
  }

  /**
   * resolveProps without anchors and tags, which are outside the subset, as are tabs (the
   * composer rejects some as indentation). `flow`: inside a flow collection, where a comma may
   * come first.
   */
  private props(
    tokens: readonly CST.SourceToken[],
    indicator: CST.SourceToken['type'],
    startOnNewline: boolean,
    offset: number,
    flow = false,
  ): Props {
    let hasSpace = startOnNewline;
    let hasNewline = false;
    let hasComment = false;
    let comma = false;
    let found: CST.SourceToken | undefined;
    for (const token of tokens) {
      if (token.type === indicator) {
        if (found) outside();
        found = token;
        hasSpace = false;
        continue;
      }
      switch (token.type) {
        case 'space':
          if (token.source.includes('\t')) outside();
          hasSpace = true;
          break;
        case 'comment':
          if (!hasSpace) outside();
          hasComment = true;
          break;
        case 'newline':
          hasNewline = true;
          hasSpace = true;
          break;
        case 'comma':
          if (!flow || comma) outside();
          comma = true;
          hasSpace = false;
          break;
        default:
          outside();
      }
    }
    const last = tokens.at(-1);
    const end = last ? last.offset + last.source.length : offset;
    return { found, hasNewline, hasComment, comma, end };
  }

  /** resolveEnd: what may follow a node on its line; where that ends. */
  private end(tokens: readonly CST.SourceToken[] | undefined, offset: number, requireSpace: boolean): number {
    let end = offset;
    let hasSpace = false;
    for (const token of tokens ?? []) {
      if (token.type === 'space' || token.type === 'newline') hasSpace = true;
      else if (token.type !== 'comment' || (requireSpace && !hasSpace)) outside();
      end += token.source.length;
    }
    return end;
  }
}

/** util-contains-newline, for a flow scalar key. */
function containsNewline(key: FlowScalar): boolean {
  return key.source.includes('\n') || (key.end ?? []).some((token) => token.type === 'newline');
}

/** util-empty-scalar-position: after the indicator and the spaces that follow it. */
function emptyScalarPosition(offset: number, before: readonly CST.SourceToken[] | undefined): number {
  if (!before) return offset;
  let at = offset;
  for (let i = before.length - 1; i >= 0; --i) {
    const token = before[i]!;
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      at -= token.source.length;
      continue;
    }
    for (let next = before[++i]; next?.type === 'space'; next = before[++i]) at += next.source.length;
    break;
  }
  return at;
}
