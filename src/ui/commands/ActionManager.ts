/**
 * Runs named actions: finds the one a key means, asks it for a plan, applies the plan to the store
 * and hands effects to whoever registered for them (the graph fits its view, the editor focuses).
 */
import type { AppStore } from '../../store/appStore';
import type { Action, ActionEnv, ActionResult, Effect, KeyInput } from './types';

export class ActionManager {
  private readonly actions = new Map<string, Action>();
  private readonly effectHandlers = new Map<Effect, () => void>();

  constructor(
    private readonly store: AppStore,
    private readonly env: () => ActionEnv,
    actions: readonly Action[],
  ) {
    for (const action of actions) this.actions.set(action.name, action);
  }

  list(): readonly Action[] {
    return [...this.actions.values()];
  }

  /** Registers what an effect does; returns the unregister function (for effect cleanups). */
  onEffect(effect: Effect, handler: () => void): () => void {
    this.effectHandlers.set(effect, handler);
    return () => {
      if (this.effectHandlers.get(effect) === handler) this.effectHandlers.delete(effect);
    };
  }

  /** Runs an action by name, with the value a panel passes; false when it does not apply now. */
  execute(name: string, value?: string): boolean {
    const action = this.actions.get(name);
    const plan = action?.perform(this.store.getState(), this.env(), value);
    if (!plan) return false;
    this.apply(plan);
    return true;
  }

  /** The action a key press means: none when no action, or more than one, claims the key. */
  match(event: KeyInput, typing: boolean): Action | undefined {
    const matching = this.list().filter((a) => a.keyTest?.(event, typing));
    return matching.length === 1 ? matching[0] : undefined;
  }

  /** For a keydown listener: true when an action ran (the caller then prevents the default). */
  handleKey(event: KeyInput, typing: boolean): boolean {
    const action = this.match(event, typing);
    return action ? this.execute(action.name) : false;
  }

  private apply(plan: ActionResult): void {
    const { actions } = this.store.getState();
    if (plan.view) actions.setView(plan.view);
    if (plan.selection !== undefined) actions.select(plan.selection);
    if (plan.show !== undefined) actions.showInGraph(plan.show);
    for (const effect of plan.effects ?? []) this.effectHandlers.get(effect)?.();
  }
}
