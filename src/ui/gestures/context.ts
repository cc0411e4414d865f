/** The gestures' API, for the menu, the forms and the graph (GestureProvider.tsx provides it). */
import { createContext, useContext } from 'react';
import type { EditPlan } from '../../plans';
import type { Gesture } from '../../store/evaluation/gestures';
import type { FormRequest, GestureTarget } from './menu';

/** What the dialog shows: a form, the choices a gesture left, or what a plan says instead of an edit. */
export type DialogState =
  | { readonly kind: 'form'; readonly form: FormRequest }
  | { readonly kind: 'choose'; readonly plans: readonly EditPlan[] }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'planning' };

export interface GestureApi {
  openMenu(target: GestureTarget, at: { x: number; y: number }): void;
  openForm(form: FormRequest): void;
  /** Plans the gesture; one plan goes to review, several are offered, none is said. */
  plan(gesture: Gesture): Promise<void>;
  review(plan: EditPlan): void;
  close(): void;
}

export const GestureContext = createContext<GestureApi | null>(null);

export function useGestures(): GestureApi {
  const api = useContext(GestureContext);
  if (!api) throw new Error('useGestures outside GestureProvider');
  return api;
}
