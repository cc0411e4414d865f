/**
 * The combobox's keyboard, as the WAI-ARIA combobox pattern (list autocomplete) has it, as a pure
 * function: the focus stays in the text field and the keys move the active option.
 * https://www.w3.org/WAI/ARIA/apg/patterns/combobox/
 */

export interface ListState {
  readonly open: boolean;
  /** The active (highlighted) option's index in the results; -1 for none. */
  readonly active: number;
}

export interface KeyOutcome {
  readonly state: ListState;
  /** The option chosen by this key (Enter). */
  readonly choose?: number;
  /** Whether the key was used up (else the field and the browser get it: Tab moves on). */
  readonly handled: boolean;
}

export interface ListContext {
  /** How many options the query finds. */
  readonly count: number;
  /** How many rows a page holds (PageUp, PageDown). */
  readonly pageRows: number;
  /** The chosen value's index in the results, -1 when not among them: where arrows open the list. */
  readonly selected: number;
  /** The list never closes (the search dialog): Escape is left to the dialog. */
  readonly alwaysOpen: boolean;
}

const clamp = (index: number, count: number) => Math.max(0, Math.min(count - 1, index));

/** What a key does to the list; `undefined` when the key is not the list's (typing, caret keys). */
export function listKey(state: ListState, key: string, context: ListContext): KeyOutcome | undefined {
  const { count, pageRows, selected, alwaysOpen } = context;
  const open = (active: number): KeyOutcome => ({ state: { open: true, active: count === 0 ? -1 : active }, handled: true });
  const close: ListState = { open: alwaysOpen, active: alwaysOpen ? state.active : -1 };
  if (!state.open) {
    // Arrows open the list at the value (or at its first / last option); other keys are the field's.
    if (key === 'ArrowDown') return open(selected >= 0 ? selected : 0);
    if (key === 'ArrowUp') return open(selected >= 0 ? selected : count - 1);
    return undefined;
  }
  switch (key) {
    case 'ArrowDown':
      return open(state.active < 0 ? 0 : clamp(state.active + 1, count));
    case 'ArrowUp':
      return open(state.active < 0 ? count - 1 : clamp(state.active - 1, count));
    case 'PageDown':
      return open(clamp(Math.max(state.active, 0) + pageRows, count));
    case 'PageUp':
      return open(clamp(state.active - pageRows, count));
    // While the list is open, Home and End move through it rather than the caret through the text.
    case 'Home':
      return open(0);
    case 'End':
      return open(count - 1);
    case 'Enter':
      return state.active >= 0 && state.active < count
        ? { state: close, choose: state.active, handled: true }
        : undefined;
    case 'Escape':
      return alwaysOpen ? undefined : { state: close, handled: true };
    case 'Tab':
      return { state: close, handled: false };
    default:
      return undefined;
  }
}
