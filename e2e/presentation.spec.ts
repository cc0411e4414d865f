/**
 * A projector-ready page (issue 15): presentation mode's text sizes as a person sees them after
 * Fit on a 1280×720 projector; a layout where nothing overlaps or is cut off at 1280×720 and at
 * 1440×900 zoomed to 125 % and 150 % (a browser zoom is a smaller viewport in CSS pixels: 1152×720
 * and 960×600); a minimap only while some of the graph is out of view; "All" edges faint by
 * default; an empty graph that says what to add.
 */
import { generateCluster } from '../bench/generate-cluster';
import { edgeId, expect, IDS, test } from './fixtures';
import { inside, LayoutPage, overlaps, type Box } from './pages/layout';

const RESTRICTED = edgeId(IDS.client, IDS.nginx);
const ALL = edgeId(IDS.client, IDS.other);

test.describe('on a 1280×720 projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('presentation mode: after Fit, edge labels read at 16 px and names at 18 px on screen, the editor at 20 px; the graph fits clear of the overlays; kept over a reload', async ({ page, graph, keep }) => {
    const layout = new LayoutPage(page);
    const edgeText = graph.edgeText(RESTRICTED);
    const name = graph.node(IDS.nginx).locator('.node-title');
    await layout.fit();
    // Without it, the measure: labels of about 9 px.
    expect(await layout.screenFontSize(edgeText)).toBeLessThan(16);

    const since = await keep.now();
    await page.keyboard.press('Alt+Shift+P');
    await expect(page.locator('.app')).toHaveClass(/presenting/);
    await expect(layout.presentationButton()).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('aside.inspector')).toHaveClass(/is-folded/);
    await layout.fit();
    expect(await layout.screenFontSize(edgeText)).toBeGreaterThanOrEqual(16);
    expect(await layout.screenFontSize(graph.edgeText(ALL))).toBeGreaterThanOrEqual(16);
    expect(await layout.screenFontSize(name)).toBeGreaterThanOrEqual(18);
    expect(await layout.screenFontSize(page.locator('.monaco-editor .view-line').first())).toBeGreaterThanOrEqual(20);

    // The classic example fits whole, under no overlay, and so needs no minimap.
    const pane = await layout.box(layout.graphPane());
    const legend = await layout.box(layout.legend());
    await expect(layout.minimap()).toHaveCount(0);
    const nodes = await layout.boxes(page.locator('.react-flow__node'));
    expect(nodes).toHaveLength(7);
    for (const node of nodes) {
      expect(inside(node, pane), `${JSON.stringify(node)} in the pane`).toBe(true);
      expect(overlaps(node, legend), `${JSON.stringify(node)} under the legend`).toBe(false);
    }

    await keep.savedSince(since);
    await page.reload();
    await expect(graph.node(IDS.nginx)).toBeVisible();
    await expect(page.locator('.app')).toHaveClass(/presenting/);
    await layout.present(false);
    await expect(page.locator('aside.inspector')).not.toHaveClass(/is-folded/);
  });

  test('presenting, a workload opened stays in view as the side panel unfolds for it; folding it fits the graph again', async ({ page, graph }) => {
    const layout = new LayoutPage(page);
    await page.keyboard.press('Alt+Shift+P');
    await expect(page.locator('aside.inspector')).toHaveClass(/is-folded/);
    const everyNodeIn = async (within: Box, nodes = page.locator('.react-flow__node')) =>
      (await layout.boxes(nodes)).every((node) => inside(node, within));
    // Opened at the pane's edge, where the unfolding panel would cover it.
    await graph.node(IDS.other).click();
    await expect(page.getByTestId('tab-details')).toBeVisible();
    const narrow = await layout.box(layout.graphPane());
    await expect.poll(() => everyNodeIn(narrow, graph.node(IDS.other))).toBe(true);
    await page.keyboard.press('Alt+Shift+B');
    await expect(page.locator('aside.inspector')).toHaveClass(/is-folded/);
    const wide = await layout.box(layout.graphPane());
    await expect.poll(() => everyNodeIn(wide)).toBe(true);
  });

  test('the side panel folds and unfolds; opening a workload unfolds it', async ({ page, graph }) => {
    const layout = new LayoutPage(page);
    const before = await layout.box(layout.graphPane());
    await layout.panelFold().click();
    await expect(page.locator('aside.inspector')).toHaveClass(/is-folded/);
    await expect.poll(async () => (await layout.box(layout.graphPane())).width).toBeGreaterThan(before.width + 200);
    await graph.node(IDS.client).click();
    await expect(page.getByTestId('tab-details')).toBeVisible();
    await layout.panelFold().click();
    await page.keyboard.press('Alt+Shift+B');
    await expect(page.getByTestId('tab-details')).toBeVisible();
  });
});

/** Nothing overlaps, nothing is cut off, nothing makes the page wider than the window. */
async function expectLayoutHolds(page: import('@playwright/test').Page, layout: LayoutPage, width: number): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const toolbar = await layout.box(layout.toolbar());
  for (const control of await layout.boxes(layout.toolbar().locator(':scope > *'))) {
    expect(inside(control, toolbar), `toolbar control ${JSON.stringify(control)} inside the toolbar`).toBe(true);
    expect(control.x + control.width).toBeLessThanOrEqual(width);
  }
  const panes: [string, Box][] = [
    ['toolbar', toolbar],
    ['editor', await layout.box(page.getByTestId('yaml-editor'))],
    ['graph', await layout.box(layout.graphPane())],
    ['inspector', await layout.box(layout.inspector())],
  ];
  for (const [i, [a, boxA]] of panes.entries())
    for (const [b, boxB] of panes.slice(i + 1)) expect(overlaps(boxA, boxB), `${a} and ${b} overlap`).toBe(false);
}

