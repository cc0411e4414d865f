/** The Diagram menu and its downloads, read back as bytes. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export class DiagramPage {
  constructor(private readonly page: Page) {}

  menu(): Locator {
    return this.page.getByTestId('diagram-menu');
  }

  /** What the menu says the images will hold. */
  scope(): Locator {
    return this.page.getByTestId('diagram-scope');
  }

  async open(): Promise<void> {
    if (!(await this.menu().isVisible())) await this.page.getByTestId('diagram-button').click();
    await expect(this.menu()).toBeVisible();
  }

  /** Downloads one format from the menu: the file's suggested name and its bytes. */
  async download(format: 'png' | 'svg' | 'dot'): Promise<{ name: string; bytes: Buffer }> {
    await this.open();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`diagram-${format}`).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }
}

/** The toolbar's Export menu, the problems dialog, the per-policy links and the clipboard. */
