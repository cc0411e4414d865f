import { describe, expect, it } from 'vitest';
import { slices } from './sliceEdit';

describe('slices of a large text', () => {
  const lines = Array.from({ length: 1000 }, (_, i) => `line ${i}: ${'x'.repeat(i % 37)}`);

  it.each([
    ['ending with a line break', `${lines.join('\n')}\n`],
    ['ending without one', lines.join('\n')],
  ])('cut at line breaks, at least the slice size each, rejoined to the same text: %s', (_, text) => {
    const pieces = slices(text, 1000);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.endsWith('\n')).toBe(true);
      expect(piece.length).toBeGreaterThanOrEqual(1000);
    }
  });

  it('one piece for a text of one slice or less, or without a line break after the slice size', () => {
    expect(slices('a: 1\nb: 2\n', 1000)).toEqual(['a: 1\nb: 2\n']);
    expect(slices('', 1000)).toEqual(['']);
    expect(slices(`${'x'.repeat(5000)}\n`, 1000)).toEqual([`${'x'.repeat(5000)}\n`]);
  });
});
