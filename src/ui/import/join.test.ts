import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../model';
import { joinFiles, type NamedText } from './join';

const fixture = (name: string): NamedText => ({
  name,
  text: readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8'),
});

/** What the model reads in a text: object identities and diagnostic codes, in order. */
function reading(...files: NamedText[]) {
  const { resources, diagnostics } = parseManifests(files.map((f) => ({ file: f.name, text: f.text })));
  return {
    namespaces: resources.namespaces.map((n) => n.name),
    workloads: resources.workloads.map((w) => `${w.namespace}/${w.name}[${w.kind}]`),
    policies: resources.policies.map((p) => `${p.namespace}/${p.name}`),
    diagnostics: diagnostics.map((d) => d.code),
  };
}

describe('joinFiles', () => {
  it('reads as the files read one by one: YAML, a JSON List, a stream of JSON objects, a kubectl List', () => {
    const files = ['classic/nginx.yaml', 'manifests.json', 'json-stream.json', 'kubectl-list.yaml'].map(fixture);
    const joined = reading({ name: 'joined.yaml', text: joinFiles(files) });
    expect(joined).toEqual(reading(...files));
    expect(joined.workloads).toContain('stream/api[Pod]');
    expect(joined.workloads).toContain('json-ns/json-pod[Pod]');
  });

  it('names each file in a comment after its `---`', () => {
    const text = joinFiles([
      { name: 'a.yaml', text: 'kind: A\n' },
      { name: 'b.json', text: '{"kind": "B"}' },
    ]);
    expect(text).toBe('---\n# Source: a.yaml\nkind: A\n---\n# Source: b.json\n{"kind": "B"}\n');
  });

  it('puts `---` between the objects of a JSON stream', () => {
    expect(joinFiles([{ name: 's.json', text: '{"kind": "A"}\n{"kind": "B"}\n' }])).toBe(
      '---\n# Source: s.json\n{"kind": "A"}\n---\n{"kind": "B"}\n',
    );
  });

  it('lets a file’s opening `---` give way to its own, keeping comments and content on that line', () => {
    expect(joinFiles([{ name: 'a.yaml', text: '# head\n\n---\nkind: A\n---\nkind: B\n' }])).toBe(
      '---\n# Source: a.yaml\n# head\n\nkind: A\n---\nkind: B\n',
    );
    expect(joinFiles([{ name: 'a.yaml', text: '--- # first\nkind: A\n' }])).toBe('---\n# Source: a.yaml\n# first\nkind: A\n');
    expect(joinFiles([{ name: 'a.yaml', text: '--- {kind: A}' }])).toBe('---\n# Source: a.yaml\n{kind: A}\n');
  });

  it('opens a document that follows `...` with `---`', () => {
    expect(joinFiles([{ name: 'a.yaml', text: 'kind: A\n...\n# next\n---\nkind: B\n' }])).toBe(
      '---\n# Source: a.yaml\nkind: A\n...\n---\n# next\nkind: B\n',
    );
  });

  it('turns CRLF line endings into LF and keeps a name on one line', () => {
    expect(joinFiles([{ name: 'a\nb.yaml', text: 'kind: A\r\nmetadata: {}\r\n' }])).toBe(
      '---\n# Source: a b.yaml\nkind: A\nmetadata: {}\n',
    );
  });

  it('keeps an empty file as its `---` and name', () => {
    expect(joinFiles([{ name: 'empty.yaml', text: '' }])).toBe('---\n# Source: empty.yaml\n');
  });
});