for (const [zoom, viewport] of [
  ['125 %', { width: 1152, height: 720 }],
  ['150 %', { width: 960, height: 600 }],
] as const) {
  test.describe(`1440×900 at ${zoom} browser zoom (${viewport.width}×${viewport.height} CSS px)`, () => {
    test.use({ viewport });

    test('nothing overlaps, the toolbar wraps inside the window, Fit clears the legend, a banner is whole', async ({ page, graph }) => {
      const layout = new LayoutPage(page);
      for (const presenting of [false, true]) {
        if (presenting) await layout.present();
        await expectLayoutHolds(page, layout, viewport.width);
        await layout.fit();
        if (!presenting) {
          // The whole graph fits: no minimap, no node under the legend.
          await expect(layout.minimap()).toHaveCount(0);
          const legend = await layout.box(layout.legend());
          for (const node of await layout.boxes(page.locator('.react-flow__node-workload'))) expect(overlaps(node, legend)).toBe(false);
        }
      }
      // The denied view's banner, the longest, is whole inside the graph pane.
      await graph.node(IDS.client).click();
      await page.keyboard.press('Shift+D');
      const banner = page.getByTestId('denied-banner');
      await expect(banner).toBeVisible();
      expect(inside(await layout.box(banner), await layout.box(layout.graphPane()))).toBe(true);
      await expectLayoutHolds(page, layout, viewport.width);
    });
  });
}

test('the minimap shows only while some of the graph is out of view', async ({ page, graph }) => {
  const layout = new LayoutPage(page);
  await layout.fit();
  await expect(layout.minimap()).toHaveCount(0);
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect(layout.minimap()).toBeVisible();
  await layout.fit();
  await expect(layout.minimap()).toHaveCount(0);

  // A large cluster opens at a zoom where names read: not all of it is in view.
  await page.evaluate((text) => window.__netpolTest!.loadText(text), generateCluster(400));
  await expect(graph.namespace('kube-system')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Laying out…')).toHaveCount(0, { timeout: 60_000 });
  await expect(layout.minimap()).toBeVisible();
});

test('"All" edges are faint by default, can be bundled, hidden or drawn in full; the graph says how many it hides', async ({ page, graph }) => {
  const layout = new LayoutPage(page);
  const labels = Object.keys(await graph.labels());
  expect(labels).toHaveLength(12);
  await expect(layout.allTraffic()).toHaveValue('faint');
  expect(await layout.lineOpacity(ALL)).toBeLessThan(0.6);
  expect(await layout.lineOpacity(RESTRICTED)).toBe(1);

  await layout.allTraffic().selectOption('shown');
  expect(await layout.lineOpacity(ALL)).toBe(1);
  expect(Object.keys(await graph.labels())).toHaveLength(labels.length);

  // Hidden: only the restricted edges stay, and a banner counts what is left out.
  await layout.allTraffic().selectOption('hidden');
  const banner = page.getByTestId('all-hidden-banner');
  await expect(banner).toContainText('no edge between two nodes now means nothing or everything is allowed');
  const all = Object.values(await graph.labels()).length;
  const restricted = Object.entries(await graph.labels()).filter(([, label]) => label !== 'All');
  expect(restricted.length).toBe(all);
  await expect(banner).toContainText(`${labels.length - all} “All” edges hidden`);
  await expect(graph.edgeLabel(ALL)).toHaveCount(0);
  await banner.getByRole('button', { name: 'Show them faintly' }).click();
  await expect(layout.allTraffic()).toHaveValue('faint');
  await expect(banner).toHaveCount(0);

  // Bundled: the `All` lines into one node meet in a trunk with one label, drawn faintly too.
  await layout.allTraffic().selectOption('bundled');
  await expect(page.locator('[data-testid^="edge-trunk-"]')).toHaveCount(6);
  expect(Object.values(await graph.labels()).filter((label) => label === 'All')).toHaveLength(3);
  expect(await layout.lineOpacity(ALL)).toBeLessThan(0.6);

  // Shift+A goes round: hidden, in full, faint, bundled.
  await layout.allTraffic().selectOption('faint');
  await page.getByTestId('pane-graph').focus();
  for (const value of ['bundled', 'hidden', 'shown', 'faint']) {
    await page.keyboard.press('Shift+A');
    await expect(layout.allTraffic()).toHaveValue(value);
  }
  expect(await layout.lineOpacity(ALL)).toBeLessThan(0.6);
  // A selected "All" edge is drawn in full.
  await graph.edgeLabel(ALL).click();
  await expect.poll(() => layout.lineOpacity(ALL)).toBe(1);
});

test('an empty graph says what to add', async ({ page, graph }) => {
  const layout = new LayoutPage(page);
  await expect(layout.emptyGraph()).toHaveCount(0);
  await page.getByTestId('new-button').click();
  await expect(layout.emptyGraph()).toContainText('add Pods, Deployments or Namespaces — or load an example');
  await expect(graph.node(IDS.nginx)).toHaveCount(0);
});
