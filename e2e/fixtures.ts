/**
 * Page objects for the app, injected as Playwright fixtures, plus an automatic fixture that fails
 * any test during which the page logged a console error or threw.
 */
import { readFileSync } from 'node:fs';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The app's default content: the shared fixture of the classic example. */
export const CLASSIC = readFileSync(new URL('../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');

/** Engine endpoint ids of the classic example. */
export const IDS = {
  nginx: 'default/nginx-pod-with-label[Pod]',
  client: 'default/client[Pod]',
  other: 'team-b/other-client[Pod]',
  internet: '0.0.0.0-255.255.255.255',
} as const;

/**
 * Where `text` first occurs in the classic example: its 1-based line, the column where it starts
 * and the column just after it — so tests say what they edit, not which line number it has.
 */
export function find(text: string): { line: number; start: number; end: number } {
  const lines = CLASSIC.split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in the classic example`);
  const start = lines[index]!.indexOf(text) + 1;
  return { line: index + 1, start, end: start + text.length };
}

/** The app's own node and edge ids (React Flow test ids are `rf__node-<id>`, `rf__edge-<id>`). */
export { edgeId, namespaceNodeId } from '../src/ui/graph/ids';

export class EditorPage {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('yaml-editor');
  }

  /** Waits for Monaco to render tokens, then switches off auto-indent for typed YAML. */
  async ready(): Promise<void> {
    await expect(this.root().locator('.monaco-editor .view-lines .mtk1').first()).toBeVisible();
    await this.page.evaluate(() => window.__netpolTest!.plainTyping());
  }

  /** Puts the cursor at a 1-based position, with the focus in the editor. */
  async cursorAt(line: number, column: number): Promise<void> {
    await this.root().locator('.view-lines').click();
    await this.page.evaluate(([l, c]) => window.__netpolTest!.setCursor(l!, c!), [line, column]);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  text(): Promise<string> {
    return this.page.evaluate(() => window.__netpolTest!.getText());
  }

  cursor(): Promise<{ line: number; column: number }> {
    return this.page.evaluate(() => window.__netpolTest!.getCursor());
  }

  errorMarkers(): Locator {
    return this.root().locator('.squiggly-error');
  }

  revealedLines(): Locator {
    return this.root().locator('.editor-reveal');
  }
}

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

  /** Every edge label on screen, by edge id. */
  async labels(): Promise<Record<string, string>> {
    const labels = this.page.locator('[data-testid^="edge-label-"]');
    const entries = await labels.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-testid')!.slice('edge-label-'.length), el.textContent ?? '']),
    );
    return Object.fromEntries(entries);
  }

  staleBanner(): Locator {
    return this.page.getByTestId('stale-banner');
  }

  /** Says which objects stand at their last valid version while their YAML has an error. */
  heldBanner(): Locator {
    return this.page.getByTestId('held-banner');
  }
}

export class InspectorPage {
  constructor(private readonly page: Page) {}

  edgeDetails(): Locator {
    return this.page.getByTestId('edge-details');
  }

  nodeDetails(): Locator {
    return this.page.getByTestId('node-details');
  }

  tab(name: 'details' | 'whyNot' | 'problems'): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }
}

interface Fixtures {
  editor: EditorPage;
  graph: GraphPage;
  inspector: InspectorPage;
  /**
   * Automatic: opens the app, waits for the editor and the default graph, and afterwards fails
   * the test if the page logged a console error or threw at any point.
   */
  app: void;
}

export const test = base.extend<Fixtures>({
  app: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto('/');
      await new EditorPage(page).ready();
      await expect(new GraphPage(page).node(IDS.nginx)).toBeVisible();
      await use();
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
  editor: async ({ page }, use) => use(new EditorPage(page)),
  graph: async ({ page }, use) => use(new GraphPage(page)),
  inspector: async ({ page }, use) => use(new InspectorPage(page)),
});

export { expect };
