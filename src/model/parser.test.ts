import { describe, expect, it } from 'vitest';
import { ManifestParser, locator, parseManifests, type ModelResult } from './index';
import type { SourceLocation } from './source';

const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: a}\nspec: {containers: [{name: c, image: i}]}\n`;
const stream = (...docs: string[]) => docs.join('---\n');

/** A result with every location placed in its file: what does not depend on which ids documents got. */
function placed(result: ModelResult): unknown {
  const locate = locator(result.documents);
  const place = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if ('document' in value && 'range' in value) return locate(value as SourceLocation);
    return Array.isArray(value) ? value.map(place) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, place(v)]));
  };
  return { resources: place(result.resources), diagnostics: place(result.diagnostics), files: result.documents.map((d) => [d.file, d.startLine]) };
}

describe('ManifestParser', () => {
  it('parses each revision as parseManifests does', () => {
    const parser = new ManifestParser();
    const texts = [stream(pod('web'), pod('db')), stream(pod('db'), 'a: [\n', pod('web')), stream(pod('web'), pod('web'))];
    for (const text of texts) {
      expect(placed(parser.parse([{ file: 'f', text }]))).toEqual(placed(parseManifests([{ file: 'f', text }])));
    }
  });

  it('gives a document whose text is unchanged its id and its objects again, wherever it moved', () => {
    const parser = new ManifestParser();
    const first = parser.parse([{ file: 'f', text: stream(pod('web'), pod('db')) }]);
    const moved = parser.parse([{ file: 'f', text: stream(pod('web') + '\n\n', pod('db')) }]);
    const [web, db] = first.resources.workloads;
    expect(moved.resources.workloads[1]).toBe(db);
    expect(moved.documents[1]!.document).toBe(first.documents[1]!.document);
    expect(moved.documents[1]!.startLine).toBe(first.documents[1]!.startLine + 2);
    // The edited document (two blank lines at its end) is parsed again: a new id, equal objects.
    expect(moved.documents[0]!.document).not.toBe(first.documents[0]!.document);
    expect(moved.resources.workloads[0]).not.toBe(web);
    expect(moved.resources.workloads[0]!.name).toBe('web');
  });

  it('keeps locations relative to their document, so a moved object points at its new lines through the layout', () => {
    const parser = new ManifestParser();
    const first = parser.parse([{ file: 'f', text: stream(pod('web'), pod('db')) }]);
    const moved = parser.parse([{ file: 'f', text: stream(`${pod('web')}\n\n\n`, pod('db')) }]);
    const db = moved.resources.workloads[1]!;
    expect(db.location).toEqual(first.resources.workloads[1]!.location);
    expect(locator(moved.documents)(db.location).range.startLine).toBe(locator(first.documents)(db.location).range.startLine + 3);
  });

  it('keeps documents of equal text apart', () => {
    const parser = new ManifestParser();
    const result = parser.parse([{ file: 'f', text: stream(pod('web'), pod('web')) }]);
    const [first, second] = result.documents;
    expect(first!.document).not.toBe(second!.document);
    // The duplicate's error points at the second document, and names the first one's line.
    const [duplicate] = result.diagnostics;
    expect(duplicate!.location.document).toBe(second!.document);
    expect(duplicate!.message).toContain('at line 3 of f');
    // Both survive a move, each keeping its own id.
    const moved = parser.parse([{ file: 'f', text: `# top\n${stream(pod('web'), pod('web'))}` }]);
    expect(moved.documents[1]!.document).toBe(second!.document);
  });

  it('tells inputs apart: the same text in two files is two documents', () => {
    const parser = new ManifestParser();
    const first = parser.parse([{ file: 'a', text: pod('web') }, { file: 'b', text: pod('db') }]);
    const again = parser.parse([{ file: 'a', text: pod('db') }, { file: 'b', text: pod('web') }]);
    expect(again.documents.map((d) => d.document)).not.toContain(first.documents[0]!.document);
    expect(again.documents.map((d) => d.document)).not.toContain(first.documents[1]!.document);
  });

  it('makes a refused input one document holding its one diagnostic', () => {
    const parser = new ManifestParser();
    const result = parser.parse([{ file: 'image.png', text: '\u0000PNG' }, { file: 'ok.yaml', text: pod('web') }]);
    expect(result.documents.map((d) => [d.file, d.startLine])).toEqual([['image.png', 1], ['ok.yaml', 1]]);
    expect(result.diagnostics.map((d) => [locator(result.documents)(d.location).file, d.code])).toEqual([['image.png', 'binary-input']]);
  });
});
