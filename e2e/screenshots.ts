/**
 * `npx tsx e2e/screenshots.ts [outDir]`: screenshots of the main states of the app, light and
 * dark, at 1440×900 and 1280×720, from a running preview (`npx vite preview --port 4173`), for
 * people to look at.
 * Not a test: it asserts nothing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { generateCluster } from '../bench/generate-cluster';
import { edgeId, expectedEdgeId } from '../src/ui/graph/ids';
import { SearchPage } from './pages/search';
import { WhyNotPage } from './pages/whyNot';
import { LessonPage } from './pages/lesson';
import { GalleryPage } from './pages/gallery';

const URL = process.env.APP_URL ?? 'http://127.0.0.1:4173/';
const OUT = process.argv[2] ?? 'test-results/screenshots';
/** `SCENE=search`: only the scenes whose name holds it. */
const only = process.env.SCENE;
const NGINX = 'default/nginx-pod-with-label[Pod]';
const CLIENT = 'default/client[Pod]';

async function loadCluster2000(page: Page): Promise<void> {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), generateCluster(2000));
  // kube-system's node: its frame, or the namespace collapsed into one node.
  await page.getByTestId('rf__node-namespace:kube-system').waitFor({ timeout: 300_000 });
}

/**
 * A collapsed team namespace whose Expand button is in view (clear of the minimap), the one a user
 * would click; on a small screen, after Fit has shown them all.
 */
async function namespaceInView(page: Page): Promise<string> {
  const find = () =>
    page.evaluate(() => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const minimap = document.querySelector('.react-flow__minimap')?.getBoundingClientRect();
      const found = [...document.querySelectorAll<HTMLElement>('.react-flow__node-collapsedNamespace')].find((el) => {
        const r = el.querySelector('.node-expand')!.getBoundingClientRect();
        const underMinimap = minimap && r.right > minimap.left && r.top < minimap.bottom;
        return el.dataset.id!.startsWith('namespace:team-') && !underMinimap && r.left > pane.left + 60 && r.right < pane.right && r.top > pane.top + 50 && r.bottom < pane.bottom - 60;
      });
      return found?.dataset.id!.slice('namespace:'.length);
    });
  const seen = await find();
  if (seen) return seen;
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForTimeout(600);
  return (await find())!;
}

