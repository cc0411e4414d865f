import { describe, expect, it } from 'vitest';
import { hunkTitle, linesOf, textDiff } from './textDiff';

const lines = (...items: string[]) => items.map((l) => `${l}\n`).join('');
const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

describe('a text against another as a diff', () => {
  it('is empty when the texts are the same, a final newline aside', () => {
    expect(textDiff('a\nb\n', 'a\nb\n')).toEqual([]);
    expect(textDiff('a\nb', 'a\nb\n')).toEqual([]);
  });

  it('shows an addition at the end with three lines of context, numbered in both texts', () => {
    const current = lines(...numbered(1, 10));
    const hunks = textDiff(current, `${current}---\nkind: NetworkPolicy\n`)!;
    expect(hunks).toHaveLength(1);
    expect(hunks[0]!.header).toBe('@@ -8,3 +8,5 @@');
    expect(hunks[0]!.lines).toEqual([
      { kind: 'context', text: 'line 8', oldLine: 8, newLine: 8 },
      { kind: 'context', text: 'line 9', oldLine: 9, newLine: 9 },
      { kind: 'context', text: 'line 10', oldLine: 10, newLine: 10 },
      { kind: 'added', text: '---', newLine: 11 },
      { kind: 'added', text: 'kind: NetworkPolicy', newLine: 12 },
    ]);
    expect([linesOf(hunks, 'added'), linesOf(hunks, 'removed')]).toEqual(['2 lines', '0 lines']);
    expect(hunkTitle(hunks[0]!)).toBe('Lines 8–10 of your text');
  });

  it('shows a changed line as removed then added, and far-apart changes as separate hunks', () => {
    const current = lines(...numbered(1, 20));
    const solution = current.replace('line 2\n', 'line two\n').replace('line 18\n', 'line eighteen\n');
    const hunks = textDiff(current, solution)!;
    expect(hunks.map((h) => h.header)).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    expect(hunks[0]!.lines.filter((l) => l.kind !== 'context')).toEqual([
      { kind: 'removed', text: 'line 2', oldLine: 2 },
      { kind: 'added', text: 'line two', newLine: 2 },
    ]);
    expect([linesOf(hunks, 'added'), linesOf(hunks, 'removed')]).toEqual(['2 lines', '2 lines']);
  });

  it('keeps indentation and blank lines as they are', () => {
    const hunks = textDiff('a:\n', 'a:\n\n    b: 1\n')!;
    expect(hunkTitle(hunks[0]!)).toBe('Line 1 of your text');
    expect(hunkTitle(textDiff('', 'a: 1\n')![0]!)).toBe('Your text is empty');
    expect(hunkTitle(hunks[0]!, 'the editor’s text')).toBe('Line 1 of the editor’s text');
    expect(hunks[0]!.lines.filter((l) => l.kind === 'added').map((l) => l.text)).toEqual(['', '    b: 1']);
  });

  it('gives up on texts too far apart to read as a diff', () => {
    const many = (word: string) => lines(...Array.from({ length: 3000 }, (_, i) => `${word} ${i}`));
    expect(textDiff(many('mine'), many('theirs'))).toBeNull();
  });
});
