/** The inspector: edge and node details, and its tabs. */
import { type Locator, type Page } from '@playwright/test';

export class InspectorPage {
  constructor(private readonly page: Page) {}

  edgeDetails(): Locator {
    return this.page.getByTestId('edge-details');
  }

  nodeDetails(): Locator {
    return this.page.getByTestId('node-details');
  }

  /** The policy under the editor cursor, in plain words (shown while nothing is selected). */
  cursorPolicy(): Locator {
    return this.page.getByTestId('cursor-policy');
  }

  tab(name: 'details' | 'whyNot' | 'problems' | 'cluster'): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }
}

/** A file for the import tests: its text, its bytes, or `filler` characters of `a`. */
