import { describe, expect, it } from 'vitest';
import { readYaml } from './yaml';
import type { DocumentId } from './source';
import type { YMap, YNode } from './tree';

const DOCUMENT = 0 as DocumentId;

function root(text: string): YMap {
  const { roots, diagnostics } = readYaml(text, DOCUMENT);
  expect(diagnostics).toEqual([]);
  const [first] = roots;
  if (first?.type !== 'map') throw new Error('expected one mapping');
  return first;
}

function value(map: YMap, key: string): YNode | undefined {
  return map.entries.find((e) => e.key === key)?.value;
}

const codes = (text: string) => readYaml(text, DOCUMENT).diagnostics.map((d) => `${d.severity} ${d.code}`);

describe('readYaml', () => {
  it('gives 1-based, end-exclusive ranges without trailing whitespace or newlines', () => {
    const map = root('kind: Pod   \nmetadata:\n  name: web\n\n');
    expect(value(map, 'kind')?.range).toEqual({ startLine: 1, startColumn: 7, endLine: 1, endColumn: 10 });
    expect(map.entries[1]?.keyRange).toEqual({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 9 });
    expect(value(map, 'metadata')?.range).toEqual({
      startLine: 3,
      startColumn: 3,
      endLine: 3,
      endColumn: 12,
    });
  });

  it('resolves scalars as YAML 1.1, like kubectl, but keeps timestamps and base-60 as strings', () => {
    const map = root('a: yes\nb: on\nc: 0755\nd: 2024-01-01\ne: 1:30\nf: "yes"\ng: 1.0\nh:\n');
    const values = map.entries.map((e) => (e.value.type === 'scalar' ? e.value.value : e.value.type));
    expect(values).toEqual([true, true, 493, '2024-01-01', '1:30', 'yes', 1, null]);
  });

  it('resolves aliases (pointing at the alias) and << merge keys (explicit keys win)', () => {
    const map = root('base: &b {app: web, tier: x}\nsel:\n  <<: *b\n  tier: z\nref: *b\n');
    const sel = value(map, 'sel');
    expect(
      sel?.type === 'map' && sel.entries.map((e) => [e.key, e.value.type === 'scalar' && e.value.value]),
    ).toEqual([
      ['tier', 'z'],
      ['app', 'web'],
    ]);
    expect(value(map, 'ref')?.range.startLine).toBe(5);
  });

  it('reports a syntax error inside its document and keeps the other documents', () => {
    const { roots, diagnostics } = readYaml('a: [1\n---\nb: 2\n', DOCUMENT);
    expect(roots).toHaveLength(1);
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(diagnostics[0]?.message).toContain('left out of the evaluation');
  });

  it('reports at most five syntax errors per document, then how many more there are', () => {
    const text = Array.from({ length: 12 }, (_, i) => `k${i}: a: b`).join('\n');
    const { diagnostics } = readYaml(`${text}\n---\nk: [1\n`, DOCUMENT);
    const messages = diagnostics.map((d) => d.message);
    expect(diagnostics.map((d) => d.code)).toEqual(Array(7).fill('yaml-syntax'));
    expect(messages[5]).toMatch(/^… and 7 more YAML errors in this document — kubectl could not read/);
    expect(diagnostics[5]?.location.range.startLine).toBe(6);
    // The next document has its own five.
    expect(diagnostics[6]?.location.range.startLine).toBe(14);
    expect(
      readYaml('k0: a: b\nk1: a: b\nk2: a: b\nk3: a: b\nk4: a: b\nk5: a: b\n', DOCUMENT).diagnostics.at(-1)?.message,
    ).toMatch(/^… and 1 more YAML error in this document/);
  });

  it('rejects duplicate keys, unknown and self-referencing aliases, complex keys and bad merges', () => {
    expect(codes('a: 1\na: 2\n')).toEqual(['error yaml-syntax']);
    expect(codes('a: *nope\n')).toEqual(['error yaml-syntax']);
    expect(codes('a: &x [*x]\n')).toEqual(['error yaml-limit']);
    expect(codes('? [a]\n: 1\n')).toEqual(['error yaml-unsupported']);
    expect(codes('x: &s 1\na:\n  <<: *s\n')).toHaveLength(1);
  });

  it('refuses alias bombs and absurd nesting without parsing them', () => {
    // Nine aliases per level: 9^4 = 6,561 strings is still ordinary, 9^6 is refused.
    const level = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(of).join(',')}]`;
    const bomb = [level('a', 'x'), level('b', '*a'), level('c', '*b'), level('d', '*c')];
    expect(codes(bomb.join('\n'))).toEqual([]);
    bomb.push(level('e', '*d'), level('f', '*e'));
    expect(codes(bomb.join('\n'))).toEqual(['error yaml-limit']);
    expect(codes(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual(['error yaml-limit']);
    expect(codes(`${'- '.repeat(3000)}x`)).toEqual(['error yaml-limit']);
  });

  it('skips empty documents and reports warnings such as unknown tags', () => {
    expect(readYaml('---\n# nothing\n', DOCUMENT)).toEqual({ roots: [], diagnostics: [] });
    expect(codes('a: !custom x\n')).toEqual(['warning yaml-warning']);
  });

  it('reads JSON', () => {
    const map = root('{"kind": "Pod", "spec": {"ports": [80, "http"]}}');
    expect(value(map, 'spec')?.type).toBe('map');
  });
});
