/** The graph controls' "Collapse every namespace" and "Expand every namespace", beside zoom and fit. */
import { ControlButton } from '@xyflow/react';
import { useActionManager } from '../commands/context';

/** A square with a minus (collapse) or a plus (expand) in it. */
const BUTTONS = [
  { action: 'collapseAll', label: 'Collapse every namespace', shortcut: 'Alt+Shift+C', testId: 'collapse-all', sign: 'M4.5 8h7' },
  { action: 'expandAll', label: 'Expand every namespace', shortcut: 'Alt+Shift+E', testId: 'expand-all', sign: 'M4.5 8h7M8 4.5v7' },
] as const;

export function NamespaceControls() {
  const actions = useActionManager();
  return (
    <>
      {BUTTONS.map(({ action, label, shortcut, testId, sign }) => (
        <ControlButton key={action} onClick={() => actions.execute(action)} title={`${label} (${shortcut})`} aria-label={label} data-testid={testId}>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <rect x="1.5" y="1.5" width="13" height="13" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d={sign} stroke="currentColor" strokeWidth="1.8" />
          </svg>
        </ControlButton>
      ))}
    </>
  );
}
