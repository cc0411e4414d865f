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
import { idbStorage } from './store/persistence/idbStorage';
import { Keeper } from './store/persistence/keeper';
import { readStart } from './store/persistence/startup';
import { broadcastTabChannel } from './store/persistence/tabs';
import { KeeperContext } from './ui/keep/context';
import { ExportProvider } from './ui/export/ExportContext';
import { dropFragment, useKeepLifecycle } from './ui/keep/useKeepLifecycle';
import { useFitRestoredLayout } from './ui/keep/useFitRestoredLayout';
import './ui/app/app.css';

// Restored before the first render: a share link in the address, else the autosaved work.
const storage = idbStorage();
const start = await readStart(storage, location.hash, DEFAULT_TEXT, Date.now());
if (start.link) dropFragment();
const store = createAppStore({
  text: start.work.text,
  positions: start.work.positions,
  view: start.work.view,
  opened: start.link ? 'share' : 'start',
  evaluator: (onResult) =>
    createWorkerEvaluator(new Worker(new URL('./store/evaluation/worker.ts', import.meta.url), { type: 'module' }), onResult),
});
const keeper = new Keeper({ store, storage, start, channel: 'BroadcastChannel' in window ? broadcastTabChannel() : null });
const actions = new ActionManager(store, () => ({ prefersDark: systemPrefersDark() }), ALL_ACTIONS);

function Root() {
  useShortcuts(actions);
  useKeepLifecycle(keeper);
  useFitRestoredLayout();
  return <App />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <ActionManagerContext.Provider value={actions}>
        <KeeperContext.Provider value={keeper}>
          <ExportProvider>
            <Root />
          </ExportProvider>
        </KeeperContext.Provider>
      </ActionManagerContext.Provider>
    </AppStoreProvider>
  </StrictMode>,
);
