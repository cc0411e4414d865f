import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from '../../model';
import { planImport } from './plan';

const joined = '---\n# Source: a.yaml\nkind: A\n';

describe('planImport', () => {
  it('replaces the text with the files', () => {
    expect(planImport('kind: Old\n', joined, 'replace')).toEqual({ text: joined });
  });

  it('adds the files after the text, on a line of their own', () => {
    expect(planImport('kind: Old\n', joined, 'add')).toEqual({ text: `kind: Old\n${joined}` });
    expect(planImport('kind: Old', joined, 'add')).toEqual({ text: `kind: Old\n${joined}` });
  });

  it('adds to a blank text by replacing it', () => {
    expect(planImport('\n  \n', joined, 'add')).toEqual({ text: joined });
  });

  it('refuses a result over the model’s limit, with its size', () => {
    const current = 'x'.repeat(MAX_INPUT_CHARS - joined.length);
    expect(planImport(current, joined, 'replace')).toEqual({ text: joined });
    expect(planImport(current, joined, 'add')).toEqual({ tooLarge: (current.length + 1 + joined.length) / 2 ** 20 });
  });
});
