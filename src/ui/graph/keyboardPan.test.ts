import { describe, expect, it } from 'vitest';
import type { KeyInput } from '../commands/types';
import { panStep } from './keyboardPan';

const pane = { width: 800, height: 600 };
const key = (k: string, modifiers: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  code: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});

describe('panStep', () => {
  it('moves the view the way the arrow points: the drawing slides the other way, a tenth of the pane', () => {
    expect(panStep(key('ArrowRight'), pane)).toEqual({ x: -80, y: 0 });
    expect(panStep(key('ArrowLeft'), pane)).toEqual({ x: 80, y: 0 });
    expect(panStep(key('ArrowDown'), pane)).toEqual({ x: 0, y: -60 });
    expect(panStep(key('ArrowUp'), pane)).toEqual({ x: 0, y: 60 });
  });

  it('goes four times as far with Shift', () => {
    expect(panStep(key('ArrowLeft', { shiftKey: true }), pane)).toEqual({ x: 320, y: 0 });
  });

  it('leaves other keys, and arrows with Alt, Ctrl or Meta, alone', () => {
    expect(panStep(key('Enter'), pane)).toBeUndefined();
    expect(panStep(key('ArrowLeft', { altKey: true }), pane)).toBeUndefined();
    expect(panStep(key('ArrowLeft', { ctrlKey: true }), pane)).toBeUndefined();
    expect(panStep(key('ArrowLeft', { metaKey: true }), pane)).toBeUndefined();
  });
});
