/** Finding things: the search (Ctrl+K, the toolbar's Search) and the searchable "Why not?" pickers. */
import type { Page } from '@playwright/test';
import { generateCluster } from '../bench/generate-cluster';
import { expect, find, IDS, test } from './fixtures';

/** The generated cluster puts workload `svc-<i>` in namespace `team-<i mod 100>` at 2 000 workloads. */
const workload = (i: number) => `team-${i % 100}/svc-${i}[Deployment]`;

async function loadCluster2000(page: Page): Promise<void> {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), generateCluster(2000));
  // kube-system's node: its frame, or the namespace collapsed into one node.
  await expect(page.getByTestId('rf__node-namespace:kube-system')).toBeVisible({ timeout: 120_000 });
}

test.describe('at 2 000 workloads', () => {
  test.setTimeout(180_000);

  test('Ctrl+K finds a workload by label; choosing it selects it and brings it into view', async ({ page, graph, search }) => {
    await loadCluster2000(page);
    const id = workload(1234);
    // Far from the first view: a large graph renders only the nodes in view.
    await expect(graph.node(id)).toHaveCount(0);
    await search.openByKey();
    await expect(search.dialog()).toBeVisible();
    await expect(search.box.input()).toBeFocused();
    await search.type('app=svc-1234');
    // The exact label first, before app=svc-12340… (there are none at 2 000) and other prefixes.
    await expect(search.box.active()).toHaveAttribute('data-option', `workload:${id}`);
    await page.keyboard.press('Enter');
    await expect(search.dialog()).toBeHidden();
    await expect(graph.node(id)).toHaveClass(/selected/);
    await expect.poll(() => graph.inView(id)).toBe(true);
  });

  test('the "Why not?" pickers filter as typed and work by keyboard alone', async ({ page, whyNot }) => {
    await loadCluster2000(page);
    await page.keyboard.press('Shift+W');
    const from = whyNot.from;
    await from.input().focus();
    await page.keyboard.press('ArrowDown');
    await expect(from.input()).toHaveAttribute('aria-expanded', 'true');
    // Every endpoint is an option; a dozen or two of them are in the page.
    expect(Number(await from.active().getAttribute('aria-setsize'))).toBeGreaterThan(2000);
    expect(await from.options().count()).toBeLessThan(40);
    await page.keyboard.type('svc-12');
    await expect(from.active()).toHaveAttribute('data-option', workload(12));
    const activeId = () => from.input().getAttribute('aria-activedescendant');
    await expect.poll(activeId).toBe(await from.active().getAttribute('id'));
    // svc-12, then svc-120…svc-129 (shorter names first), then svc-1200…
    await page.keyboard.press('ArrowDown');
    await expect(from.active()).toHaveAttribute('data-option', workload(120));
    await page.keyboard.press('End');
    await expect(from.active()).toHaveAttribute('data-option', workload(1299));
    await page.keyboard.press('Home');
    await expect(from.active()).toHaveAttribute('data-option', workload(12));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(from.input()).toHaveAttribute('aria-expanded', 'false');
    await expect(from.input()).toHaveValue('svc-120');

    // Escape closes the list and leaves the choice as it was.
    await page.keyboard.type('svc-7');
    await page.keyboard.press('Escape');
    await expect(from.input()).toHaveAttribute('aria-expanded', 'false');
    await expect(from.input()).toHaveValue('svc-120');

    await page.keyboard.press('Tab');
    await expect(whyNot.to.input()).toBeFocused();
    await page.keyboard.type('app=svc-121');
    await page.keyboard.press('Enter');
    await expect(whyNot.to.input()).toHaveValue('svc-121');
    await whyNot.port().fill('8080');
    await expect(whyNot.answer()).toContainText(/Allowed|Denied/);
  });
});

test('choosing a NetworkPolicy puts the editor cursor on it, and the graph shows what it selects', async ({ editor, graph, search }) => {
  await search.button().click();
  await search.type('nginx-network');
  await expect(search.box.active()).toHaveAttribute('data-option', 'policy:default/nginx-network-policy');
  await search.box.active().click();
  await expect.poll(() => editor.cursor()).toMatchObject({ line: find('apiVersion: networking.k8s.io/v1').line });
  await expect(graph.node(IDS.nginx)).toHaveClass(/is-policy-target/);
  // The focus is in the editor, at the policy: typing goes there.
  await editor.type('#');
  await expect.poll(() => editor.text()).toContain('\n#apiVersion: networking.k8s.io/v1');
});

test('choosing a cluster-wide policy moves the cursor to it and shows it on the graph', async ({ page, editor, search, clusterPolicies, gallery }) => {
  await gallery.choose('cluster-guardrails');
  await expect(page.getByTestId('rf__node-tenant-b/shop[Deployment]')).toBeVisible();
  await search.openByKey();
  await search.type('platform-only');
  await page.keyboard.press('Enter');
  await expect(clusterPolicies.banner()).toBeVisible();
  await expect(clusterPolicies.policy('ClusterNetworkPolicy/platform-only')).toHaveClass(/is-shown/);
  // The cursor is at the start of the policy: the `apiVersion` line above its name.
  const lines = (await editor.text()).split('\n');
  let start = lines.findIndex((l) => l.includes('name: platform-only'));
  while (!lines[start]!.startsWith('apiVersion:')) start--;
  await expect.poll(() => editor.cursor()).toMatchObject({ line: start + 1, column: 1 });
});

test('a namespace is found by its label; Escape or a press outside closes the search', async ({ page, graph, search }) => {
  await search.openByKey();
  await search.type('metadata.name=team');
  await expect(search.box.active()).toHaveAttribute('data-option', 'namespace:team-b');
  await page.keyboard.press('Escape');
  await expect(search.dialog()).toBeHidden();
  // A press outside it closes it too; each search starts afresh.
  await search.openByKey();
  await search.type('team');
  await page.mouse.click(5, 700);
  await expect(search.dialog()).toBeHidden();
  await search.openByKey();
  await expect(search.box.input()).toHaveValue('');
  await search.type('team-b');
  await page.keyboard.press('Enter');
  await expect(graph.node('namespace:team-b')).toHaveClass(/selected/);
});

test('Ctrl+K in the editor is the editor’s: Ctrl+K Ctrl+C comments the line out', async ({ page, editor, search }) => {
  const name = find('name: nginx-network-policy');
  await editor.cursorAt(name.line, name.start);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+C');
  await expect(search.dialog()).toBeHidden();
  await expect.poll(() => editor.text()).toContain('# name: nginx-network-policy');
});

test('the shortcuts list names the search', async ({ page }) => {
  await page.getByTestId('graph').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Shift+Slash');
  await expect(page.getByTestId('help-dialog')).toContainText('Ctrl+K');
  await expect(page.getByTestId('help-dialog')).toContainText('Search workloads, namespaces and policies');
});

test('the toolbar keeps to one row at 1280 pixels, its search button included', async ({ page, search }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(search.button()).toBeVisible();
  // Controls of one row share their vertical centre (the toolbar centres them).
  const centres = await page.locator('.toolbar > *').evaluateAll((elements) =>
    elements.filter((e) => e.getBoundingClientRect().width > 0).map((e) => {
      const box = e.getBoundingClientRect();
      return box.top + box.height / 2;
    }),
  );
  expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(4);
});
