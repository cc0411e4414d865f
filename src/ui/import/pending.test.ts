import { describe, expect, it } from 'vitest';
import { prepareImport } from './pending';

describe('prepareImport', () => {
  it('plans both choices from the accepted files and lists the refused ones', () => {
    const pending = prepareImport('kind: Old\n', [
      { name: 'a.yaml', text: 'kind: A\n' },
      { name: 'logo.png', refusal: { kind: 'binary' } },
      { name: 'b.yaml', text: 'kind: B\n' },
    ]);
    expect(pending.accepted).toEqual(['a.yaml', 'b.yaml']);
    expect(pending.refused).toEqual([{ name: 'logo.png', refusal: { kind: 'binary' } }]);
    const files = '---\n# Source: a.yaml\nkind: A\n---\n# Source: b.yaml\nkind: B\n';
    expect(pending.plans).toEqual({ replace: { text: files }, add: { text: `kind: Old\n${files}` } });
  });

  it('offers no choice when every file is refused', () => {
    const pending = prepareImport('kind: Old\n', [{ name: 'big.yaml', refusal: { kind: 'too-large', megabytes: 30 } }]);
    expect(pending).toEqual({ accepted: [], refused: [{ name: 'big.yaml', refusal: { kind: 'too-large', megabytes: 30 } }], plans: null });
  });
});
