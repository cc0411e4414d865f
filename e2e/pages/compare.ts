/** Compare: its inspector tab (the baseline, Pin now, Unpin, the changed pairs) and its marks on the graph. */
import { type Locator, type Page } from '@playwright/test';
import { edgeId, lostEdgeId } from '../../src/ui/graph/ids';

export class ComparePage {
  constructor(private readonly page: Page) {}

  tab(): Locator {
    return this.page.getByTestId('tab-compare');
  }

  /** Opens the tab. */
  async open(): Promise<void> {
    await this.tab().click();
  }

  panel(): Locator {
    return this.page.getByTestId('compare');
  }

  /** Which baseline: `Changes since the text as loaded at 10:42.` */
  baseline(): Locator {
    return this.page.getByTestId('compare-baseline');
  }

  summary(): Locator {
    return this.page.getByTestId('compare-summary');
  }

  /** Every sentence of the list, in order. */
  lines(): Promise<string[]> {
    return this.page.getByTestId('compare-line').allTextContents();
  }

  /** The button of a changed pair (its sentences, one of which is given), which selects its edge. */
  pair(sentence: string): Locator {
    return this.panel().getByRole('button', { name: sentence });
  }

  async pinNow(): Promise<void> {
    await this.panel().getByRole('button', { name: 'Pin now' }).click();
  }

  async unpin(): Promise<void> {
    await this.panel().getByRole('button', { name: 'Unpin' }).click();
  }

  /** The badge under an edge's label: what its pairs gained since the baseline (`+ TCP 443`). */
  gained(source: string, target: string): Locator {
    return this.page.getByTestId(`edge-gained-${edgeId(source, target)}`);
  }

  /** The dashed mark of traffic two nodes' pairs lost since the baseline, by its label (`− TCP 80`). */
  lostLabel(source: string, target: string): Locator {
    return this.page.getByTestId(`edge-label-${lostEdgeId(source, target)}`);
  }

  /** Every mark on the graph: lost edges and gained badges. */
  marks(): Locator {
    return this.page.locator('[data-testid^="edge-gained-"], [data-testid^="rf__edge-"][data-testid$="|lost"]');
  }
}
