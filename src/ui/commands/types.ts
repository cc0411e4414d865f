/**
 * Named user operations (Excalidraw's ActionManager pattern): toolbar buttons, keyboard shortcuts
 * and tests all run the same object. `perform` is pure: it returns a plan, the manager applies it.
 */
import type { AppState } from '../../store/appStore';
import type { Selection, ViewState } from '../../store/types';

/** What the app can do that is not a state change; components register handlers for these. */
export type Effect = 'fitView' | 'relayout' | 'focusEditor' | 'focusGraph' | 'toggleHelp' | 'openSearch';

export interface ActionResult {
  readonly view?: Partial<ViewState>;
  readonly selection?: Selection;
  /** A node to show in the graph, after the rest of the plan: the store's `showInGraph` (selects and centres it). */
  readonly show?: string;
  readonly effects?: readonly Effect[];
}

export interface ActionEnv {
  /** The system's colour scheme, which `theme: 'system'` follows. */
  readonly prefersDark: boolean;
}

/** The parts of a KeyboardEvent a shortcut may look at (layout-independent `code`). */
export interface KeyInput {
  readonly key: string;
  readonly code: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

export interface Action {
  readonly name: string;
  readonly label: string;
  /** The shortcut as shown to people, e.g. `Shift+1`. */
  readonly shortcut?: string;
  /**
   * Whether a key event triggers this action. `typing` is true while focus is in a text field or
   * the editor: plain-key shortcuts must then leave the key alone.
   */
  readonly keyTest?: (event: KeyInput, typing: boolean) => boolean;
  /**
   * The plan, or null when the action does not apply in this state. `value` is what a panel
   * passes along (the policy clicked, say); shortcuts pass none.
   */
  readonly perform: (state: AppState, env: ActionEnv, value?: string) => ActionResult | null;
}
