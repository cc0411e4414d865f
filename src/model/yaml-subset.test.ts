/**
 * The fast path (yaml-subset.ts) against the composer: on random texts, in the subset and just
 * outside it (errors, tabs, anchors, tags, block scalars, CRLF, typos), `readYaml` must give
 * exactly what `readYamlComposed` gives — values, ranges, diagnostics.
 */
import fc from 'fast-check';
import { Parser } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readYaml, readYamlComposed } from './yaml';
import { readSubset } from './yaml-subset';
import type { DocumentId } from './source';

const DOCUMENT = 7 as DocumentId;

/** Plain scalars of every YAML 1.1 type. */
const PLAIN = [
  'a', 'web-1', 'TCP', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'true', 'False', 'null', 'Null', '~', '0', '07', '08',
  '0x1F', '0b101', '-12', '+5', '1_000', '3.14', '.5', '1.', '1e3', '1.0e+3', '.inf', '-.Inf', '.NaN', '1:30',
  '2024-01-01', '2024-01-01T10:00:00Z', 'http://x:80/y', 'a#b', 'a b', 'a:b',
];
/** Texts outside the subset, or that the composer refuses or reads as something else. */
const ODD_PLAIN = [
  '@x', '`x', '%x', '<<', '!x', '!!str 1', '!!int a', '&x a', '*x', '|', '>-', 'a: b', '- a', '? a', '[a', ']', '}', '"',
  "'", '#',
];
const QUOTED = [
  '"a"', '""', "''", "'it''s'", '"yes"', '"<<"', '"esc \\"q\\" \\t \\u00e9 \\x41 \\U0001F600 \\/ \\\\"',
  '"\\N\\_\\L\\P\\0"', '"tab\there"', "'a\\b'",
];
const ODD_QUOTED = ['"bad \\q"', '"\\x4"', '"\\u12"', '"a\r"', "'x", '"x'];
/** Keys, with some that repeat or resolve alike (`1` and `01`: 1.1 octal). */
const KEYS = ['a', 'b', 'name', 'app', 'yes', 'on', '1', '01', '"1"', "'a'", '"<<"', '~', 'null', 'a b', '.5'];
const ODD_KEYS = ['<<', '? a', '[a]', '&k a', '!!str k'];
const SPACE = ['', ' ', '  '];
const COMMENT = ['', ' # c', '  #', '#x', ' # a: [b'];

/** Mostly from `usual`, sometimes from `odd`. */
const usually = (usual: readonly string[], odd: readonly string[]) =>
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });

type Tree =
  | { readonly kind: 'scalar'; readonly text: string }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, Tree])[] }
  | { readonly kind: 'seq'; readonly items: readonly Tree[] }
  | { readonly kind: 'flow'; readonly text: string };

const scalarArb: fc.Arbitrary<Tree> = fc
  .oneof({ weight: 4, arbitrary: usually(PLAIN, ODD_PLAIN) }, usually(QUOTED, ODD_QUOTED))
  .map((text) => ({ kind: 'scalar', text }));

const FLOW = [
  '[]', '{}', '[ ]', '{ }', '[a, b]', '[a, ]', '[a,b]', '{a: 1, b: [x, y]}', '[Ingress, Egress]', '{"a": 1, "b": "c"}',
  '[{"a": [1, 2]}]', '[\n  a,\n  b\n]', '{a: 1,\n  b: 2}', '[a, [b, {c: d}]]', '{a: }', '[a # c\n, b]',
];
const ODD_FLOW = [
  '[a, , b]', '{"a":#c\n 1}', '[a,#c\n b]', '[, a]', '[a b]', '{a: 1, a: 2}', '{a}', '[a: b]', '[a\n]', '[- a]', '{? a: b}',
  '[&x a, *x]', '[!!str 1]', '[a',
];
const flowArb: fc.Arbitrary<Tree> = usually(FLOW, ODD_FLOW).map((text) => ({ kind: 'flow', text }));

const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArb,
    flowArb,
    fc
      .array(fc.tuple(usually(KEYS, ODD_KEYS), tie('tree')), { minLength: 1, maxLength: 4 })
      .map((entries) => ({ kind: 'map' as const, entries })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
  ),
})).tree;

/** Layout choices drawn once per text: how much to indent, where comments and blank lines go. */
interface Style {
  readonly indent: number;
  readonly seqIndent: number;
  readonly space: string;
  readonly comment: string;
  readonly blank: boolean;
  readonly emptyValue: boolean;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(1, 2, 4),
  seqIndent: fc.constantFrom(0, 2),
  space: usually(SPACE, ['\t']),
  comment: fc.constantFrom(...COMMENT),
  blank: fc.boolean(),
  emptyValue: fc.boolean(),
});

/** Block style: `key: value` with nested collections on the lines below. */
function render(tree: Tree, at: number, style: Style): string[] {
  const pad = ' '.repeat(at);
  const inline = (t: Tree) => (t.kind === 'scalar' || t.kind === 'flow' ? t.text : undefined);
  if (tree.kind === 'scalar' || tree.kind === 'flow') return [`${pad}${tree.text}${style.comment}`];
  if (tree.kind === 'map') {
    return tree.entries.flatMap(([key, value], i) => {
      const lines = style.blank && i === 1 ? [''] : [];
      const text = inline(value);
      if (text !== undefined) {
        const empty = style.emptyValue && i === 0 && value.kind === 'scalar';
        lines.push(empty ? `${pad}${key}:${style.comment}` : `${pad}${key}: ${text}${style.space}${style.comment}`);
        return lines;
      }
      const nested = value.kind === 'seq' ? at + style.seqIndent : at + style.indent;
      return [...lines, `${pad}${key}:${style.comment}`, ...render(value, nested, style)];
    });
  }
  return tree.items.flatMap((item) => {
    const text = inline(item);
    if (text !== undefined) return [`${pad}- ${text}${style.comment}`];
    const [first = '', ...rest] = render(item, at + 2, style);
    return [`${pad}- ${first.trimStart()}`, ...rest];
  });
}

