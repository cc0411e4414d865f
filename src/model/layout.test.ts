import { describe, expect, it } from 'vitest';
import { lineInDocument, locator } from './layout';
import type { DocumentId, DocumentLayout } from './source';

const doc = (n: number) => n as DocumentId;
const LAYOUT: DocumentLayout = [
  { document: doc(7), file: 'a.yaml', startLine: 1 },
  { document: doc(3), file: 'a.yaml', startLine: 10 },
  { document: doc(9), file: 'b.yaml', startLine: 1 },
  { document: doc(4), file: 'b.yaml', startLine: 5 },
];
const range = (startLine: number, endLine: number) => ({ startLine, startColumn: 2, endLine, endColumn: 4 });

describe('document layout', () => {
  it('places a location in its file, lines shifted by where its document starts', () => {
    const locate = locator(LAYOUT);
    expect(locate({ document: doc(3), range: range(1, 2) })).toEqual({ file: 'a.yaml', range: range(10, 11) });
    expect(locate({ document: doc(4), range: range(3, 3) })).toEqual({ file: 'b.yaml', range: range(7, 7) });
    expect(locate({ document: doc(7), range: range(5, 6) })).toEqual({ file: 'a.yaml', range: range(5, 6) });
  });

  it('finds the document holding a line of a file, and the line inside it', () => {
    expect(lineInDocument(LAYOUT, 'a.yaml', 1)).toEqual({ document: 7, line: 1 });
    expect(lineInDocument(LAYOUT, 'a.yaml', 9)).toEqual({ document: 7, line: 9 });
    expect(lineInDocument(LAYOUT, 'a.yaml', 12)).toEqual({ document: 3, line: 3 });
    expect(lineInDocument(LAYOUT, 'b.yaml', 4)).toEqual({ document: 9, line: 4 });
    expect(lineInDocument(LAYOUT, 'b.yaml', 5)).toEqual({ document: 4, line: 1 });
    expect(lineInDocument(LAYOUT, 'c.yaml', 1)).toBeUndefined();
    expect(lineInDocument([{ document: doc(1), file: 'a.yaml', startLine: 3 }], 'a.yaml', 2)).toBeUndefined();
  });

  it('is the inverse of placing: a placed line reads back as its document and line', () => {
    const locate = locator(LAYOUT);
    for (const place of LAYOUT) {
      for (const line of [1, 2, 4]) {
        const placed = locate({ document: place.document, range: range(line, line) });
        const next = LAYOUT.find((p) => p.file === place.file && p.startLine > place.startLine);
        if (next && placed.range.startLine >= next.startLine) continue;
        expect(lineInDocument(LAYOUT, placed.file, placed.range.startLine)).toEqual({ document: place.document, line });
      }
    }
  });
});
