/**
 * The way out of the editor, shown while it has focus: in Monaco, Tab indents, and Ctrl+M (its
 * "Tab moves focus" toggle; Ctrl+Shift+M on a Mac) is documented nowhere on the page otherwise. A
 * polite live region, so a screen reader hears it on entering the editor without interrupting.
 */
import { tabFocusKeys } from './tabFocusKeys';

export function TabFocusHint({ shown }: { shown: boolean }) {
  return (
    <p className="editor-hint" aria-live="polite" data-testid="editor-tab-hint">
      {shown && (
        <>
          <kbd>{tabFocusKeys(navigator.userAgent)}</kbd> then <kbd>Tab</kbd> leaves the editor ·{' '}
          <kbd>Alt+2</kbd> the graph
        </>
      )}
    </p>
  );
}
