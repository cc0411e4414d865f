/** Entry: one store, one action manager, the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './store/appStore';
import { createWorkerEvaluator } from './store/evaluation/evaluator';
import { AppStoreProvider } from './store/react';
import { ActionManager } from './ui/commands/ActionManager';
import { ALL_ACTIONS } from './ui/commands/actions';
import { ActionManagerContext, useShortcuts } from './ui/commands/context';
import { App } from './ui/app/App';
import { DEFAULT_TEXT } from './ui/app/examples';
import { systemPrefersDark } from './ui/app/theme';
import './ui/app/app.css';

const store = createAppStore({
  text: DEFAULT_TEXT,
  evaluator: (onResult) =>
    createWorkerEvaluator(new Worker(new URL('./store/evaluation/worker.ts', import.meta.url), { type: 'module' }), onResult),
});
const actions = new ActionManager(store, () => ({ prefersDark: systemPrefersDark() }), ALL_ACTIONS);

function Root() {
  useShortcuts(actions);
  return <App />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <ActionManagerContext.Provider value={actions}>
        <Root />
      </ActionManagerContext.Provider>
    </AppStoreProvider>
  </StrictMode>,
);
