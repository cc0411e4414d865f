import { describe, expect, it } from 'vitest';
import { applyChanges } from './text-changes';

describe('applyChanges', () => {
  it('inserts, deletes and replaces', () => {
    expect(applyChanges('port: 80', [{ offset: 8, length: 0, text: '80' }])).toBe('port: 8080');
    expect(applyChanges('port: 8080', [{ offset: 8, length: 2, text: '' }])).toBe('port: 80');
    expect(applyChanges('a: x\nb: y', [{ offset: 3, length: 1, text: 'z' }])).toBe('a: z\nb: y');
  });

  it('applies a batch in sequence, end of the document first', () => {
    const batch = [
      { offset: 8, length: 1, text: 'B' },
      { offset: 0, length: 1, text: 'A' },
    ];
    expect(applyChanges('a: 1\nb: 2', batch)).toBe('A: 1\nb: B');
  });
});
