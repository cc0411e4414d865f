import fc from 'fast-check';
import { parseDocument as parseYamlDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from './limits';
import { mayNestDeeperThan, nestingBound } from './nesting';
import { parseManifests } from './index';
import { readYaml as readYamlIn } from './yaml';
import type { DocumentId } from './source';

const readYaml = (text: string) => readYamlIn(text, 0 as DocumentId);

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: main
    image: nginx
`;

const parse = (text: string) => parseManifests([{ file: 'f', text }]);
const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.severity} ${d.code}`);

/** How deeply the `yaml` package nests collections in `text` (what it recurses on). */
function yamlDepth(text: string): number {
  const depth = (value: unknown): number =>
    typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
  return depth(parseYamlDocument(text, { version: '1.1' }).toJS());
}

/** `depth` block mappings, each indented one column more than its parent. */
const deepBlockMaps = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n');

describe('nesting limit', () => {
  it('ignores whitespace-only lines, however long', () => {
    const text = POD.replace('spec:\n', `spec:\n${' '.repeat(300)}\n`);
    expect(codes(text)).toEqual([]);
    expect(parse(text).resources.workloads.map((w) => w.name)).toEqual(['web']);
  });

  it('ignores the indentation inside block scalars', () => {
    const staircase = Array.from({ length: 400 }, (_, i) => `${' '.repeat(6 + i)}line ${i}`).join('\n');
    for (const header of ['|', '>-', '|+2']) {
      const text = POD.replace(
        '  name: web\n',
        `  name: web\n  annotations:\n    notes: ${header}\n${staircase}\n`,
      );
      expect(codes(text), header).toEqual([]);
    }
    // Also under a compact `- key: |` and a bare `- |`.
    const list = `a:\n- b: |\n${staircase}\n  c: 1\n- |\n${staircase}\n`;
    expect(readYaml(list).diagnostics).toEqual([]);
  });

  it('counts levels of indentation, not columns', () => {
    const wide = ['a:', `${' '.repeat(100)}b:`, `${' '.repeat(200)}c:`, `${' '.repeat(300)}d: 1`].join('\n');
    expect(nestingBound(wide).depth).toBeLessThanOrEqual(5);
    expect(readYaml(wide).diagnostics).toEqual([]);
  });

  it('ignores brackets inside quoted strings and comments', () => {
    const open = '['.repeat(300);
    const text = POD.replace(
      '    image: nginx\n',
      [
        `    image: nginx # ${open}`,
        `    command: ["sh", "-c", "echo ${open}{{{ \\" ${open}"]`,
        `    args: ['it''s ${open}', '${'{'.repeat(300)}']`,
        `    workingDir: "/tmp/${open}`,
        `      ${open} continued"`,
        '',
      ].join('\n'),
    );
    expect(codes(text)).toEqual([]);
  });

  it('still refuses deep nesting before the yaml package recurses on it', () => {
    const deep = [
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      `${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`,
      `${'- '.repeat(3000)}x`,
      deepBlockMaps(3000),
      // A block sequence at the same column as its parent's key nests without extra indentation.
      Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- a:`).join('\n'),
      `a: "[[[["\nb: ${'['.repeat(300)}`,
    ];
    for (const text of deep) {
      expect(nestingBound(text).depth, text.slice(0, 40)).toBeGreaterThan(MAX_NESTING);
      expect(readYaml(text).diagnostics.map((d) => d.code)).toEqual(['yaml-limit']);
    }
  });

  it('measures the parsed syntax tree exactly, for syntax errors the quick scan misreads', () => {
    // The scan takes the `"` and `'` for quotes that hide the `{`; the parser nests a map per line.
    const garbage = `k: k: "\n'\n{'`.repeat(400);
    expect(nestingBound(garbage).depth).toBeLessThanOrEqual(MAX_NESTING);
    const [tooDeep, ...others] = readYaml(garbage).diagnostics;
    expect(others).toEqual([]);
    expect(tooDeep?.code).toBe('yaml-limit');
    expect(tooDeep?.message).toContain(`nesting is deeper than ${MAX_NESTING} levels`);
    expect(tooDeep?.location.range.startLine).toBeGreaterThan(MAX_NESTING);
  });

  it('reports where the limit is passed, with 1-based positions', () => {
    const [tooDeep] = readYaml(`a: 1\nb: ${'['.repeat(300)}`).diagnostics;
    expect(tooDeep?.message).toContain(`nesting is deeper than ${MAX_NESTING} levels`);
    const { startLine, startColumn } = tooDeep?.location.range ?? { startLine: 0, startColumn: 0 };
    expect(startLine).toBe(2);
    // `b` is one level, so the limit is passed at the 256th bracket (column 4 + 255).
    expect(startColumn).toBe(3 + MAX_NESTING);
    const [block] = readYaml(deepBlockMaps(400)).diagnostics;
    expect(block?.location.range.startLine).toBeGreaterThanOrEqual(MAX_NESTING);
    expect(block?.location.range.startColumn).toBeGreaterThanOrEqual(1);
  });

  it('never underestimates what the yaml package nests (random documents)', () => {
    const leaf = fc.oneof(
      fc.string({
        unit: fc.constantFrom('a', ' ', '[', ']', '{', '}', '"', "'", '#', ':', '-', '|', '\n', '\\'),
      }),
      fc.integer(),
      fc.constant(null),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 3 }),
      map: fc.dictionary(fc.constantFrom('a', 'b', 'k: x', '- y'), tie('value'), { maxKeys: 3 }),
    }));
    const style = fc.record({
      indent: fc.integer({ min: 1, max: 6 }),
      indentSeq: fc.boolean(),
      flow: fc.boolean(),
    });
    fc.assert(
      fc.property(value, style, (v, { indent, indentSeq, flow }) => {
        const texts = [
          stringify(v, { indent, indentSeq, collectionStyle: flow ? 'flow' : 'block', version: '1.1' }),
          JSON.stringify(v, null, indent),
        ];
        for (const text of texts) {
          const actual = yamlDepth(text);
          const bound = nestingBound(text).depth;
          expect(bound, text).toBeGreaterThanOrEqual(actual);
          // …and stays close to it: two counted levels per real level at most.
          expect(bound, text).toBeLessThanOrEqual(2 * actual + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is skipped only where it could not pass the limit', () => {
    // Staircases of indicators, which nest as deep as a text of their width can, and quoted
    // scalars across lines, where indicators after a closing quote add up from line to line.
    const line = fc.tuple(
      fc.nat({ max: 12 }),
      fc.array(
        fc.constantFrom(
          ...['- ', '? ', ': ', '-\t', '?\t', 'a:', 'a: ', '"a": ', "'a' :", '"a" :b', 'a', '-', '"', "'"],
          ...['[', '{', ']', '}', ', ', ',', 'a:b', '"a":1', '[- ', '{? ', '[a: b: c'],
        ),
        { maxLength: 6 },
      ),
      fc.constantFrom('', '\r'),
    );
    const text = fc
      .array(line, { maxLength: 16 })
      .map((lines) => lines.map(([indent, tokens, end]) => `${' '.repeat(indent)}${tokens.join('')}${end}`).join('\n'));
    fc.assert(
      fc.property(text, (t) => {
        // The deepest limit the scan passes: the gate must not skip it.
        expect(mayNestDeeperThan(t, nestingBound(t).depth - 1), JSON.stringify(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(mayNestDeeperThan(`${POD}    args: [a, {b: c}]\n`, MAX_NESTING)).toBe(false);
    expect(mayNestDeeperThan(`${POD}    args: ${'['.repeat(MAX_NESTING)}\n`, MAX_NESTING)).toBe(true);
  });

  it('counts the indicators after closing quotes, which nest deeper than any width', () => {
    // A quoted scalar closed and reopened on lines indented one more each time: what follows
    // the closing quote adds up, far past twice the width.
    const staircase = (body: string) =>
      ['a: "x', ...Array.from({ length: 18 }, (_, k) => `${' '.repeat(k + 2)}"${body}"`)].join('\n');
    const bodies = [
      ' : - - - - - - - - - - - ',
      ' : ? ? ? ? ? ? ? ? ? ? ? ',
      ' :\t-\t-\t-\t-\t-\t-\t-\t-\t',
      ':":":":":":":":":":":":":',
    ];
    for (const body of bodies) {
      const text = staircase(body);
      const { depth } = nestingBound(text);
      expect(depth, body).toBeGreaterThan(2 * Math.max(...text.split('\n').map((l) => l.length)));
      expect(mayNestDeeperThan(text, depth - 1), body).toBe(true);
    }
  });

  it('counts what opens inside flow collections: brackets, any `:`, two levels for a `-` or `?`', () => {
    const inFlow = (open: string, line: string, close: string) =>
      [`a: ${open}`, ...Array.from({ length: 12 }, () => `  ${line}`), close].join('\n');
    const texts = [
      inFlow('[', '- - - - - - - - - - - -', ']'),
      inFlow('[', '? ? ? ? ? ? ? ? ? ? ? ?', ']'),
      inFlow('{', 'x: y: z: w: v: u: t: s: r:', '}'),
      inFlow('[', '::::::::::::::::::::', ']'),
      inFlow('[', '[[[[[[[[[[[[[[[[[[[[', ']'),
    ];
    for (const text of texts) {
      const { depth } = nestingBound(text);
      expect(depth, text).toBeGreaterThan(2 * Math.max(...text.split('\n').map((l) => l.length)));
      expect(mayNestDeeperThan(text, depth - 1), text).toBe(true);
    }
  });

  it('takes linear time', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${' '.repeat(i % 40)}k${i}: "v [ { ' # ${i}"`);
    const started = performance.now();
    nestingBound(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('alias limit', () => {
  const rules = (count: number) => Array.from({ length: count }, () => '  - from: [*peer]').join('\n');
  const policy = (count: number) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: reuse}
spec:
  podSelector: {}
  ingress:
  - from: [&peer {podSelector: {}}]
${rules(count)}
`;

  it('accepts ordinary reuse: one peer aliased in 150 rules', () => {
    const result = parse(policy(150));
    expect(result.diagnostics).toEqual([]);
    expect(result.resources.policies[0]?.ingress).toHaveLength(151);
  });

  it('refuses a billion laughs (9 levels of 9 aliases) with the alias-bomb diagnostic', () => {
    const levels = 'abcdefghi'.split('');
    const text = levels
      .map((name, i) =>
        i === 0
          ? `${name}: &${name} [${Array(9).fill('lol').join(',')}]`
          : `${name}: &${name} [${Array(9)
              .fill(`*${levels[i - 1]}`)
              .join(',')}]`,
      )
      .join('\n');
    const { diagnostics } = readYaml(text);
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'yaml-limit']]);
    expect(diagnostics[0]?.message).toMatch(/^aliases expand too much .*: this looks like an alias bomb/);
  });

  it('refuses a wide expansion: thousands of aliases to a large anchor', () => {
    const big = `big: &big [${Array(2000).fill('x').join(',')}]`;
    const text = `${big}\nuses: [${Array(5000).fill('*big').join(',')}]\n`;
    const started = performance.now();
    const { diagnostics } = readYaml(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-limit']);
    expect(diagnostics[0]?.message).toContain('alias bomb');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
