/** The graph controls' "Collapse every namespace" and "Expand every namespace", beside zoom and fit. */
import { ControlButton } from '@xyflow/react';
import { useActionManager } from '../commands/context';

export function NamespaceControls() {
  const actions = useActionManager();
  return (
    <>
      <ControlButton
        onClick={() => actions.execute('collapseAll')}
        title="Collapse every namespace (Alt+Shift+C)"
        aria-label="Collapse every namespace"
        data-testid="collapse-all"
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <rect x="1.5" y="1.5" width="13" height="13" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M4.5 8h7" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </ControlButton>
      <ControlButton
        onClick={() => actions.execute('expandAll')}
        title="Expand every namespace (Alt+Shift+E)"
        aria-label="Expand every namespace"
        data-testid="expand-all"
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <rect x="1.5" y="1.5" width="13" height="13" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M4.5 8h7M8 4.5v7" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </ControlButton>
    </>
  );
}
