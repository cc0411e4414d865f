import { describe, expect, it } from 'vitest';
import { ManifestParser, locator } from './index';
import { predecessors } from './last-valid';

const pod = (name: string, app = name) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: a, labels: {app: ${app}}}\nspec: {containers: [{name: c, image: i}]}\n`;
const stream = (...docs: string[]) => docs.join('---\n');
const names = (result: ReturnType<ManifestParser['parse']>) => result.resources.workloads.map((w) => `${w.name}:${w.labels.app}`);

describe('predecessors', () => {
  it('gives each new document the changed one it replaced, between unchanged ones, in order', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'];
    // b edited; c unchanged.
    expect(predecessors([a, b, c], [a, undefined, c])).toEqual([undefined, b, undefined]);
    // b split in two: the first part takes its place; the second replaces nothing.
    expect(predecessors([a, b, c], [a, undefined, undefined, c])).toEqual([undefined, b, undefined, undefined]);
    // b and c merged into one: it takes b's place.
    expect(predecessors([a, b, c, d], [a, undefined, d])).toEqual([undefined, b, undefined]);
    // A new document before everything replaces nothing unchanged.
    expect(predecessors([a, b], [undefined, a, b])).toEqual([undefined, undefined, undefined]);
  });
});

describe('last valid versions', () => {
  it('an edited document with errors keeps the objects it held a moment ago, the very same objects', () => {
    const parser = new ManifestParser();
    const first = parser.parse([{ file: 'f', text: stream(pod('web'), pod('db')) }]);
    const typing = parser.parse([{ file: 'f', text: stream(pod('web').replace('labels: {app: web}', 'labels: {app: [web}'), pod('db')) }]);
    expect(names(typing)).toEqual(['db:db', 'web:web']);
    expect(typing.resources.workloads[1]).toBe(first.resources.workloads[0]);
    expect(typing.heldBack.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['Pod a/web']);
    expect(typing.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('places a held object where its document is now', () => {
    const parser = new ManifestParser();
    parser.parse([{ file: 'f', text: stream(pod('db'), pod('web')) }]);
    // Two lines typed at the end of db's document move web's down; web is mid-edit.
    const text = stream(`${pod('db')}# two\n# lines\n`, pod('web').replace('web}', '[web}'));
    const typing = parser.parse([{ file: 'f', text }]);
    const web = typing.resources.workloads.find((w) => w.name === 'web')!;
    const webStarts = text.split('\n').lastIndexOf('apiVersion: v1') + 1;
    expect(locator(typing.documents)(web.location)).toEqual({ file: 'f', range: expect.objectContaining({ startLine: webStarts }) });
  });

  it('keeps holding through several invalid revisions, and lets go once the document is valid', () => {
    const parser = new ManifestParser();
    parser.parse([{ file: 'f', text: pod('web') }]);
    for (const broken of ['labels: {app: [w', 'labels: {app: [we', 'labels: {app: [wex']) {
      expect(names(parser.parse([{ file: 'f', text: pod('web').replace('labels: {app: web', broken) }]))).toEqual(['web:web']);
    }
    expect(names(parser.parse([{ file: 'f', text: pod('web', 'wex') }]))).toEqual(['web:wex']);
    // Deleted on purpose (a valid document without it): gone.
    expect(names(parser.parse([{ file: 'f', text: '# nothing here\n' }]))).toEqual([]);
  });

  it('holds back only what the document no longer gives itself', () => {
    const parser = new ManifestParser();
    const list = (items: string) => `apiVersion: v1\nkind: List\nitems:\n${items}`;
    const item = (name: string, app: string) => `- {apiVersion: v1, kind: Pod, metadata: {name: ${name}, namespace: a, labels: {app: ${app}}}, spec: {containers: [{name: c, image: i}]}}\n`;
    parser.parse([{ file: 'f', text: list(item('web', 'web') + item('db', 'db')) }]);
    // web edited validly, db mid-edit (a label value that is not a string).
    const typing = parser.parse([{ file: 'f', text: list(item('web', 'www') + item('db', '{x: 1}')) }]);
    expect(names(typing).sort()).toEqual(['db:db', 'web:www']);
    expect(typing.heldBack.map((h) => h.name)).toEqual(['a/db']);
  });

  it('never holds back an object someone else gives now, nor after forget()', () => {
    const parser = new ManifestParser();
    parser.parse([{ file: 'f', text: stream(pod('web'), pod('db')) }]);
    // web moved into the second document while the first breaks: no duplicate, nothing held.
    const moved = parser.parse([{ file: 'f', text: stream('a: [\n', pod('web')) }]);
    expect(names(moved)).toEqual(['web:web']);
    expect(moved.diagnostics.map((d) => d.code)).not.toContain('duplicate-object');
    parser.forget();
    expect(names(parser.parse([{ file: 'f', text: pod('web').replace('web}', '[web}') }]))).toEqual([]);
  });
});
