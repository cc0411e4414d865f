import { describe, expect, it } from 'vitest';
import { tabFocusKeys } from './tabFocusKeys';

describe('tabFocusKeys', () => {
  it('is Ctrl+Shift+M on a Mac, where Monaco binds the toggle to it', () => {
    const safari = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Safari/605.1.15';
    expect(tabFocusKeys(safari)).toBe('Ctrl+Shift+M');
  });

  it('is Ctrl+M on Windows and Linux', () => {
    const windows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0';
    const linux = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0';
    expect(tabFocusKeys(windows)).toBe('Ctrl+M');
    expect(tabFocusKeys(linux)).toBe('Ctrl+M');
  });
});
