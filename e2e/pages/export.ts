/** The Export menu, its problems dialog and status line, and what it downloads or copies. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export class ExportPage {
  constructor(private readonly page: Page) {}

  menu(): Locator {
    return this.page.getByTestId('export-menu');
  }

  status(): Locator {
    return this.page.getByTestId('export-status');
  }

  dialog(): Locator {
    return this.page.getByTestId('export-dialog');
  }

  problems(): Locator {
    return this.dialog().getByTestId('export-problem');
  }

  async open(): Promise<void> {
    if (!(await this.menu().isVisible())) await this.page.getByTestId('export-button').click();
    await expect(this.menu()).toBeVisible();
  }

  /** Runs a menu entry (`policies-download`, `everything-copy`, `policies-zip`, …). */
  async choose(entry: string): Promise<void> {
    await this.open();
    await this.page.getByTestId(`export-${entry}`).click();
  }

  /** What clicking `target` downloads: the file's suggested name and its bytes. */
  async download(target: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), target.click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }

  /** Downloads a menu entry's file. */
  async downloadEntry(entry: string): Promise<{ name: string; bytes: Buffer }> {
    await this.open();
    return this.download(this.page.getByTestId(`export-${entry}`));
  }

  /** The clipboard's text, once the status says something was copied. */
  async copied(): Promise<string> {
    await expect(this.status()).toContainText('Copied');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

/** Autosave, restore points, other tabs and share links (e2e/keep.spec.ts, e2e/share.spec.ts). */
