/** The app's one ActionManager, for components, and the window-wide shortcut listener. */
import { createContext, useContext, useEffect } from 'react';
import type { ActionManager } from './ActionManager';

export const ActionManagerContext = createContext<ActionManager | null>(null);

export function useActionManager(): ActionManager {
  const manager = useContext(ActionManagerContext);
  if (!manager) throw new Error('useActionManager outside ActionManagerContext');
  return manager;
}

/** Whether a key event goes to something the user types into (the editor, a field). */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('.monaco-editor, input, textarea, select, [contenteditable="true"]') !== null
  );
}

export function useShortcuts(manager: ActionManager): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (manager.handleKey(event, isTyping(event.target))) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [manager]);
}
