/** The truth table (Graph | Matrix): its traffic, its cells as rendered, hovering, clicking, downloads. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { CELL } from '../../src/ui/matrix/layout';

/** A rendered cell, read back: its pair by the ids its headers carry, and the symbol it shows. */
export interface ShownCell {
  readonly from: string;
  readonly to: string;
  readonly symbol: string;
}

export class MatrixPage {
  constructor(private readonly page: Page) {}

  grid(): Locator {
    return this.page.getByTestId('matrix-grid');
  }

  switchTo(pane: 'graph' | 'matrix'): Promise<void> {
    return this.page.getByTestId(`pane-${pane}`).click();
  }

  async open(): Promise<void> {
    await this.switchTo('matrix');
    await expect(this.grid().getByRole('gridcell').first()).toBeVisible({ timeout: 30_000 });
  }

  /** Chooses the traffic: a protocol (or `any`) and a port (blank: every port). */
  async traffic(protocol: 'any' | 'TCP' | 'UDP' | 'SCTP', port = ''): Promise<void> {
    await this.page.getByTestId('matrix-protocol').selectOption(protocol);
    if (protocol !== 'any') await this.page.getByTestId('matrix-port').fill(port);
  }

  /** The header of an endpoint, as a row (source) or a column (destination). */
  header(axis: 'row' | 'col', id: string): Locator {
    return this.grid().locator(`.matrix-${axis}-header[title="${id}"]`);
  }

  /** The index of an endpoint whose header is rendered, as the table's rows and columns number them. */
  async index(axis: 'row' | 'col', id: string): Promise<string> {
    const index = await this.header(axis, id).getAttribute('data-endpoint');
    if (index === null) throw new Error(`no ${axis} header for ${id}`);
    return index;
  }

  /** The cell of a pair whose headers are rendered. */
  async cell(from: string, to: string): Promise<Locator> {
    return this.grid().locator(`[role="row"][data-row="${await this.index('row', from)}"] [data-col="${await this.index('col', to)}"]`);
  }

  /** Every cell in the page, decoded from what it shows and the headers of its row and column. */
  shown(): Promise<ShownCell[]> {
    return this.grid().evaluate((grid) => {
      const ids = new Map<string, string>();
      for (const h of grid.querySelectorAll<HTMLElement>('.matrix-row-header')) ids.set(`r${h.dataset.endpoint}`, h.title);
      for (const h of grid.querySelectorAll<HTMLElement>('.matrix-col-header')) ids.set(`c${h.dataset.endpoint}`, h.title);
      return [...grid.querySelectorAll<HTMLElement>('[role="row"]')].flatMap((row) =>
        [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')].map((cell) => ({
          from: ids.get(`r${row.dataset.row}`) ?? `(no header for row ${row.dataset.row})`,
          to: ids.get(`c${cell.dataset.col}`) ?? `(no header for column ${cell.dataset.col})`,
          symbol: cell.textContent ?? '',
        })),
      );
    });
  }

  /** The pair and verdict the tooltip shows. */
  tooltip(): Locator {
    return this.page.getByTestId('matrix-tooltip');
  }

  /**
   * Scrolls the table to a fraction of its size on each axis, and waits until the cell then at the
   * top left of the view is rendered; returns its row and column.
   */
  async scrollTo(down: number, across: number): Promise<{ row: number; col: number }> {
    const { top, left } = await this.grid().evaluate((el, [d, a]) => {
      el.scrollTo({ top: (el.scrollHeight - el.clientHeight) * d!, left: (el.scrollWidth - el.clientWidth) * a! });
      return { top: el.scrollTop, left: el.scrollLeft };
    }, [down, across]);
    const [row, col] = [Math.ceil(top / CELL), Math.ceil(left / CELL)];
    await expect(this.grid().locator(`[role="row"][data-row="${row}"] [data-col="${col}"]`)).toBeAttached();
    return { row, col };
  }

  async download(format: 'md' | 'csv'): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`matrix-export-${format}`).click()]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  }
}
