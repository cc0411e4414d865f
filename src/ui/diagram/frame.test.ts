import { describe, expect, it } from 'vitest';
import {
  chooseFrame,
  MAX_PNG_PIXELS,
  MAX_SIDE,
  PADDING,
  pngPixelRatio,
  toFlowRect,
  unionRects,
  visibleFrame,
  wholeGraphFrame,
  type Rect,
  type Viewport,
} from './frame';

/** Where a flow point lands in the image (or on screen) under `viewport`. */
const place = (v: Viewport, x: number, y: number) => ({ x: x * v.zoom + v.x, y: y * v.zoom + v.y });

describe('unionRects', () => {
  it('is the smallest rectangle holding every one', () => {
    const rects = [
      { x: 10, y: 20, width: 5, height: 5 },
      { x: -4, y: 30, width: 2, height: 40 },
      { x: 0, y: 0, width: 100, height: 1 },
    ];
    expect(unionRects(rects)).toEqual({ x: -4, y: 0, width: 104, height: 70 });
    expect(unionRects([])).toBeUndefined();
  });
});

describe('toFlowRect', () => {
  it('undoes the viewport and the pane offset', () => {
    const viewport = { x: 30, y: -12, zoom: 0.5 };
    const origin = { x: 400, y: 60 };
    const flow = { x: 100, y: 80, width: 230, height: 88 };
    const at = place(viewport, flow.x, flow.y);
    const screen = { x: at.x + origin.x, y: at.y + origin.y, width: flow.width * 0.5, height: flow.height * 0.5 };
    expect(toFlowRect(screen, origin, viewport)).toEqual(flow);
  });
});

describe('wholeGraphFrame', () => {
  /** The image-space rectangle the bounds land on. */
  const landed = (bounds: Rect, v: Viewport) => {
    const a = place(v, bounds.x, bounds.y);
    const b = place(v, bounds.x + bounds.width, bounds.y + bounds.height);
    return { left: a.x, top: a.y, right: b.x, bottom: b.y };
  };

  it('draws the graph at its natural size with a margin all round, wherever it sits', () => {
    const bounds = { x: -250, y: 140, width: 900, height: 420 };
    const frame = wholeGraphFrame(bounds);
    expect(frame).toMatchObject({ scope: 'whole', width: 900 + 2 * PADDING, height: 420 + 2 * PADDING });
    expect(frame.viewport.zoom).toBe(1);
    expect(landed(bounds, frame.viewport)).toEqual({ left: PADDING, top: PADDING, right: 900 + PADDING, bottom: 420 + PADDING });
  });

  it('keeps its size when the same graph is measured at another zoom', () => {
    const at = (width: number, height: number) => wholeGraphFrame({ x: 0, y: 0, width, height });
    expect(at(629.9998108818579, 503.99980541977874)).toEqual(at(630.0012222228041, 504.00098925933554));
  });

  it('scales a graph down to MAX_SIDE on its longest side, keeping its shape and margins', () => {
    const bounds = { x: 0, y: 0, width: 3 * MAX_SIDE, height: MAX_SIDE / 2 };
    const frame = wholeGraphFrame(bounds);
    expect(frame.width).toBe(MAX_SIDE);
    expect(frame.viewport.zoom).toBeLessThan(1 / 3);
    const box = landed(bounds, frame.viewport);
    expect(box.left).toBeCloseTo(PADDING * frame.viewport.zoom);
    expect(box.right).toBeCloseTo(frame.width - PADDING * frame.viewport.zoom, 0);
    expect(box.bottom).toBeLessThanOrEqual(frame.height);
    expect((box.right - box.left) / (box.bottom - box.top)).toBeCloseTo(6);
  });
});

describe('chooseFrame', () => {
  const pane = { width: 1012.4, height: 731.6 };
  const viewport = { x: 12, y: -40, zoom: 0.8 };
  const bounds = { x: 0, y: 0, width: 300, height: 200 };

  it('is the whole graph when React Flow draws all of it', () => {
    expect(chooseFrame({ pane, viewport, bounds }, false)).toEqual(wholeGraphFrame(bounds));
  });

  it('is the pane exactly as framed on screen when React Flow draws only what is in view', () => {
    const frame = chooseFrame({ pane, viewport, bounds }, true);
    expect(frame).toEqual({ scope: 'visible', width: 1012, height: 732, viewport });
    expect(frame).toEqual(visibleFrame(pane, viewport));
  });

  it('is nothing when nothing is drawn', () => {
    expect(chooseFrame({ pane, viewport, bounds: undefined }, false)).toBeUndefined();
    expect(chooseFrame({ pane, viewport, bounds: undefined }, true)).toBeUndefined();
  });
});

describe('pngPixelRatio', () => {
  it('doubles the pixels unless the canvas would pass MAX_PNG_PIXELS', () => {
    expect(pngPixelRatio({ width: 1200, height: 800 })).toBe(2);
    const side = Math.sqrt(MAX_PNG_PIXELS) / 2;
    expect(pngPixelRatio({ width: side, height: side })).toBe(2);
    expect(pngPixelRatio({ width: side + 1, height: side })).toBe(1);
    expect(pngPixelRatio({ width: MAX_SIDE, height: MAX_SIDE })).toBe(1);
  });
});