/** A text: documents, each a tree in a style, with markers, a trailing comment, CRLF sometimes. */
const textArb: fc.Arbitrary<string> = fc
  .record({
    docs: fc.array(fc.tuple(treeArb, styleArb), { minLength: 1, maxLength: 2 }),
    marker: fc.constantFrom('', '---\n', '--- # c\n', '--- '),
    trailer: fc.constantFrom('', '# end\n', '...\n', '\n\n'),
    crlf: fc.boolean(),
  })
  .map(({ docs, marker, trailer, crlf }) => {
    const text =
      docs.map(([tree, style]) => `${marker}${render(tree, 0, style).join('\n')}\n`).join('---\n') + trailer;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** Edits that make near misses: a character inserted or removed, a line moved, a comment line. */
type Edit = (lines: string[], at: number) => void;
const EDITS: readonly Edit[] = [
  ...['', ' ', '\t', ':', '-', '#', '"', "'", '[', '{', '&a ', '*a', '!t ', '? '].map(
    (insert): Edit =>
      (lines, at) => {
        const i = at % lines.length;
        const line = lines[i]!;
        const col = Math.floor(at / lines.length) % (line.length + 1);
        lines[i] = line.slice(0, col) + insert + line.slice(insert === '' ? col + 1 : col);
      },
  ),
  (lines, at) => void (lines[at % lines.length] = ` ${lines[at % lines.length]}`),
  (lines, at) => void (lines[at % lines.length] = lines[at % lines.length]!.replace(/^ /, '')),
  (lines, at) => void lines.splice(at % lines.length, 0, `${' '.repeat(at % 5)}# note`),
];

const typoArb: fc.Arbitrary<string> = fc
  .tuple(textArb, fc.array(fc.tuple(fc.constantFrom(...EDITS), fc.nat()), { minLength: 1, maxLength: 2 }))
  .map(([text, edits]) => {
    const lines = text.split('\n');
    for (const [edit, at] of edits) edit(lines, at);
    return lines.join('\n');
  });

/** Whether the fast path reads `text` (values aside: a merge key is the only one it refuses). */
function inSubset(text: string): boolean {
  const tokens = Array.from(new Parser().parse(text));
  const range = () => ({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  return readSubset(tokens, range, (t, atKey) => (atKey && t === '<<' ? undefined : t), 256) !== undefined;
}

/** One of each rule of the fast path (and of each way out of it), written out. */
const CASES = [
  'a:\n  b: 1\n c: 2\n', // a key out of line: the composer's BAD_INDENT
  'x:\n  a:\n    b: 1\n   c: 2\n',
  'a:\n  b: 1\n  # c\nd: 2\n', // a comment closing a nested mapping: not part of its range
  'a:\n  - 1\n  # c\nd: 2\n',
  'a:   \n  # c\nb:\n', // empty values, one with a comment
  '- \n- # c\n-\n- a\n',
  'a: 1\na: 2\n', // duplicate keys, also after resolving (1.1 octal)
  '1: a\n01: b\n',
  '<<: {a: 1}\nb: 2\n', // a merge key, and a quoted one that is not
  '"<<": 1\n',
  '? a\n: b\n', // an explicit key
  'a: b: c\n',
  '--- a: 1\n',
  '- a: 1\n   b: 2\n',
  'a:\t1\n',
  'a: @x\n',
  'a: x#c\nb: x #c\n',
  'a: "\\q"\nb: "\\x41\\u00e9"\n',
  "a: 'multi\n  line'\nb: plain\n  continued\nc: \"two\n  lines\"\n",
  'a: |\n  text\n  more\nb: >-\n  folded\n  text\n',
  '|\ntext at the root\n',
  '[a, , b]\n',
  '[a, b, ]\n',
  '{"a":#c\n 1}\n',
  '{a: 1, b}\n',
  '[a: b]\n',
  '# only a comment\n',
  'a:\r\n  b: 1\r\n',
  `${'k'.repeat(1030)}: 1\n`,
  'a: [b, c] #x\nd: {e: f}   # y\n',
];

describe('the fast path of readYaml', () => {
  it.each(CASES)('reads %j as the composer does', (text) => {
    expect(readYaml(text, DOCUMENT)).toEqual(readYamlComposed(text, DOCUMENT));
  });

  it('reads what the composer reads, exactly', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, typoArb), (text) => {
        expect(readYaml(text, DOCUMENT)).toEqual(readYamlComposed(text, DOCUMENT));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes most generated texts, so the comparison above is not vacuous', () => {
    const texts = fc.sample(textArb, { numRuns: 500, seed: 1 });
    expect(texts.filter(inSubset).length).toBeGreaterThan(texts.length / 4);
  });

  it('reads manifests as written by hand and by kubectl', () => {
    const manifest = [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: "api"  # quoted',
      '  annotations:',
      "    note: 'it''s \"fine\"'",
      '    kubectl.kubernetes.io/last-applied-configuration: |',
      '      {"kind":"NetworkPolicy"}',
      'spec:',
      '  podSelector: {}',
      '  policyTypes: [Ingress]',
      '  ingress:',
      '  - from:',
      '    - podSelector:',
      '        matchLabels: {app: web}',
      '    ports:',
      '    - port: 8080',
      '      protocol:',
      '',
    ].join('\n');
    expect(inSubset(manifest)).toBe(true);
    expect(readYaml(manifest, DOCUMENT)).toEqual(readYamlComposed(manifest, DOCUMENT));
  });
});
