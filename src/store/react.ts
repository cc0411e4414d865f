/** React access to the app store: one provider, and hooks that select from it. */
import { createContext, createElement, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppActions, AppState, AppStore } from './appStore';
import type { Answer, Question } from './evaluation/protocol';

const StoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** The store itself, for effects and event handlers that read state without subscribing. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStoreApi outside <AppStoreProvider>');
  return store;
}

/** Subscribes to a slice; wrap selectors that build arrays or objects in `useShallow`. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

export function useActions(): AppActions {
  return useAppStoreApi().getState().actions;
}

/**
 * The session's answer to a question about the graph on screen, asked again when the graph
 * changes. Until the new answer arrives, the previous answer to the same question is kept, so
 * panels and highlights do not flicker while the user types.
 */
export function useAnswer<Q extends Question>(question: Q | undefined): Answer<Q> | undefined {
  const store = useAppStoreApi();
  const revision = useAppState((s) => s.evaluated.analysisRevision);
  const asked = question ? JSON.stringify(question) : '';
  const [held, setHeld] = useState<{ asked: string; answer: Answer<Q> | undefined }>({ asked: '', answer: undefined });
  useEffect(() => {
    if (!asked) return;
    let live = true;
    void store
      .getState()
      .actions.ask(JSON.parse(asked) as Q)
      .then((answer) => live && setHeld({ asked, answer }));
    return () => {
      live = false;
    };
  }, [asked, revision, store]);
  return held.asked === asked ? held.answer : undefined;
}
