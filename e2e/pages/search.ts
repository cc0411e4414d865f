/** The search dialog (Ctrl+K or the toolbar's Search) over workloads, namespaces and policies. */
import { type Locator, type Page } from '@playwright/test';
import { ComboboxPage } from './combobox';

export class SearchPage {
  readonly box: ComboboxPage;

  constructor(private readonly page: Page) {
    this.box = new ComboboxPage(page, 'search');
  }

  dialog(): Locator {
    return this.page.getByTestId('search-dialog');
  }

  button(): Locator {
    return this.page.getByTestId('search-button');
  }

  /** Opens the search with its shortcut (Ctrl+K, ⌘K on a Mac). */
  async openByKey(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K');
  }

  /** Types a query into the open search. */
  async type(query: string): Promise<void> {
    await this.box.input().fill(query);
  }
}
