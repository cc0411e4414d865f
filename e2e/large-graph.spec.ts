/**
 * A picture that reads at any size: the 2000-workload cluster opens as namespaces with aggregated
 * edges, at a zoom where they read; Fit (the toolbar, Shift+1, React Flow's control) shows every
 * node, collapsed or expanded (when only the nodes in view are in the page); namespaces open and
 * close by button, double-click, keyboard and all at once, and stay as chosen over a reload; the
 * focus view shows one node and its neighbours, either way, with a way back.
 */
import type { Page } from '@playwright/test';
import { generateCluster } from '../bench/generate-cluster';
import { expect, test, type GraphPage } from './fixtures';

const CLUSTER = generateCluster(2000);
const COREDNS = 'kube-system/coredns[Deployment]';

/** Loads the cluster as a paste does, and waits for its first view. */
async function load(page: Page, graph: GraphPage, text = CLUSTER): Promise<void> {
  await page.evaluate((t) => window.__netpolTest!.loadText(t), text);
  await expect(graph.namespace('kube-system')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText('Laying out…')).toHaveCount(0, { timeout: 120_000 });
}

/** Zooms in with React Flow's control, so that a fit has something to do. */
async function zoomIn(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
}

test.describe.configure({ timeout: 300_000 });

test('2000 workloads open as namespaces with aggregated edges that read; Fit shows every node, collapsed or expanded', async ({ page, graph }) => {
  await load(page, graph);
  await expect(graph.collapsedNodes()).toHaveCount(101);
  expect((await graph.nodeIds()).some((id) => id.includes('['))).toBe(false);
  expect(await graph.zoom()).toBeGreaterThanOrEqual(0.75);
  await expect(graph.namespace('kube-system')).toContainText('1 workload');
  expect(Object.values(await graph.labels())).toContain('20 pairs · TCP 53,UDP 53');

  // An aggregate lists the pairs it stands for, each explained on a click.
  await graph.edgeLabel('namespace:team-7->namespace:kube-system').dispatchEvent('click');
  const panel = page.getByTestId('aggregate-details');
  await expect(panel.getByRole('heading')).toHaveText('namespace team-7 → namespace kube-system');
  await expect(panel.getByTestId('aggregate-pair')).toHaveCount(20);
  await expect(panel.getByTestId('aggregate-pair').first()).toContainText('TCP 53,UDP 53');
  await panel.getByTestId('aggregate-pair').first().getByRole('button').click();
  await expect(page.getByTestId('edge-details')).toContainText('Allowed: TCP 53,UDP 53');

  const fits = [
    () => page.getByRole('button', { name: 'Fit', exact: true }).click(),
    async () => {
      await page.keyboard.press('Alt+2');
      await page.keyboard.press('Shift+1');
    },
    () => graph.fitControl().click(),
  ];
  const everyNode = (await graph.nodeIds()).length;
  for (const fit of fits) {
    await zoomIn(page);
    const before = await graph.zoom();
    await fit();
    await expect.poll(() => graph.zoom()).toBeLessThan(before);
    await expect.poll(() => graph.outsideView()).toEqual([]);
    expect(await graph.nodeIds()).toHaveLength(everyNode);
  }

  // Every namespace open: over 2000 nodes, of which only those in view are in the page.
  await graph.expandAll();
  await expect(graph.node(COREDNS)).toBeAttached({ timeout: 120_000 });
  await expect(page.getByText('Laying out…')).toHaveCount(0, { timeout: 120_000 });
  expect((await graph.nodeIds()).length).toBeLessThan(500);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await expect.poll(async () => (await graph.nodeIds()).length, { timeout: 60_000 }).toBeGreaterThan(2100);
  await expect.poll(() => graph.outsideView(), { timeout: 30_000 }).toEqual([]);
});

test('namespaces open in place and close by button, double-click and keyboard, all at once; the focus view and its way back', async ({ page, graph, inspector }) => {
  await load(page, graph);
  // The first view is of the middle, and opening a namespace moves the view to it: Fit shows
  // every namespace again, to be clicked.
  const fit = () => page.getByRole('button', { name: 'Fit', exact: true }).click();
  await fit();
  await graph.expandButton('team-3').click();
  await expect(graph.node('team-3/svc-3[Deployment]')).toBeInViewport();
  await expect(graph.collapsedNodes()).toHaveCount(100);
  // Edges of the open namespace run over the collapsed ones: the double-click goes to the node itself.
  await graph.namespace('team-4').dispatchEvent('dblclick');
  await expect(graph.node('team-4/svc-4[Deployment]')).toBeAttached();
  await graph.namespace('team-3').locator('.group-header').dispatchEvent('dblclick');
  await expect(graph.node('team-3/svc-3[Deployment]')).toHaveCount(0);
  await fit();
  await graph.namespace('team-5').click();
  await expect(inspector.nodeDetails()).toContainText('Namespace team-5');
  await page.keyboard.press('+');
  await expect(graph.node('team-5/svc-5[Deployment]')).toBeInViewport();
  await inspector.nodeDetails().getByTestId('collapse-node').click();
  await expect(graph.node('team-5/svc-5[Deployment]')).toHaveCount(0);
  await graph.collapseAll();
  await expect(graph.collapsedNodes()).toHaveCount(101);

  await graph.expandButton('kube-system').click();
  await graph.node(COREDNS).click();
  await inspector.nodeDetails().getByTestId('focus-node').click();
  await expect(graph.focusCrumbs()).toContainText('coredns');
  // Into coredns: every namespace's DNS; out of it, nothing (the others' ingress is closed).
  await expect(graph.namespace('team-7')).toBeVisible();
  await expect(graph.node(COREDNS)).toBeVisible();
  await expect.poll(() => graph.outsideView()).toEqual([]);
  await graph.focusDirection('out').click();
  await expect(graph.namespace('team-7')).toHaveCount(0);
  await graph.focusDirection('in').click();
  await expect(graph.namespace('team-7')).toBeVisible();
  await graph.wholeGraph().click();
  await expect(graph.focusCrumbs()).toHaveCount(0);
  await expect(graph.collapsedNodes()).toHaveCount(100);

  await page.keyboard.press('Shift+F');
  await expect(graph.focusCrumbs()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(graph.focusCrumbs()).toHaveCount(0);
});

test('the namespaces opened stay open over a reload', async ({ page, graph, keep }) => {
  await load(page, graph, generateCluster(150));
  const since = await keep.now();
  // The first view is of the middle, at a zoom that reads: the button may be out of view.
  await graph.expandButton('team-1').dispatchEvent('click');
  await expect(graph.node('team-1/svc-1[Deployment]')).toBeAttached();
  await keep.savedSince(since);
  await page.reload();
  await expect(graph.node('team-1/svc-1[Deployment]')).toBeAttached({ timeout: 60_000 });
  await expect(graph.collapsedNodes()).toHaveCount(8);
});
