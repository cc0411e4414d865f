/** The app's one Keeper, for components, and a hook that subscribes to a slice of its state. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Keeper } from '../../store/persistence/keeper';
import type { KeepState } from '../../store/persistence/keepState';

export const KeeperContext = createContext<Keeper | null>(null);

export function useKeeper(): Keeper {
  const keeper = useContext(KeeperContext);
  if (!keeper) throw new Error('useKeeper outside KeeperContext');
  return keeper;
}

/** Subscribes to a slice of the keeper's state; the selector must return a stored value, not a new object. */
export function useKeepState<T>(selector: (state: KeepState) => T): T {
  const { state } = useKeeper();
  return useSyncExternalStore(state.subscribe, () => selector(state.getState()));
}
