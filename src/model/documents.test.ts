import { describe, expect, it } from 'vitest';
import { contentLineAt, splitDocuments } from './documents';

const texts = (text: string) => splitDocuments(text).map((d) => [d.startLine, d.text]);

describe('splitDocuments', () => {
  it('cuts before each --- line and records where each document starts', () => {
    expect(texts('a: 1\n---\nb: 2\n---\nc: 3\n')).toEqual([
      [1, 'a: 1\n'],
      [2, '---\nb: 2\n'],
      [4, '---\nc: 3\n'],
    ]);
  });

  it('keeps comments and directives before a --- with the document that follows', () => {
    expect(texts('# header\n\n%YAML 1.1\n---\na: 1\n')).toEqual([[1, '# header\n\n%YAML 1.1\n---\na: 1\n']]);
  });

  it('ends a document after a ... line', () => {
    expect(texts('a: 1\n...\n%YAML 1.1\n---\nb: 2')).toEqual([
      [1, 'a: 1\n...\n'],
      [3, '%YAML 1.1\n---\nb: 2'],
    ]);
  });

  it('cuts at --- even inside a block scalar, as YAML does, but not at indented or longer markers', () => {
    expect(texts('a: |\n  x\n---\nb: 1\n  ---\n----\n')).toEqual([
      [1, 'a: |\n  x\n'],
      [3, '---\nb: 1\n  ---\n----\n'],
    ]);
  });

  it('handles CRLF, content after ---, a byte-order mark and empty input', () => {
    expect(texts('\uFEFFa: 1\r\n--- {b: 2}\r\n')).toEqual([
      [1, 'a: 1\r\n'],
      [2, '--- {b: 2}\r\n'],
    ]);
    expect(texts('')).toEqual([]);
  });

  it('puts every line in exactly one document', () => {
    const text = '# c\n---\n---\na: 1\n...\n\n# tail\n---\n';
    const documents = splitDocuments(text);
    expect(documents.map((d) => d.text).join('')).toBe(text);
    for (const d of documents) {
      expect(
        text
          .split('\n')
          .slice(d.startLine - 1)
          .join('\n')
          .startsWith(d.text),
      ).toBe(true);
    }
  });
});

describe('splitDocuments on a JSON stream', () => {
  it('cuts a stream of JSON objects into one document per object, at the lines where they start', () => {
    expect(texts('{"a": 1}\n{"b": 2}\n\n{\n  "c": 3\n}\n')).toEqual([
      [1, '{"a": 1}\n'],
      [2, '{"b": 2}\n\n'],
      [4, '{\n  "c": 3\n}\n'],
    ]);
  });

  it('reads strings with braces, brackets, escaped quotes and backslashes', () => {
    const first = '{"a": "}{ \\" ][", "b": ["\\\\"], "c": {"d": "\\u007b"}}\n';
    const second = '  {"e": "\\\\\\""}';
    expect(texts(`${first}${second}`)).toEqual([
      [1, first],
      [2, second],
    ]);
  });

  it('keeps a single JSON object (a List too) and YAML flow text whole', () => {
    const list = '{\n  "kind": "List",\n  "items": [{"kind": "Pod"}, {"kind": "Pod"}]\n}\n';
    expect(texts(list)).toEqual([[1, list]]);
    expect(texts('{a: 1}\n---\n{b: 2}\n')).toEqual([
      [1, '{a: 1}\n'],
      [2, '---\n{b: 2}\n'],
    ]);
    // Not a stream of objects: something else between them, or an unclosed one.
    expect(texts('{"a": 1}\nb: 2\n')).toEqual([[1, '{"a": 1}\nb: 2\n']]);
    expect(texts('{"a": 1}\n{"b": 2\n')).toEqual([[1, '{"a": 1}\n{"b": 2\n']]);
  });

  it('keeps objects that share a line in one document', () => {
    expect(texts('{"a": 1} {"b": 2}\n{"c": 3}')).toEqual([
      [1, '{"a": 1} {"b": 2}\n'],
      [2, '{"c": 3}'],
    ]);
  });
});

describe('contentLineAt', () => {
  const at = (text: string, line: number) => {
    const lines = text.split('\n');
    return contentLineAt((n) => lines[n - 1]!, line);
  };
  const stream = 'kind: A\nspec:\n  x: 1\n\n  # note\n---\n\nkind: B\n';

  it('is the line itself when it holds content', () => {
    expect(at(stream, 3)).toBe(3);
    expect(at(stream, 8)).toBe(8);
  });

  it('gives blank and comment lines to the content above them in the same document', () => {
    expect(at(stream, 4)).toBe(3);
    expect(at(stream, 5)).toBe(3);
  });

  it('does not look past a document marker, nor above the first line', () => {
    expect(at(stream, 6)).toBe(6);
    expect(at(stream, 7)).toBe(7);
    expect(at('\n\nkind: A', 2)).toBe(2);
    expect(at('a: 1\n...\n\nb: 2', 3)).toBe(3);
  });
});

