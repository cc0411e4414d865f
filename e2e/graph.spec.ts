/** The default example, as the app opens: who reaches whom, and on which ports. */
import { generateCluster } from '../bench/generate-cluster';
import { edgeId, expect, IDS, namespaceNodeId, test } from './fixtures';

test('the default example shows everyone reaching nginx on TCP 80 and nothing else', async ({ graph }) => {
  for (const id of [IDS.nginx, IDS.client, IDS.other, IDS.internet, namespaceNodeId('default'), namespaceNodeId('team-b')]) {
    await expect(graph.node(id)).toBeVisible();
  }
  await expect(graph.node(IDS.nginx)).toContainText('ingress isolated');
  await expect(graph.node(IDS.client)).not.toContainText('isolated');

  const labels = await graph.labels();
  const intoNginx = Object.entries(labels).filter(([id]) => [IDS.client, IDS.other, IDS.internet].some((from) => id === edgeId(from, IDS.nginx)));
  expect(Object.fromEntries(intoNginx)).toEqual({
    [edgeId(IDS.client, IDS.nginx)]: 'TCP 80',
    [edgeId(IDS.other, IDS.nginx)]: 'TCP 80',
    [edgeId(IDS.internet, IDS.nginx)]: 'TCP 80',
  });
  // The clients are not isolated: they reach each other, and nginx reaches out freely.
  expect(labels[edgeId(IDS.client, IDS.other)]).toBe('All');
  expect(labels[edgeId(IDS.other, IDS.client)]).toBe('All');
  expect(labels[edgeId(IDS.nginx, IDS.client)]).toBe('All');
  // A horizontal edge has a zero-height box, which Playwright calls hidden: check it is there.
  await expect(graph.edge(edgeId(IDS.client, IDS.nginx))).toBeAttached();
});

test('a minimap shows every node, and dragging in it moves the view', async ({ page, graph }) => {
  await expect(graph.node(IDS.nginx)).toBeVisible();
  const minimap = page.locator('.react-flow__minimap');
  // Only while some of the graph is out of view (presentation.spec.ts): zoomed in.
  await expect(minimap).toHaveCount(0);
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect(minimap).toBeVisible();
  await expect(minimap.locator('.react-flow__minimap-node')).toHaveCount(await page.locator('.react-flow__node').count());
  await expect(minimap.locator('.minimap-workload').first()).toBeVisible();

  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const box = (await minimap.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
});

test('the denied view of a node shows what it cannot do', async ({ page, graph }) => {
  await graph.node(IDS.client).click();
  await page.keyboard.press('Shift+D');
  expect(await graph.labels()).toEqual({ [edgeId(IDS.client, IDS.nginx)]: 'only TCP 80' });
  await page.keyboard.press('Escape');
  await expect(graph.edgeLabel(edgeId(IDS.client, IDS.other))).toHaveText('All');
});

test('a large graph puts only the nodes in view into the page, from its first layout on, every namespace expanded', async ({ page, graph }) => {
  // Above 300 nodes only visible elements render; count every node that ever enters the page.
  await page.evaluate(() => {
    const w = window as unknown as { mostNodes: number };
    w.mostNodes = 0;
    new MutationObserver(() => {
      w.mostNodes = Math.max(w.mostNodes, document.querySelectorAll('.react-flow__node').length);
    }).observe(document.querySelector('.react-flow')!, { childList: true, subtree: true });
  });
  await page.evaluate((text) => window.__netpolTest!.loadText(text), generateCluster(400));
  // It opens with its namespaces collapsed (large-graph.spec.ts); expanded, it has over 400 nodes.
  await expect(graph.namespace('kube-system')).toBeVisible({ timeout: 60_000 });
  await graph.expandAll();
  await expect(graph.node('kube-system/coredns[Deployment]')).toBeVisible({ timeout: 60_000 });
  const mostNodes = await page.evaluate(() => (window as unknown as { mostNodes: number }).mostNodes);
  expect(mostNodes).toBeGreaterThan(0);
  // The cluster has over 400 nodes; the first view shows a few dozen at most.
  expect(mostNodes).toBeLessThan(100);
});
