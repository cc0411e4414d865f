import { describe, expect, it } from 'vitest';
import { featureOptions, modelOptions } from './largeDocument';

describe('featureOptions', () => {
  it('switches off, in a large document, every feature that asks a language worker about the whole text', () => {
    const large = featureOptions(true);
    expect(large.lightbulb?.enabled).toBe('off'); // code actions: monaco-yaml re-parses everything per cursor move
    expect(large.codeLens).toBe(false);
    expect(large.links).toBe(false);
    expect(large.defaultColorDecorators).toBe('never');
    expect(large.stickyScroll?.enabled).toBe(false);
    expect(large.folding).toBe(false);
    expect(large.matchBrackets).toBe('never');
  });

  it("keeps Monaco's usual features in a small document", () => {
    const small = featureOptions(false);
    expect(small.lightbulb?.enabled).toBe('onCode');
    expect(small.codeLens).toBe(true);
    expect(small.links).toBe(true);
    expect(small.defaultColorDecorators).toBe('auto');
    expect(small.stickyScroll?.enabled).toBe(true);
    expect(small.folding).toBe(true);
    expect(small.matchBrackets).toBe('always');
  });

  it('switches off bracket pair colours in the model too (the editor option alone does not)', () => {
    expect(modelOptions(true).bracketColorizationOptions?.enabled).toBe(false);
    expect(modelOptions(false).bracketColorizationOptions?.enabled).toBe(true);
  });
});
