/** The gallery: the toolbar's Examples button, its dialog of example and lesson cards, and the filter. */
import { expect, type Locator, type Page } from '@playwright/test';

export class GalleryPage {
  constructor(private readonly page: Page) {}

  button(): Locator {
    return this.page.getByTestId('gallery-button');
  }

  dialog(): Locator {
    return this.page.getByTestId('gallery');
  }

  filter(): Locator {
    return this.page.getByTestId('gallery-filter');
  }

  /** The card of an example (its id) or a lesson (`lesson:<id>`). */
  card(value: string): Locator {
    return this.page.getByTestId(`gallery-${value}`);
  }

  async open(): Promise<void> {
    await this.button().click();
    await expect(this.dialog()).toBeVisible();
  }

  /** Opens the gallery and chooses an example (its id) or a lesson (`lesson:<id>`) with a click. */
  async choose(value: string): Promise<void> {
    await this.open();
    await this.card(value).click();
    await expect(this.dialog()).toBeHidden();
  }
}
