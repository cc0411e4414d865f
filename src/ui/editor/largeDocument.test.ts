import { describe, expect, it } from 'vitest';
import { featureOptions, modelOptions } from './largeDocument';

describe('large-document mode', () => {
  // The features that read the whole document per keystroke or cursor move: off when large, and
  // Monaco's usual setting when small (code actions: monaco-yaml re-parses everything for them).
  it.each([
    { large: true, lightbulb: 'off', on: false, colours: 'never', brackets: 'never' },
    { large: false, lightbulb: 'onCode', on: true, colours: 'auto', brackets: 'always' },
  ])('whole-document features follow the size (large: $large)', ({ large, lightbulb, on, colours, brackets }) => {
    const options = featureOptions(large);
    expect(options.lightbulb?.enabled).toBe(lightbulb);
    expect(options.defaultColorDecorators).toBe(colours);
    expect(options.matchBrackets).toBe(brackets);
    for (const enabled of [options.codeLens, options.links, options.folding, options.stickyScroll?.enabled]) expect(enabled).toBe(on);
    // Bracket colours are the model's option too: the editor option alone leaves them on.
    expect(modelOptions(large).bracketColorizationOptions?.enabled).toBe(on);
  });
});
