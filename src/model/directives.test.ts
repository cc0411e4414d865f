/** Directive comments: the codes they silence, and where a code joins one (the quick fix writes there). */
import { describe, expect, it } from 'vitest';
import { directiveEnd, silencedCodes } from './directives';

describe('silencedCodes', () => {
  it('reads codes separated by spaces, tabs and commas', () => {
    expect(silencedCodes('# netpol-canvas: ignore a, b\tc  d\nkind: X\n')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ends with the comment line: a directive without codes reads nothing of the next line', () => {
    expect(silencedCodes('# netpol-canvas: ignore\nkind: X\n')).toEqual([]);
  });
});

describe('directiveEnd', () => {
  it('a code written there is read with the others', () => {
    const text = '---\n# netpol-canvas: ignore a\tb   \nkind: X\n';
    const end = directiveEnd(text)!;
    expect(silencedCodes(`${text.slice(0, end)}, c${text.slice(end)}`)).toEqual(['a', 'b', 'c']);
    expect(directiveEnd('kind: X\n')).toBeUndefined();
  });
});
