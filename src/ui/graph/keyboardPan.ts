/**
 * Arrow keys pan the graph, for whoever has no mouse to drag the pane with (React Flow has no key
 * for it; its arrows only move a selected node, which keeps that meaning). The view moves the way
 * the arrow points, as scrolling does: the drawing slides the other way.
 */
import type { KeyInput } from '../commands/types';

/** Which way each arrow slides the drawing (the opposite of where it points). */
const SLIDES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [1, 0],
  ArrowRight: [-1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};
/** A step is this part of the pane: small enough to keep one's place, large enough to get anywhere. */
const STEP = 0.1;
/** Shift goes four times as far, as it does for a node moved with the arrows. */
const SHIFT_FACTOR = 4;

/**
 * How much an arrow key moves the viewport's translation, in screen pixels; undefined for any
 * other key, or an arrow with Alt, Ctrl or Meta (the browser's and the system's own keys).
 */
export function panStep(
  event: KeyInput,
  pane: { readonly width: number; readonly height: number },
): { x: number; y: number } | undefined {
  const slide = SLIDES[event.key];
  if (!slide || event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const factor = STEP * (event.shiftKey ? SHIFT_FACTOR : 1);
  return { x: slide[0] * pane.width * factor, y: slide[1] * pane.height * factor };
}
