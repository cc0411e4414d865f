/**
 * The graph's gestures: a context menu on what was right-clicked (or the selection, by keyboard),
 * the form a menu item opens, and the plan the gesture gets from the session (src/plans, in the
 * worker), handed to the Review change dialog. Nothing here writes: the review does, once applied.
 */
import { Suspense, lazy, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { EditPlan } from '../../plans';
import type { Gesture } from '../../store/evaluation/gestures';
import { useActions, useAppStoreApi } from '../../store/react';
import { GestureContext, type DialogState, type GestureApi } from './context';
import { GestureMenu } from './GestureMenu';
import type { GestureTarget } from './menu';
import './gestures.css';

interface MenuState {
  readonly target: GestureTarget;
  readonly x: number;
  readonly y: number;
  /** Where focus goes back when the menu closes without a choice. */
  readonly returnTo: HTMLElement | null;
}

/** The forms load on first use: the page's first load does not wait for them. */
const GestureDialog = lazy(() => import('./GestureDialog'));

export function GestureProvider({ children }: { children: ReactNode }) {
  const store = useAppStoreApi();
  const actions = useActions();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);

  const review = useCallback(
    (plan: EditPlan) => {
      setDialog(null);
      if (plan.changes.length === 0) setDialog({ kind: 'message', text: plan.summary });
      else actions.proposeEdit(plan);
    },
    [actions],
  );
  const plan = useCallback(
    async (gesture: Gesture) => {
      setDialog({ kind: 'planning' });
      const plans = await actions.ask({ kind: 'plan', text: store.getState().readText(), gesture });
      if (!plans || plans.length === 0) setDialog({ kind: 'message', text: 'There is nothing to change for that.' });
      else if (plans.length === 1) review(plans[0]!);
      else setDialog({ kind: 'choose', plans });
    },
    [actions, store, review],
  );
  const api = useMemo<GestureApi>(
    () => ({
      openMenu: (target, { x, y }) => setMenu({ target, x, y, returnTo: document.activeElement as HTMLElement | null }),
      openForm: (form) => {
        setMenu(null);
        setDialog({ kind: 'form', form });
      },
      plan,
      review,
      close: () => setDialog(null),
    }),
    [plan, review],
  );
  const closeMenu = useCallback((restoreFocus: boolean) => {
    setMenu((open) => {
      if (restoreFocus) open?.returnTo?.focus();
      return null;
    });
  }, []);
  return (
    <GestureContext.Provider value={api}>
      {children}
      {menu && <GestureMenu target={menu.target} x={menu.x} y={menu.y} onClose={closeMenu} />}
      {dialog && (
        <Suspense fallback={null}>
          <GestureDialog state={dialog} />
        </Suspense>
      )}
    </GestureContext.Provider>
  );
}
