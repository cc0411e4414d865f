/**
 * The page's life as the keeper needs it: save before the page goes away, warn before closing a
 * tab whose changes cannot be saved, tell other tabs when this one leaves or comes back, and open
 * a share link pasted into the address of an open app.
 */
import { useEffect } from 'react';
import type { Keeper } from '../../store/persistence/keeper';

/** The address without its fragment: a share link, once opened, leaves the address. */
export function dropFragment(): void {
  history.replaceState(history.state, '', location.pathname + location.search);
}

export function useKeepLifecycle(keeper: Keeper): void {
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void keeper.flush();
    };
    const onPageHide = () => {
      void keeper.flush();
      keeper.sayGoodbye();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) keeper.sayHello();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (keeper.hasUnsavedWork()) event.preventDefault();
    };
    const onHashChange = () => {
      void keeper.openLink(location.hash).then((wasLink) => wasLink && dropFragment());
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('hashchange', onHashChange);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [keeper]);
}
