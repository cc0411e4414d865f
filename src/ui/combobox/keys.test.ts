import { describe, expect, it } from 'vitest';
import { listKey, type ListContext, type ListState } from './keys';

const picker: ListContext = { count: 10, pageRows: 4, selected: -1, alwaysOpen: false };
const closed: ListState = { open: false, active: -1 };
const at = (active: number): ListState => ({ open: true, active });

/** The active option after pressing `keys` one after the other, from `state`. */
function press(state: ListState, keys: readonly string[], context = picker): ListState {
  return keys.reduce((s, key) => listKey(s, key, context)?.state ?? s, state);
}

describe('listKey', () => {
  it('opens with the arrows: at the chosen option, else at the first (down) or last (up)', () => {
    expect(listKey(closed, 'ArrowDown', picker)).toEqual({ state: at(0), handled: true });
    expect(listKey(closed, 'ArrowUp', picker)).toEqual({ state: at(9), handled: true });
    expect(listKey(closed, 'ArrowDown', { ...picker, selected: 6 })?.state).toEqual(at(6));
  });

  it('leaves other keys to the text field while closed (Home and End move the caret)', () => {
    for (const key of ['Home', 'End', 'Enter', 'Escape', 'a', 'PageDown']) expect(listKey(closed, key, picker), key).toBeUndefined();
  });

  it('moves with arrows, pages, Home and End, and stops at either end', () => {
    expect(press(at(0), ['ArrowDown', 'ArrowDown'])).toEqual(at(2));
    expect(press(at(0), ['ArrowUp'])).toEqual(at(0));
    expect(press(at(8), ['ArrowDown', 'ArrowDown'])).toEqual(at(9));
    expect(press(at(1), ['PageDown'])).toEqual(at(5));
    expect(press(at(8), ['PageDown'])).toEqual(at(9));
    expect(press(at(5), ['PageUp', 'PageUp'])).toEqual(at(0));
    expect(press(at(5), ['End'])).toEqual(at(9));
    expect(press(at(5), ['Home'])).toEqual(at(0));
  });

  it('chooses the active option with Enter and closes', () => {
    expect(listKey(at(3), 'Enter', picker)).toEqual({ state: closed, choose: 3, handled: true });
    expect(listKey(at(-1), 'Enter', picker)).toBeUndefined();
  });

  it('closes with Escape (used up) and Tab (which still moves the focus on)', () => {
    expect(listKey(at(3), 'Escape', picker)).toEqual({ state: closed, handled: true });
    expect(listKey(at(3), 'Tab', picker)).toEqual({ state: closed, handled: false });
  });

  it('has no active option when the query finds nothing', () => {
    const none = { ...picker, count: 0 };
    expect(listKey(closed, 'ArrowDown', none)?.state).toEqual(at(-1));
    expect(listKey(at(-1), 'End', none)?.state).toEqual(at(-1));
    expect(listKey(at(-1), 'Enter', none)).toBeUndefined();
  });

  it('in the search dialog, stays open and leaves Escape to the dialog', () => {
    const search = { ...picker, alwaysOpen: true };
    expect(listKey(at(2), 'Escape', search)).toBeUndefined();
    expect(listKey(at(2), 'Enter', search)).toEqual({ state: at(2), choose: 2, handled: true });
  });
});
