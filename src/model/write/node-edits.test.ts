/**
 * The node edits on their own: each changes only the text it replaces, writes in the form of its
 * place (block YAML in the document's indentation, flow text in flow collections, JSON in JSON),
 * and the result reads back as the intended value.
 */
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parse } from 'yaml';
import { applyChanges, type TextChange } from '../text-changes';
import { addPair, appendToList, removeEntry, removeObject, replaceScalar } from './node-edits';
import { editableDocumentAt, editableDocuments, streamObjects, type AnyMap } from './stream-objects';
import { styleOf } from './value-text';

const first = (text: string) => streamObjects(text)[0]!;
const apply = (text: string, change: TextChange | undefined) => {
  expect(change).toBeDefined();
  return applyChanges(text, [change!]);
};
const spec = (text: string): AnyMap => {
  const node = first(text).node.get('spec', true);
  if (!isMap(node)) throw new Error('no spec mapping');
  return node;
};

describe('appendToList', () => {
  it('a block list: after its last item, at its dash, in the document indentation', () => {
    const text = 'kind: X\nspec:\n    rules:\n        - a: 1   # one\n          b: 2\n    # end of rules\nafter: 1\n';
    const out = apply(text, appendToList(first(text).document, spec(text), 'rules', { a: 3, c: [1] }, styleOf(text)));
    expect(out).toBe('kind: X\nspec:\n    rules:\n        - a: 1   # one\n          b: 2\n        - a: 3\n          c:\n              - 1\n    # end of rules\nafter: 1\n');
  });

  it('a flow list: one more item, padded as the document pads', () => {
    const text = 'kind: X\nspec: { rules: [ { a: 1 } ] }\n';
    const out = apply(text, appendToList(first(text).document, spec(text), 'rules', { a: 'yes' }, styleOf(text)));
    expect(out).toBe('kind: X\nspec: { rules: [ { a: 1 }, { a: "yes" } ] }\n');
    expect(parse(out, { version: '1.1' }).spec.rules[1].a).toBe('yes');
  });

  it('an empty flow list, and a missing key (list items indented: the text shows no other way)', () => {
    const text = 'kind: X\nspec:\n  rules: []\n  other: 1\n';
    expect(apply(text, appendToList(first(text).document, spec(text), 'rules', 'r', styleOf(text)))).toBe('kind: X\nspec:\n  rules: [r]\n  other: 1\n');
    expect(apply(text, appendToList(first(text).document, spec(text), 'new', 'r', styleOf(text)))).toBe(`${text}  new:\n    - r\n`);
  });

  it('a JSON list written on several lines: a JSON item on a line of its own', () => {
    const text = '{\n  "kind": "X",\n  "spec": {\n    "rules": [\n      {"a": 1}\n    ]\n  }\n}\n';
    const out = apply(text, appendToList(first(text).document, spec(text), 'rules', { a: 2 }, styleOf(text)));
    expect(out).toBe('{\n  "kind": "X",\n  "spec": {\n    "rules": [\n      {"a": 1},\n      {\n        "a": 2\n      }\n    ]\n  }\n}\n');
    expect(JSON.parse(out).spec.rules).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('refuses what it cannot edit in place: a null value, an alias', () => {
    const text = 'kind: X\nspec:\n  rules:\n  shared: &s [1]\n  again: *s\n';
    expect(appendToList(first(text).document, spec(text), 'rules', 1, styleOf(text))).toBeUndefined();
    expect(appendToList(first(text).document, spec(text), 'again', 1, styleOf(text))).toBeUndefined();
  });
});

describe('addPair, replaceScalar', () => {
  it('a key at the end of a block map, at its keys column', () => {
    const text = '---\nkind: X\nspec:\n  a: 1 # c\n';
    expect(apply(text, addPair(first(text).document, spec(text), 'b', { c: 'd' }, styleOf(text)))).toBe(`${text}  b:\n    c: d\n`);
  });

  it('a key in a JSON object, quoted', () => {
    const text = '{"kind": "X", "spec": {"a": 1}}';
    const out = apply(text, addPair(first(text).document, spec(text), 'b', ['x'], styleOf(text)));
    expect(out).toBe('{"kind": "X", "spec": {"a": 1, "b": ["x"]}}');
  });

  it('a value, quoted where YAML 1.1 would read it otherwise', () => {
    const text = 'kind: X\nspec: {a: old}\n';
    const value = spec(text).get('a', true);
    expect(apply(text, replaceScalar(first(text).document, value, 'on', styleOf(text)))).toBe('kind: X\nspec: {a: "on"}\n');
  });
});

describe('removeEntry, removeObject', () => {
  it('a block item takes its lines; the last one leaves an empty list after its key', () => {
    const text = 'kind: X\nspec:\n  rules:\n  - a: 1\n  - b: 2   # two\n  after: 1\n';
    const rules = spec(text).get('rules', true);
    if (!isSeq(rules)) throw new Error('no list');
    const key = spec(text).items[0]!.key;
    expect(apply(text, removeEntry(first(text).document, rules, 1, key))).toBe('kind: X\nspec:\n  rules:\n  - a: 1\n  after: 1\n');
    const one = 'kind: X\nspec:\n  rules:\n  - a: 1\n  after: 1\n';
    const only = spec(one).get('rules', true);
    if (!isSeq(only)) throw new Error('no list');
    expect(apply(one, removeEntry(first(one).document, only, 0, spec(one).items[0]!.key))).toBe('kind: X\nspec:\n  rules: []\n  after: 1\n');
  });

  it('a flow item with one comma; the first key of a map that follows a dash keeps the dash', () => {
    const text = 'kind: X\nspec: {rules: [a, b, c]}\n';
    const rules = spec(text).get('rules', true);
    if (!isSeq(rules)) throw new Error('no list');
    expect(apply(text, removeEntry(first(text).document, rules, 2))).toBe('kind: X\nspec: {rules: [a, b]}\n');
    expect(apply(text, removeEntry(first(text).document, rules, 0))).toBe('kind: X\nspec: {rules: [b, c]}\n');
    const dashed = 'kind: X\nspec:\n  rules:\n  - a: 1\n    b: 2\n';
    const list = spec(dashed).get('rules', true);
    const rule = isSeq(list) ? list.items[0] : undefined;
    if (!isMap(rule)) throw new Error('no map');
    expect(apply(dashed, removeEntry(first(dashed).document, rule, 0))).toBe('kind: X\nspec:\n  rules:\n  - b: 2\n');
  });

  it('a document with its separator, a List item alone', () => {
    const text = 'kind: A\nmetadata: {name: a}\n---\n# b\nkind: B\n---\nkind: List\nitems:\n- kind: C\n- kind: D\n';
    const objects = streamObjects(text);
    expect(objects.map((o) => o.kind)).toEqual(['A', 'B', 'C', 'D']);
    expect(apply(text, removeObject(objects[1]!))).toBe('kind: A\nmetadata: {name: a}\n---\nkind: List\nitems:\n- kind: C\n- kind: D\n');
    expect(apply(text, removeObject(objects[2]!))).toBe('kind: A\nmetadata: {name: a}\n---\n# b\nkind: B\n---\nkind: List\nitems:\n- kind: D\n');
  });
});

describe('styleOf', () => {
  it('reads the indentation step, list style and flow padding', () => {
    expect(styleOf('a:\n    b:\n        - c\n')).toEqual({ indent: 4, indentSeq: true, padFlow: false });
    expect(styleOf('a:\n  b:\n  - c\nd: { e: f }\n')).toEqual({ indent: 2, indentSeq: false, padFlow: true });
    expect(styleOf('{\n    "a": 1\n}\n').indent).toBe(4);
  });
});

describe('editableDocumentAt', () => {
  it('at every offset, the first readable document of the whole stream that holds it', () => {
    const text = '\uFEFFkind: A\n---\nkind: [broken\n---\n# c\nkind: B\n---\n{"kind": "C"}\n';
    const all = editableDocuments(text);
    expect(all.map((d) => d.text.trim().split('\n').at(-1))).toEqual(['kind: A', 'kind: B', '{"kind": "C"}']);
    for (let offset = 0; offset <= text.length + 1; offset++) {
      const expected = all.find((d) => d.offset <= offset && offset <= d.offset + d.text.length);
      const found = editableDocumentAt(text, offset);
      expect([offset, found?.offset, found?.text]).toEqual([offset, expected?.offset, expected?.text]);
    }
  });
});