const scenes: Record<string, (page: Page) => Promise<void>> = {
  default: async () => {},
  presentation: async (page) => {
    await page.keyboard.press('Alt+Shift+P');
    await page.locator('.app.presenting').waitFor();
  },
  'empty-graph': async (page) => {
    await page.getByTestId('new-button').click();
    await page.getByTestId('empty-graph').waitFor();
  },
  'all-hidden': async (page) => {
    await page.getByTestId('all-traffic').selectOption('hidden');
    await page.getByTestId('all-hidden-banner').waitFor();
  },
  'all-bundled': async (page) => {
    await page.getByTestId('all-traffic').selectOption('bundled');
    await page.locator('[data-testid^="edge-trunk-"]').first().waitFor({ state: 'attached' });
  },
  'edge-explained': async (page) => {
    await page.getByTestId(`edge-label-${edgeId(CLIENT, NGINX)}`).click();
    await page.getByTestId('edge-details').waitFor();
  },
  'node-denied-view': async (page) => {
    await page.getByTestId(`rf__node-${CLIENT}`).click();
    await page.keyboard.press('Shift+D');
  },
  'denied-edge-explained': async (page) => {
    await page.getByTestId(`rf__node-${CLIENT}`).click();
    await page.keyboard.press('Shift+D');
    await page.getByTestId(`edge-label-${edgeId(CLIENT, NGINX)}`).click();
    await page.getByTestId('denied-why').waitFor();
    await page.getByTestId('verify-on-cluster').locator('summary').click();
  },
  'gesture-menu': async (page) => {
    await page.getByTestId(`rf__node-${CLIENT}`).click({ button: 'right' });
    await page.getByRole('menu').waitFor();
  },
  'review-change': async (page) => {
    await page.getByTestId(`rf__node-${CLIENT}`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Isolate…' }).click();
    await page.getByTestId('isolate-form').getByLabel('Both').check();
    await page.getByTestId('gesture-submit').click();
    await page.getByTestId('review-effects').waitFor();
  },
  'cursor-in-policy': async (page) => {
    await page.evaluate(() => window.__netpolTest!.setCursor(9, 5));
  },
  'why-not': async (page) => {
    const whyNot = new WhyNotPage(page);
    await whyNot.open();
    await whyNot.ask({ query: 'client', id: CLIENT }, { query: 'nginx', id: NGINX }, '443');
    await whyNot.answer().waitFor();
  },
  'held-back': async (page) => {
    await page.evaluate(() => window.__netpolTest!.plainTyping());
    await page.evaluate(() => window.__netpolTest!.setCursor(12, 14));
    await page.keyboard.type(': [');
    await page.getByTestId('held-banner').waitFor();
  },
  'example-default-deny': async (page) => {
    await new GalleryPage(page).choose('default-deny');
    await page.getByTestId('rf__node-payments/api[Deployment]').waitFor();
  },
  'example-egress-ipblock': async (page) => {
    await new GalleryPage(page).choose('egress-ipblock');
    await page.getByTestId('rf__node-jobs/report[CronJob]').waitFor();
  },
  'cluster-policy-shown': async (page) => {
    await new GalleryPage(page).choose('cluster-guardrails');
    await page.getByTestId('rf__node-tenant-b/shop[Deployment]').waitFor();
    await page.getByTestId('tab-cluster').click();
    await page.locator('[data-policy="ClusterNetworkPolicy/platform-only"] .cluster-policy-row').click();
  },
  'cluster-denied-view': async (page) => {
    await new GalleryPage(page).choose('cluster-guardrails');
    await page.getByTestId('rf__node-tenant-b/shop[Deployment]').click();
    await page.keyboard.press('Shift+D');
  },
  'cluster-2000': async (page) => {
    await loadCluster2000(page);
  },
  'namespace-open-2000': async (page) => {
    await loadCluster2000(page);
    const team = await namespaceInView(page);
    await page.getByTestId(`rf__node-namespace:${team}`).getByTestId('expand-namespace').click();
    await page.locator(`.react-flow__node[data-id^="${team}/"]`).first().waitFor();
  },
  'focus-2000': async (page) => {
    await loadCluster2000(page);
    const team = await namespaceInView(page);
    await page.getByTestId(`rf__node-namespace:${team}`).getByTestId('expand-namespace').click();
    await page.locator(`.react-flow__node[data-id^="${team}/"]`).first().click();
    await page.keyboard.press('Shift+F');
    await page.getByTestId('focus-crumbs').waitFor();
  },
  'search-2000': async (page) => {
    await loadCluster2000(page);
    const search = new SearchPage(page);
    await search.openByKey();
    await search.type('tier=web');
    await search.box.active().waitFor();
  },
  'why-not-picker-2000': async (page) => {
    await loadCluster2000(page);
    const whyNot = new WhyNotPage(page);
    await whyNot.open();
    await whyNot.from.type('svc-1');
    await whyNot.from.active().waitFor();
  },
  'checks-failing': async (page) => {
    const classic = readFileSync(new globalThis.URL('../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');
    const intent = `---
apiVersion: netpol-canvas/v1alpha1
kind: ConnectivityExpectations
metadata: {name: web}
spec:
  expectations:
    - {from: "${CLIENT}", to: "${NGINX}", ports: [TCP/8080], expect: allowed}
    - {from: "${CLIENT}", to: "${NGINX}", ports: [TCP/80], expect: denied}
`;
    await page.evaluate((text) => window.__netpolTest!.loadText(text), classic + intent);
    await page.getByTestId(`edge-label-${expectedEdgeId(CLIENT, NGINX)}`).click();
    await page.getByTestId('edge-check-fails').waitFor();
  },
  compare: async (page) => {
    // The text as opened is the baseline: an edit of the port, then the Compare tab.
    await page.locator('.monaco-editor .view-lines .mtk1').first().waitFor();
    const lines = (await page.evaluate(() => window.__netpolTest!.getText())).split('\n');
    const line = lines.findIndex((l) => l.includes('port: 80'));
    await page.locator('.monaco-editor .view-lines').click();
    await page.evaluate(([l, c]) => window.__netpolTest!.setCursor(l!, c!), [line + 1, lines[line]!.indexOf('80') + 3]);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('443');
    // Back to the start of the line: a narrow editor scrolled sideways to the cursor.
    await page.keyboard.press('Home');
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-summary').filter({ hasText: 'changed' }).waitFor();
  },
  'matrix-tcp-80': async (page) => {
    await page.getByTestId('pane-matrix').click();
    await page.getByTestId('matrix-protocol').selectOption('TCP');
    await page.getByTestId('matrix-port').fill('80');
    await page.locator('[role="gridcell"]').first().waitFor();
    await page.locator('[data-row="1"] [data-col="0"]').click();
    await page.locator('[data-row="2"] [data-col="1"]').hover();
  },
  'matrix-2000': async (page) => {
    await loadCluster2000(page);
    await page.getByTestId('pane-matrix').click();
    const grid = page.getByTestId('matrix-grid');
    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2, left: el.scrollWidth / 2 }));
    await page.locator('[role="gridcell"]').first().waitFor();
  },
  'lesson-cover': async (page) => {
    const lesson = new LessonPage(page);
    await lesson.open('03-allow-by-pod-label');
    await lesson.answer(0, 'allowed');
  },
  'lesson-goals': async (page) => {
    const lesson = new LessonPage(page);
    await lesson.open('03-allow-by-pod-label');
    await lesson.answer(0, 'denied');
    await lesson.answer(1, 'allowed');
    await lesson.showGraph();
    await lesson.goals().first().waitFor();
  },
  'lesson-solution': async (page) => {
    const lesson = new LessonPage(page);
    await lesson.open('03-allow-by-pod-label');
    await lesson.answer(0, 'denied');
    await lesson.answer(1, 'allowed');
    await lesson.showGraph();
    await lesson.toggleSolution();
    await lesson.diffLines('added').first().waitFor();
    // Only the tab scrolls (scrollIntoView would scroll the page's overflow-hidden frame too).
    await page.locator('#lesson-solution').evaluate((heading) => {
      const body = heading.closest('.inspector-body')!;
      body.scrollTop += heading.getBoundingClientRect().top - body.getBoundingClientRect().top;
    });
  },
};

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];
for (const viewport of VIEWPORTS) {
  for (const theme of ['light', 'dark'] as const) {
    for (const [name, scene] of Object.entries(scenes)) {
      if (only !== undefined && !name.includes(only)) continue;
      const page = await browser.newPage({ viewport, colorScheme: theme });
      await page.goto(URL);
      await page.getByTestId(`rf__node-${NGINX}`).waitFor();
      await scene(page);
      await page.waitForTimeout(800);
      const path = `${OUT}/${name}-${viewport.width}-${theme}.png`;
      await page.screenshot({ path });
      await page.close();
      console.log(path);
    }
  }
}
await browser.close();
