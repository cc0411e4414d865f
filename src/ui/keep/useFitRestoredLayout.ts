/**
 * Work that comes back with its layout (reload, a restore point, a share link) is not laid out
 * afresh, and only a fresh layout fits the view: so this fits it, once the graph shows it.
 */
import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/react';
import { useActionManager } from '../commands/context';
import { useKeeper } from './context';

export function useFitRestoredLayout(): void {
  const store = useAppStoreApi();
  const manager = useActionManager();
  const keeper = useKeeper();
  useEffect(() => {
    let fitted = -1;
    let frame = 0;
    const check = () => {
      const restored = keeper.state.getState().restoredLayout;
      if (!restored || restored.seq === fitted || store.getState().evaluated.analysisRevision < restored.revision) return;
      fitted = restored.seq;
      // The graph renders a new result as a deferred render: two frames let it reach React Flow.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => manager.execute('fitView'))));
    };
    const unsubscribe = [store.subscribe(check), keeper.state.subscribe(check)];
    check();
    return () => {
      unsubscribe.forEach((off) => off());
      cancelAnimationFrame(frame);
    };
  }, [store, manager, keeper]);
}
