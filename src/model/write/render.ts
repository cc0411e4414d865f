/**
 * One `yaml` Document → the text of one kubectl-ready document. The package prints comments,
 * quoting styles, flow collections and blank lines as they were parsed; what it cannot know is
 * the author's layout choices, so they are read off the source: whether list items are indented
 * under their key, and whether flow collections are padded (`[ a ]` or `[a]`). A JSON document
 * (a flow mapping at the root) becomes block YAML, which is what people keep in repositories.
 */
import { isAlias, isCollection, visit, type Document, type Node } from 'yaml';

export function render(doc: Document, source: string): string {
  if (isCollection(doc.contents) && doc.contents.flow) toBlock(doc);
  // Documents are joined with `---` by the caller; an explicit end (`...`) would end the stream.
  if (doc.directives) doc.directives.docEnd = false;
  return doc.toString({
    directives: false,
    lineWidth: 0,
    indentSeq: indentsSequences(source),
    flowCollectionPadding: padsFlowCollections(source),
  });
}

/** Flow collections → block ones (empty ones stay `{}`/`[]`); JSON's quotes only where needed. */
function toBlock(doc: Document): void {
  visit(doc, {
    Collection: (_, collection) => {
      if (collection.items.length > 0) collection.flow = false;
    },
    Scalar: (_, scalar) => {
      if (scalar.type === 'QUOTE_DOUBLE') scalar.type = undefined;
    },
  });
}

/**
 * A key ending its line, then (after blank or comment lines) the first `- ` item under it: its
 * indentation says whether the author indents list items under their key.
 */
const KEY_THEN_ITEM = /^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*( *)- /m;

/** Whether list items are indented under their key (`key:\n  - a`); yes when the source has none. */
export function indentsSequences(source: string): boolean {
  const match = KEY_THEN_ITEM.exec(source);
  return match ? match[2]!.length > match[1]!.length : true;
}

/** The first non-empty flow collection that a value starts with: `[`/`{`, then a space or not. */
const FLOW_START = /(?:^|[:-])[ \t]+[[{]( ?)[^\s\]}]/m;

/** Whether flow collections are padded (`{ app: web }`); not when the source has none (JSON style). */
export function padsFlowCollections(source: string): boolean {
  return FLOW_START.exec(source)?.[1] === ' ';
}

/** Whether every alias in `node` refers to an anchor inside it, so it can be printed on its own. */
export function selfContained(node: Node): boolean {
  const anchors = new Set<string>();
  let contained = true;
  visit(node, {
    Node: (_, n) => {
      if (isAlias(n)) contained &&= anchors.has(n.source);
      else if (n.anchor) anchors.add(n.anchor);
    },
  });
  return contained;
}
