/**
 * The page's layout as a person sees it: presentation mode, text sizes on screen, the boxes of
 * the toolbar, panes, overlays and banners, the "All" edges' switch, the side panel's fold.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Whether two boxes share any area (touching edges do not count). */
export const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Whether `inner` lies inside `outer` (to half a pixel). */
export const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

export class LayoutPage {
  constructor(private readonly page: Page) {}

  presentationButton(): Locator {
    return this.page.getByRole('button', { name: 'Presentation mode' });
  }

  /** Turns presentation mode on (or off) with its button, and waits for the page to show it. */
  async present(on = true): Promise<void> {
    await this.presentationButton().click();
    await expect(this.presentationButton()).toHaveAttribute('aria-pressed', String(on));
    await expect(this.page.locator('.app')).toHaveClass(on ? /presenting/ : /^(?!.*presenting)/);
  }

  /** Fits the graph with the toolbar's Fit and waits for the zoom to settle (the fit is animated). */
  async fit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Fit', exact: true }).click();
    await this.settled();
  }

  /** Waits until the viewport's transform stays the same over a few frames. */
  async settled(): Promise<void> {
    const transform = () => this.page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    let last = '';
    await expect
      .poll(async () => {
        const now = await transform();
        const same = now === last;
        last = now;
        return same;
      }, { intervals: [150, 150, 150, 250] })
      .toBe(true);
  }

  /**
   * The font size a person sees, in CSS pixels: the computed size times every scale between the
   * element and the screen (the graph's zoom, an SVG label's own scale). HTML: its box on screen
   * against its layout box; SVG text: its box on screen against its own bounding box.
   */
  screenFontSize(text: Locator): Promise<number> {
    return text.evaluate((el) => {
      const onScreen = el.getBoundingClientRect().height;
      const own = el instanceof SVGGraphicsElement ? el.getBBox().height : (el as HTMLElement).offsetHeight;
      return parseFloat(getComputedStyle(el).fontSize) * (onScreen / own);
    });
  }

  async box(locator: Locator): Promise<Box> {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`${locator} has no box`);
    return box;
  }

  /** The boxes of the locator's elements that are on screen. */
  async boxes(locator: Locator): Promise<Box[]> {
    return locator.evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
    );
  }

  toolbar(): Locator {
    return this.page.locator('header.toolbar');
  }

  graphPane(): Locator {
    return this.page.getByTestId('graph');
  }

  inspector(): Locator {
    return this.page.locator('aside.inspector');
  }

  legend(): Locator {
    return this.page.getByTestId('legend');
  }

  minimap(): Locator {
    return this.page.locator('.react-flow__minimap, [data-testid="overview"]');
  }

  /** The pane bar's choice of how "All" edges are drawn: faint, hidden, shown (in full). */
  allTraffic(): Locator {
    return this.page.getByTestId('all-traffic');
  }

  panelFold(): Locator {
    return this.page.getByTestId('panel-fold');
  }

  emptyGraph(): Locator {
    return this.page.getByTestId('empty-graph');
  }

  /** The opacity an edge's line is drawn with. */
  lineOpacity(edgeTestId: string): Promise<number> {
    return this.page
      .getByTestId(`rf__edge-${edgeTestId}`)
      .locator('.react-flow__edge-path')
      .evaluate((el) => Number(getComputedStyle(el).opacity));
  }
}
