/**
 * A reader for the Graphviz DOT language (https://graphviz.org/doc/info/lang.html), written from
 * its grammar and independent of our renderer, so tests can check that a DOT download is a real
 * digraph and read its nodes and edges back. It reads the whole grammar except ports and HTML
 * strings (which it rejects): comments, `strict`, quoted strings with `\"` and `+`, attribute
 * lists, `graph`/`node`/`edge` defaults, subgraphs and edge chains. It throws on anything else.
 */

export interface DotEdge {
  readonly from: string;
  readonly to: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface DotSubgraph {
  readonly id: string | undefined;
  /** Its own `label=…` statement or `graph [label=…]`, if any. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Node ids declared or used inside it (and inside subgraphs it contains). */
  readonly nodes: ReadonlySet<string>;
}

export interface DotGraph {
  readonly directed: boolean;
  readonly strict: boolean;
  readonly id: string | undefined;
  /** Every node, with the attributes set on it (node defaults included). */
  readonly nodes: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly edges: readonly DotEdge[];
  readonly subgraphs: readonly DotSubgraph[];
}

type Token = { kind: 'id'; text: string; keyword: boolean } | { kind: 'punct'; text: string };

const KEYWORDS = new Set(['strict', 'graph', 'digraph', 'node', 'edge', 'subgraph']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const atLineStart = () => i === 0 || source[i - 1] === '\n';
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) i++;
    else if (source.startsWith('//', i) || (c === '#' && atLineStart())) i = lineEnd(source, i);
    else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 2;
    } else if (source.startsWith('->', i) || source.startsWith('--', i)) {
      tokens.push({ kind: 'punct', text: source.slice(i, i + 2) });
      i += 2;
    } else if ('{}[]=;,:+'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '"') {
      const [text, next] = quoted(source, i);
      tokens.push({ kind: 'id', text, keyword: false });
      i = next;
    } else if (c === '<') throw new Error('HTML strings are not supported');
    else {
      const match = /^(?:[A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?))/.exec(source.slice(i));
      if (!match) throw new Error(`unexpected character ${JSON.stringify(c)} at offset ${i}`);
      const text = match[0];
      tokens.push({ kind: 'id', text, keyword: KEYWORDS.has(text.toLowerCase()) });
      i += text.length;
    }
  }
  return concatenate(tokens);
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf('\n', from);
  return end < 0 ? source.length : end;
}

/** A double-quoted string from `start`: only `\"` is unescaped; backslash-newline continues it. */
function quoted(source: string, start: number): [string, number] {
  let text = '';
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i]!;
    if (c === '"') return [text, i + 1];
    if (c === '\\' && source[i + 1] === '"') {
      text += '"';
      i++;
    } else if (c === '\\' && source[i + 1] === '\n') i++;
    else text += c;
  }
  throw new Error('unterminated string');
}

/** `"a" + "b"` is one string in DOT. */
function concatenate(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = out[out.length - 1];
    if (token.kind === 'punct' && token.text === '+') {
      const next = tokens[++i];
      if (previous?.kind !== 'id' || next?.kind !== 'id') throw new Error('"+" must join two strings');
      out[out.length - 1] = { kind: 'id', text: previous.text + next.text, keyword: false };
    } else out.push(token);
  }
  return out;
}

interface Scope {
  readonly nodeDefaults: Record<string, string>;
  readonly edgeDefaults: Record<string, string>;
  readonly attributes: Record<string, string>;
  readonly nodes: Set<string>;
}

