import { describe, expect, it } from 'vitest';
import { getViewportForBounds } from '@xyflow/react';
import { applyPlacement } from './placement';
import { gridLayout } from './gridLayout';
import { toFlow } from './toFlow';
import { defaultGraph } from './testGraph';
import { fitOptions, graphBounds, graphOutsideView, PRESENTATION_ZOOM, READABLE_ZOOM } from './viewport';

/** The classic example placed as a first layout places it. */
const classic = () => {
  const { nodes } = toFlow(defaultGraph(), { deniedFor: null });
  return applyPlacement(nodes, gridLayout(nodes));
};
const topLevel = () => classic().filter((n) => n.parentId === undefined);
const ROOM = { top: 0, right: 0, bottom: 40, left: 50 };

describe('fit', () => {
  it('fits the whole graph with a margin, and leaves the overlays their room in pixels', () => {
    expect(fitOptions(classic(), true)).toEqual({ includeHiddenNodes: true, padding: 0.08 });
    expect(fitOptions(classic(), true, { room: ROOM }).padding).toEqual({ top: '16px', right: '16px', bottom: '56px', left: '66px' });
  });

  it('never fits below the presentation zoom in presentation mode, whatever the graph', () => {
    const options = fitOptions(classic(), true, { presentation: true });
    expect(options.minZoom).toBe(PRESENTATION_ZOOM);
    const bounds = graphBounds(topLevel())!;
    // A pane far too small for the graph: the fit stops at the presentation zoom.
    const { zoom } = getViewportForBounds(bounds, 200, 150, options.minZoom!, 2.5, 0.08);
    expect(zoom).toBe(PRESENTATION_ZOOM);
    expect(fitOptions(classic(), true).minZoom).toBeUndefined();
  });

  it('keeps the least zoom a collapsed graph has, and lets a large one open at the presentation zoom', () => {
    const many = Array.from({ length: 301 }, (_, i) => ({ ...classic()[0]!, id: `n${i}` }));
    const large = fitOptions(many, false, { presentation: true });
    expect(large.maxZoom).toBe(PRESENTATION_ZOOM);
    expect(large.minZoom).toBe(PRESENTATION_ZOOM);
    expect(fitOptions(many).maxZoom).toBe(1);
    const collapsed = [{ ...classic()[0]!, type: 'collapsedNamespace' } as (typeof many)[0]];
    expect(fitOptions(collapsed).minZoom).toBe(READABLE_ZOOM);
    expect(fitOptions(collapsed, false, { presentation: true }).minZoom).toBe(PRESENTATION_ZOOM);
  });
});

describe('whether the minimap is worth its corner', () => {
  const pane = { width: 800, height: 600 };
  it('is not while the whole graph is in view', () => {
    const bounds = graphBounds(topLevel())!;
    const fitted = getViewportForBounds(bounds, pane.width, pane.height, 0.01, 2.5, 0.08);
    expect(graphOutsideView(bounds, [fitted.x, fitted.y, fitted.zoom], pane)).toBe(false);
  });

  it('is once part of it is out of view: zoomed in, or panned away', () => {
    const bounds = graphBounds(topLevel())!;
    const fitted = getViewportForBounds(bounds, pane.width, pane.height, 0.01, 2.5, 0.08);
    expect(graphOutsideView(bounds, [fitted.x, fitted.y, fitted.zoom * 2], pane)).toBe(true);
    expect(graphOutsideView(bounds, [fitted.x + 400, fitted.y, fitted.zoom], pane)).toBe(true);
    expect(graphOutsideView(bounds, [fitted.x, fitted.y - 300, fitted.zoom], pane)).toBe(true);
  });

  it('is not for an empty graph, or a pane not measured yet', () => {
    expect(graphOutsideView(null, [0, 0, 1], pane)).toBe(false);
    expect(graphOutsideView(graphBounds(topLevel()), [0, 0, 5], { width: 0, height: 0 })).toBe(false);
  });

  it('bounds the top-level boxes, which hold their children', () => {
    const boxes = topLevel();
    const bounds = graphBounds(boxes)!;
    for (const n of boxes) {
      expect(n.position.x).toBeGreaterThanOrEqual(bounds.x);
      expect(n.position.y + n.height!).toBeLessThanOrEqual(bounds.y + bounds.height);
    }
    expect(graphBounds([])).toBeNull();
  });
});
