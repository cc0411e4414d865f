/**
 * The keys of Monaco's "Tab moves focus" toggle, the way out of the editor: Ctrl+M, but
 * Ctrl+Shift+M on a Mac (where Cmd+M minimises the window). Decided as Monaco decides it
 * (vs/base/common/platform: a user agent naming Macintosh), so the page names the keys Monaco
 * listens to, not a guess of its own.
 */
export function tabFocusKeys(userAgent: string): string {
  return userAgent.includes('Macintosh') ? 'Ctrl+Shift+M' : 'Ctrl+M';
}
