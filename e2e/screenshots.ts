/**
 * `npx tsx e2e/screenshots.ts [outDir]`: screenshots of the main states of the app, light and
 * dark, at 1440×900 and 1280×720, from a running preview (`npx vite preview --port 4173`), for
 * people to look at.
 * Not a test: it asserts nothing.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { generateCluster } from '../bench/generate-cluster';
import { edgeId } from '../src/ui/graph/ids';

const URL = process.env.APP_URL ?? 'http://127.0.0.1:4173/';
const OUT = process.argv[2] ?? 'test-results/screenshots';
const NGINX = 'default/nginx-pod-with-label[Pod]';
const CLIENT = 'default/client[Pod]';

const scenes: Record<string, (page: Page) => Promise<void>> = {
  default: async () => {},
  'edge-explained': async (page) => {
    await page.getByTestId(`edge-label-${edgeId(CLIENT, NGINX)}`).click();
    await page.getByTestId('edge-details').waitFor();
  },
  'node-denied-view': async (page) => {
    await page.getByTestId(`rf__node-${CLIENT}`).click();
    await page.keyboard.press('Shift+D');
  },
  'cursor-in-policy': async (page) => {
    await page.evaluate(() => window.__netpolTest!.setCursor(9, 5));
  },
  'why-not': async (page) => {
    await page.getByTestId('tab-whyNot').click();
    await page.getByTestId('why-from').selectOption(CLIENT);
    await page.getByTestId('why-to').selectOption(NGINX);
    await page.getByTestId('why-port').fill('443');
    await page.getByTestId('why-answer').waitFor();
  },
  'held-back': async (page) => {
    await page.evaluate(() => window.__netpolTest!.plainTyping());
    await page.evaluate(() => window.__netpolTest!.setCursor(12, 14));
    await page.keyboard.type(': [');
    await page.getByTestId('held-banner').waitFor();
  },
  'example-default-deny': async (page) => {
    await page.getByTestId('example-select').selectOption('default-deny');
    await page.getByTestId('rf__node-payments/api[Deployment]').waitFor();
  },
  'example-egress-ipblock': async (page) => {
    await page.getByTestId('example-select').selectOption('egress-ipblock');
    await page.getByTestId('rf__node-jobs/report[CronJob]').waitFor();
  },
  'cluster-policy-shown': async (page) => {
    await page.getByTestId('example-select').selectOption('cluster-guardrails');
    await page.getByTestId('rf__node-tenant-b/shop[Deployment]').waitFor();
    await page.getByTestId('tab-cluster').click();
    await page.locator('[data-policy="ClusterNetworkPolicy/platform-only"] .cluster-policy-row').click();
  },
  'cluster-denied-view': async (page) => {
    await page.getByTestId('example-select').selectOption('cluster-guardrails');
    await page.getByTestId('rf__node-tenant-b/shop[Deployment]').click();
    await page.keyboard.press('Shift+D');
  },
  'cluster-2000': async (page) => {
    await page.evaluate((text) => window.__netpolTest!.loadText(text), generateCluster(2000));
    await page.getByTestId('rf__node-kube-system/coredns[Deployment]').waitFor({ timeout: 300_000 });
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
      if (name === 'cluster-2000' && theme === 'dark') continue;
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
