/** The inspector's "Why not?" tab: two endpoint pickers, protocol and port, and the answer. */
import { type Locator, type Page } from '@playwright/test';
import { ComboboxPage } from './combobox';

export class WhyNotPage {
  readonly from: ComboboxPage;
  readonly to: ComboboxPage;

  constructor(private readonly page: Page) {
    this.from = new ComboboxPage(page, 'why-from');
    this.to = new ComboboxPage(page, 'why-to');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('tab-whyNot').click();
  }

  /** Picks both endpoints: each found by typing its name, chosen by its endpoint id. */
  async ask(from: { query: string; id: string }, to: { query: string; id: string }, port: string): Promise<void> {
    await this.from.choose(from.query, from.id);
    await this.to.choose(to.query, to.id);
    await this.port().fill(port);
  }

  port(): Locator {
    return this.page.getByTestId('why-port');
  }

  answer(): Locator {
    return this.page.getByTestId('why-answer');
  }
}
