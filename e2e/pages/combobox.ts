/** A combobox (src/ui/combobox): a text field with a list of options, driven by mouse or keys. */
import { type Locator, type Page } from '@playwright/test';

export class ComboboxPage {
  constructor(
    private readonly page: Page,
    private readonly testId: string,
  ) {}

  root(): Locator {
    return this.page.getByTestId(this.testId);
  }

  input(): Locator {
    return this.root().getByRole('combobox');
  }

  list(): Locator {
    return this.root().getByRole('listbox');
  }

  /** The options in the page (a long list has only those in view, and the active one). */
  options(): Locator {
    return this.list().getByRole('option');
  }

  /** The main text of each option in the page, in list order. */
  optionLabels(): Locator {
    return this.options().locator('.combobox-option-label');
  }

  /** One option, by its id (an endpoint id, `workload:<id>`, `policy:<id>`, …). */
  option(id: string): Locator {
    return this.list().locator(`[data-option="${id}"]`);
  }

  /** The option the keys move (`aria-activedescendant`). */
  active(): Locator {
    return this.list().locator('[role="option"][aria-selected="true"]');
  }

  /** Opens the list with a click on the field. */
  async open(): Promise<void> {
    await this.input().click();
  }

  /** Types a query into the field, replacing what it shows. */
  async type(query: string): Promise<void> {
    await this.input().click();
    await this.input().fill(query);
  }

  /** Types a query and clicks the option with this id. */
  async choose(query: string, id: string): Promise<void> {
    await this.type(query);
    await this.option(id).click();
  }
}
