/**
 * Page objects for the app, injected as Playwright fixtures, plus an automatic fixture that fails
 * any test during which the page logged a console error or threw.
 */
import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';

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
export { denialEdgeId, edgeId, namespaceNodeId } from '../src/ui/graph/ids';

export { EditorPage } from './pages/editor';
export { GraphPage } from './pages/graph';
export { InspectorPage } from './pages/inspector';
export { ImportPage, fixtureFile, type TestFile } from './pages/import';
export { DiagramPage } from './pages/diagram';
export { ExportPage } from './pages/export';
export { KeepPage } from './pages/keep';
export { ClusterPoliciesPage } from './pages/clusterPolicies';
export { ComboboxPage } from './pages/combobox';
export { WhyNotPage } from './pages/whyNot';
export { SearchPage } from './pages/search';
export { LessonPage, lessonFile } from './pages/lesson';
export { GalleryPage } from './pages/gallery';
import { EditorPage } from './pages/editor';
import { GraphPage } from './pages/graph';
import { InspectorPage } from './pages/inspector';
import { ImportPage } from './pages/import';
import { DiagramPage } from './pages/diagram';
import { ExportPage } from './pages/export';
import { KeepPage } from './pages/keep';
import { ClusterPoliciesPage } from './pages/clusterPolicies';
import { WhyNotPage } from './pages/whyNot';
import { SearchPage } from './pages/search';
import { LessonPage } from './pages/lesson';
import { GalleryPage } from './pages/gallery';

interface Fixtures {
  keep: KeepPage;
  editor: EditorPage;
  graph: GraphPage;
  inspector: InspectorPage;
  diagram: DiagramPage;
  files: ImportPage;
  exporter: ExportPage;
  clusterPolicies: ClusterPoliciesPage;
  whyNot: WhyNotPage;
  search: SearchPage;
  lesson: LessonPage;
  gallery: GalleryPage;
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
  keep: async ({ page }, use) => use(new KeepPage(page)),
  diagram: async ({ page }, use) => use(new DiagramPage(page)),
  files: async ({ page }, use) => use(new ImportPage(page)),
  exporter: async ({ page }, use) => use(new ExportPage(page)),
  clusterPolicies: async ({ page }, use) => use(new ClusterPoliciesPage(page)),
  whyNot: async ({ page }, use) => use(new WhyNotPage(page)),
  search: async ({ page }, use) => use(new SearchPage(page)),
  lesson: async ({ page }, use) => use(new LessonPage(page)),
  gallery: async ({ page }, use) => use(new GalleryPage(page)),
});

export { expect };
