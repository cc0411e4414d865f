/**
 * The graph: nodes, edges and their labels, banners, dragging and looking at nodes, namespaces
 * collapsed and expanded, the focus view, and the viewport.
 */
import { type Locator, type Page } from '@playwright/test';
import { namespaceNodeId } from '../../src/ui/graph/ids';

export class GraphPage {
  constructor(private readonly page: Page) {}

  node(id: string): Locator {
    return this.page.getByTestId(`rf__node-${id}`);
  }

  edge(id: string): Locator {
    return this.page.getByTestId(`rf__edge-${id}`);
  }

  /** The invisible wide stroke that takes clicks on an edge's line. */
  edgeLine(id: string): Locator {
    return this.edge(id).locator('.react-flow__edge-interaction');
  }

  edgeLabel(id: string): Locator {
    return this.page.getByTestId(`edge-label-${id}`);
  }

  /**
   * Every edge label on screen, by edge id: its first line (a second line, the note, names the
   * cluster-wide Deny rule behind a denied pair: `edgeNote`; the tooltip is not read).
   */
  async labels(): Promise<Record<string, string>> {
    const labels = this.page.locator('[data-testid^="edge-label-"]');
    const entries = await labels.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-testid')!.slice('edge-label-'.length), el.querySelector('text')?.textContent ?? '']),
    );
    return Object.fromEntries(entries);
  }

  /** The first line of an edge's label: what `labels()` reads. */
  edgeText(id: string): Locator {
    return this.edgeLabel(id).locator('text').first();
  }

  /** The second line of an edge's label: the cluster-wide Deny rule behind a denied pair. */
  edgeNote(id: string): Locator {
    return this.edgeLabel(id).getByTestId('edge-note');
  }

  /** The tooltip of an edge's label. */
  edgeTitle(id: string): Promise<string | null> {
    return this.edgeLabel(id).locator('title').textContent();
  }

  /** A workload's cluster-wide tier shields (their title names the policies). */
  tierMarks(id: string): Locator {
    return this.node(id).getByTestId('tier-marks');
  }

  /** Drags a node by its top-left corner, by (dx, dy) screen pixels. */
  async drag(id: string, dx: number, dy: number): Promise<void> {
    const box = (await this.node(id).boundingBox())!;
    await this.page.mouse.move(box.x + 16, box.y + 12);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + 16 + dx, box.y + 12 + dy, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Whether a node lies wholly inside the graph pane (not cut off by its edges). */
  async inView(id: string): Promise<boolean> {
    const pane = (await this.page.locator('.react-flow').boundingBox())!;
    const box = await this.node(id).boundingBox();
    return (
      box !== null &&
      box.x >= pane.x &&
      box.y >= pane.y &&
      box.x + box.width <= pane.x + pane.width &&
      box.y + box.height <= pane.y + pane.height
    );
  }

  /** A node's position in the graph (its transform: independent of zoom and pan). */
  position(id: string): Promise<string> {
    return this.node(id).evaluate((el) => (el as HTMLElement).style.transform);
  }

  staleBanner(): Locator {
    return this.page.getByTestId('stale-banner');
  }

  /** Says which objects stand at their last valid version while their YAML has an error. */
  heldBanner(): Locator {
    return this.page.getByTestId('held-banner');
  }

  /** A namespace's node: its frame when open, one node when collapsed. */
  namespace(name: string): Locator {
    return this.node(namespaceNodeId(name));
  }

  /** The namespaces drawn collapsed (their node ids). */
  collapsedNodes(): Locator {
    return this.page.locator('.react-flow__node-collapsedNamespace');
  }

  /** The "Expand" button on a collapsed namespace. */
  expandButton(name: string): Locator {
    return this.namespace(name).getByTestId('expand-namespace');
  }

  /** The graph controls' "Expand every namespace" and "Collapse every namespace". */
  async expandAll(): Promise<void> {
    await this.page.getByTestId('expand-all').click();
  }

  async collapseAll(): Promise<void> {
    await this.page.getByTestId('collapse-all').click();
  }

  /** React Flow's own "fit view" control. */
  fitControl(): Locator {
    return this.page.locator('.react-flow__controls-fitview');
  }

  /** The focus view's breadcrumb, its way back, and its direction buttons. */
  focusCrumbs(): Locator {
    return this.page.getByTestId('focus-crumbs');
  }

  wholeGraph(): Locator {
    return this.page.getByTestId('whole-graph');
  }

  focusDirection(direction: 'in' | 'out' | 'both'): Locator {
    return this.page.getByTestId(`focus-${direction}`);
  }

  /** The viewport's zoom (React Flow's transform). */
  zoom(): Promise<number> {
    return this.page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  }

  /** Ids of the nodes in the page (in a large graph, only those in view are). */
  nodeIds(): Promise<string[]> {
    return this.page
      .locator('[data-testid^="rf__node-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('rf__node-'.length)));
  }

  /** The ids of the nodes not wholly inside the graph pane. */
  async outsideView(): Promise<string[]> {
    const pane = (await this.page.locator('.react-flow').boundingBox())!;
    const boxes = await this.page.locator('[data-testid^="rf__node-"]').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.getAttribute('data-testid')!.slice('rf__node-'.length), x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    // Half a pixel either way: the fitted graph's edge may round onto the pane's.
    return boxes
      .filter((b) => b.x < pane.x - 0.5 || b.y < pane.y - 0.5 || b.x + b.width > pane.x + pane.width + 0.5 || b.y + b.height > pane.y + pane.height + 0.5)
      .map((b) => b.id);
  }
}
