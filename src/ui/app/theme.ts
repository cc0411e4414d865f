/** The theme on screen: the user's choice, or the system's colour scheme when they chose none. */
import { useSyncExternalStore } from 'react';
import { useAppState } from '../../store/react';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

export function systemPrefersDark(): boolean {
  return query().matches;
}

function subscribe(onChange: () => void): () => void {
  const media = query();
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function useEffectiveTheme(): 'light' | 'dark' {
  const choice = useAppState((s) => s.view.theme);
  const prefersDark = useSyncExternalStore(subscribe, systemPrefersDark);
  if (choice === 'system') return prefersDark ? 'dark' : 'light';
  return choice;
}