/** Parses a DOT document; throws with a reason when it is not one. */
export function parseDot(source: string): DotGraph {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const isPunct = (text: string) => peek()?.kind === 'punct' && peek()!.text === text;
  const isKeyword = (text: string) => {
    const t = peek();
    return t?.kind === 'id' && t.keyword && t.text.toLowerCase() === text;
  };
  const expectPunct = (text: string) => {
    if (!isPunct(text)) throw new Error(`expected "${text}" at token ${at}, found ${JSON.stringify(peek()?.text ?? 'end')}`);
    at++;
  };
  const id = (): string => {
    const t = peek();
    if (t?.kind !== 'id' || t.keyword) throw new Error(`expected an ID at token ${at}, found ${JSON.stringify(t?.text ?? 'end')}`);
    at++;
    return t.text;
  };

  const strict = isKeyword('strict');
  if (strict) at++;
  let directed: boolean;
  if (isKeyword('digraph')) directed = true;
  else if (isKeyword('graph')) directed = false;
  else throw new Error('expected "graph" or "digraph"');
  at++;
  const graphId = peek()?.kind === 'id' && !(peek() as { keyword: boolean }).keyword ? id() : undefined;

  const nodes = new Map<string, Record<string, string>>();
  const edges: DotEdge[] = [];
  const subgraphs: DotSubgraph[] = [];

  const attrList = (): Record<string, string> => {
    const attributes: Record<string, string> = {};
    while (isPunct('[')) {
      at++;
      while (!isPunct(']')) {
        const key = id();
        expectPunct('=');
        attributes[key] = id();
        if (isPunct(';') || isPunct(',')) at++;
      }
      at++;
    }
    return attributes;
  };

  const useNode = (name: string, scopes: readonly Scope[], attributes: Record<string, string> = {}) => {
    if (isPunct(':')) throw new Error('ports are not supported');
    const scope = scopes[scopes.length - 1]!;
    nodes.set(name, { ...scope.nodeDefaults, ...nodes.get(name), ...attributes });
    for (const s of scopes) s.nodes.add(name);
  };

  /** A subgraph or a node id used as an edge end: the node ids it stands for. */
  const operand = (scopes: Scope[]): string[] => {
    if (isKeyword('subgraph') || isPunct('{')) return [...subgraph(scopes)];
    const name = id();
    useNode(name, scopes);
    return [name];
  };

  const subgraph = (scopes: Scope[]): ReadonlySet<string> => {
    let subId: string | undefined;
    if (isKeyword('subgraph')) {
      at++;
      if (peek()?.kind === 'id' && !(peek() as { keyword: boolean }).keyword) subId = id();
    }
    const outer = scopes[scopes.length - 1]!;
    const scope: Scope = {
      nodeDefaults: { ...outer.nodeDefaults },
      edgeDefaults: { ...outer.edgeDefaults },
      attributes: {},
      nodes: new Set(),
    };
    expectPunct('{');
    statements([...scopes, scope]);
    expectPunct('}');
    subgraphs.push({ id: subId, attributes: scope.attributes, nodes: scope.nodes });
    return scope.nodes;
  };

  const statement = (scopes: Scope[]) => {
    const scope = scopes[scopes.length - 1]!;
    for (const [keyword, target] of [
      ['graph', scope.attributes],
      ['node', scope.nodeDefaults],
      ['edge', scope.edgeDefaults],
    ] as const) {
      if (isKeyword(keyword)) {
        at++;
        if (!isPunct('[')) throw new Error(`expected "[" after "${keyword}"`);
        Object.assign(target, attrList());
        return;
      }
    }
    // `ID = ID` sets an attribute of the (sub)graph.
    if (peek()?.kind === 'id' && tokens[at + 1]?.kind === 'punct' && tokens[at + 1]!.text === '=') {
      const key = id();
      at++;
      scope.attributes[key] = id();
      return;
    }
    const chain = [operand(scopes)];
    while (isPunct('->') || isPunct('--')) {
      if ((peek()!.text === '->') !== directed) throw new Error(`"${peek()!.text}" in a ${directed ? 'digraph' : 'graph'}`);
      at++;
      chain.push(operand(scopes));
    }
    const attributes = attrList();
    if (chain.length === 1) {
      for (const name of chain[0]!) useNode(name, scopes, attributes);
      return;
    }
    for (let i = 1; i < chain.length; i++) {
      for (const from of chain[i - 1]!) {
        for (const to of chain[i]!) edges.push({ from, to, attributes: { ...scope.edgeDefaults, ...attributes } });
      }
    }
  };

  const statements = (scopes: Scope[]) => {
    while (peek() && !isPunct('}')) {
      statement(scopes);
      if (isPunct(';')) at++;
    }
  };

  const root: Scope = { nodeDefaults: {}, edgeDefaults: {}, attributes: {}, nodes: new Set() };
  expectPunct('{');
  statements([root]);
  expectPunct('}');
  if (at !== tokens.length) throw new Error('text after the closing "}"');
  return { directed, strict, id: graphId, nodes, edges, subgraphs };
}
