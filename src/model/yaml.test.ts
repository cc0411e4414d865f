import { describe, expect, it } from 'vitest';
import { readYaml } from './yaml';
import type { YMap, YNode } from './tree';

function root(text: string): YMap {
  const { roots, diagnostics } = readYaml(text);
  expect(diagnostics).toEqual([]);
  const [first] = roots;
  if (first?.type !== 'map') throw new Error('expected one mapping');
  return first;
}

function value(map: YMap, key: string): YNode | undefined {
  return map.entries.find((e) => e.key === key)?.value;
}

const codes = (text: string) => readYaml(text).diagnostics.map((d) => `${d.severity} ${d.code}`);

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
    const { roots, diagnostics } = readYaml('a: [1\n---\nb: 2\n');
    expect(roots).toHaveLength(1);
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(diagnostics[0]?.message).toContain('left out of the evaluation');
  });

  it('rejects duplicate keys, unknown and self-referencing aliases, complex keys and bad merges', () => {
    expect(codes('a: 1\na: 2\n')).toEqual(['error yaml-syntax']);
    expect(codes('a: *nope\n')).toEqual(['error yaml-syntax']);
    expect(codes('a: &x [*x]\n')).toEqual(['error yaml-limit']);
    expect(codes('? [a]\n: 1\n')).toEqual(['error yaml-unsupported']);
    expect(codes('x: &s 1\na:\n  <<: *s\n')).toHaveLength(1);
  });

  it('refuses alias bombs and absurd nesting without parsing them', () => {
    const bomb = [
      'a: &a [x,x,x,x,x,x,x,x,x]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    ];
    expect(codes(bomb.join('\n'))).toEqual(['error yaml-limit']);
    expect(codes(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual(['error yaml-limit']);
    expect(codes(`${'- '.repeat(3000)}x`)).toEqual(['error yaml-limit']);
  });

  it('skips empty documents and reports warnings such as unknown tags', () => {
    expect(readYaml('---\n# nothing\n')).toEqual({ roots: [], diagnostics: [] });
    expect(codes('a: !custom x\n')).toEqual(['warning yaml-warning']);
  });

  it('reads JSON', () => {
    const map = root('{"kind": "Pod", "spec": {"ports": [80, "http"]}}');
    expect(value(map, 'spec')?.type).toBe('map');
  });
});
