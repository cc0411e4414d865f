/** Keeping work: the save status, notices, restore points and the Share dialog. */
import { expect, type Locator, type Page } from '@playwright/test';

export class KeepPage {
  constructor(private readonly page: Page) {}

  /** Opens the app at `url` in this page and waits for the editor (any text, even none). */
  async open(url = '/'): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('yaml-editor').locator('.monaco-editor')).toBeVisible();
  }

  /** The toolbar's "Saved" / "Saving…" / "Not saved". */
  status(): Locator {
    return this.page.getByTestId('save-status');
  }

  /** The page's clock, to measure how soon a change is saved. */
  now(): Promise<number> {
    return this.page.evaluate(() => Date.now());
  }

  /** Waits until this tab has saved at `since` or later (page clock); returns when it saved. */
  async savedSince(since: number): Promise<number> {
    await expect.poll(async () => Number(await this.status().getAttribute('data-saved-at'))).toBeGreaterThanOrEqual(since);
    await expect(this.status()).toHaveText('Saved');
    return Number(await this.status().getAttribute('data-saved-at'));
  }

  /** The text in the browser's autosave slot (IndexedDB), read behind the app's back. */
  savedText(): Promise<string | undefined> {
    return this.page.evaluate(
      () =>
        new Promise<string | undefined>((resolve, reject) => {
          const open = indexedDB.open('netpol-canvas');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('keep').objectStore('keep').get('work');
            read.onsuccess = () => {
              resolve((read.result as { work: { text: string } } | undefined)?.work.text);
              open.result.close();
            };
          };
        }),
    );
  }

  keptNotice(): Locator {
    return this.page.getByTestId('kept-notice');
  }

  otherTabNotice(): Locator {
    return this.page.getByTestId('other-tab-notice');
  }

  behindNotice(): Locator {
    return this.page.getByTestId('behind-notice');
  }

  linkProblem(): Locator {
    return this.page.getByTestId('link-problem');
  }

  async newDocument(): Promise<void> {
    await this.page.getByTestId('new-button').click();
  }

  /** "Bring it back" on the notice that a replacement kept a restore point. */
  async bringBack(): Promise<void> {
    await this.keptNotice().getByTestId('bring-back').click();
  }

  /** Opens the restore points dialog; its entries, newest first. */
  async restorePoints(): Promise<Locator> {
    await this.page.getByTestId('restore-points-button').click();
    await expect(this.page.getByTestId('restore-points')).toBeVisible();
    return this.page.getByTestId('restore-point');
  }

  shareDialog(): Locator {
    return this.page.getByTestId('share-dialog');
  }

  /** Clicks Share and returns the link the dialog shows (the one it copied). */
  async share(): Promise<string> {
    await this.page.getByTestId('share-button').click();
    await expect(this.shareDialog()).toBeVisible();
    return this.shareDialog().getByTestId('share-link').inputValue();
  }
}
