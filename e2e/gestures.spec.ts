/**
 * Graph gestures write YAML (issue 11): a context menu on a node, an edge or the empty graph (by
 * mouse and by keyboard), a form, the Review change dialog with what the change does and its YAML,
 * Apply as one edit, and Ctrl+Z back to the exact text before.
 */
import type { Page } from '@playwright/test';
import { CLASSIC, edgeId, expect, IDS, test, type EditorPage } from './fixtures';

/** Applies the change under review; one Ctrl+Z gives back exactly the text before, Ctrl+Shift+Z the change. */
async function applyAndUndo(page: Page, editor: EditorPage, check: () => Promise<void>): Promise<void> {
  const before = await editor.text();
  const review = page.getByRole('dialog', { name: 'Review change' });
  await review.getByTestId('review-apply').click();
  await expect(review).toBeHidden();
  await expect.poll(() => editor.text()).not.toBe(before);
  await check();
  const written = await editor.text();
  await editor.cursorAt(1, 1);
  await editor.press('Control+z');
  await expect.poll(() => editor.text()).toBe(before);
  await editor.press('Control+Shift+z');
  await expect.poll(() => editor.text()).toBe(written);
}

test('isolate a workload for egress with DNS kept: reviewed, applied, undone in one step', async ({ page, editor, graph }) => {
  await editor.ready();
  await graph.node(IDS.client).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Change default/client` });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Isolate…' }).click();
  const form = page.getByTestId('isolate-form');
  await form.getByLabel('Outgoing traffic (egress)').check();
  await expect(form.getByTestId('isolate-dns')).toBeChecked();
  await form.getByTestId('gesture-submit').click();

  const review = page.getByRole('dialog', { name: 'Review change' });
  await expect(review).toBeVisible();
  await expect(review.getByTestId('review-effects')).toContainText(`Stops allowing: ${IDS.client} → ${IDS.nginx}`);
  await expect(review.getByTestId('review-diff')).toContainText('policyTypes');
  await applyAndUndo(page, editor, async () => {
    const written = await editor.text();
    expect(written.startsWith(CLASSIC)).toBe(true);
    expect(written.slice(CLASSIC.length)).toContain('k8s-app: kube-dns');
    await expect(graph.edgeLabel(edgeId(IDS.client, IDS.nginx))).toHaveCount(0);
  });
});

test('allow traffic by keyboard: the menu of the selected node, a target picked, its ports prefilled', async ({ page, editor, graph }) => {
  await editor.ready();
  await graph.node(IDS.other).click();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Enter'); // Allow traffic to…
  const form = page.getByTestId('allow-form');
  await form.getByTestId('allow-to').getByRole('combobox').fill('nginx');
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('allow-to-chosen')).toContainText('default/nginx-pod-with-label');
  await expect(form.getByTestId('allow-ports')).toHaveValue('80');
  await form.getByTestId('allow-ports').fill('8080');
  await form.getByTestId('gesture-submit').click();
  const review = page.getByRole('dialog', { name: 'Review change' });
  await expect(review.getByTestId('review-effects')).toHaveText(`Allows: ${IDS.other} → ${IDS.nginx} TCP 8080. Nothing else changes.`);
  await applyAndUndo(page, editor, () => expect(graph.edgeLabel(edgeId(IDS.other, IDS.nginx))).toHaveText('TCP 80,8080'));
});

test('Cancel writes nothing', async ({ page, editor, graph }) => {
  await editor.ready();
  await graph.node(IDS.client).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Isolate…' }).click();
  await page.getByTestId('gesture-submit').click();
  const review = page.getByRole('dialog', { name: 'Review change' });
  await review.getByTestId('review-cancel').click();
  await expect(review).toBeHidden();
  expect(await editor.text()).toBe(CLASSIC);
});

test('add a namespace from the empty graph’s menu', async ({ page, editor }) => {
  await editor.ready();
  await page.locator('.react-flow__pane').click({ button: 'right', position: { x: 30, y: 30 } });
  await page.getByRole('menuitem', { name: 'Add a namespace…' }).click();
  const form = page.getByTestId('add-namespace-form');
  await form.getByTestId('namespace-name').fill('payments');
  await form.getByTestId('namespace-labels').fill('team=pay');
  await form.getByTestId('gesture-submit').click();
  await applyAndUndo(page, editor, async () => {
    expect(await editor.text()).toContain('name: payments');
    await expect(page.getByTestId('rf__node-namespace:payments')).toBeVisible();
  });
});

test('drag from a workload’s connector onto another workload: allow traffic between them', async ({ page, editor, graph }) => {
  await editor.ready();
  await graph.node(IDS.other).hover();
  const connector = page.getByTitle('Connect from other-client');
  await expect(connector).toBeVisible();
  const target = await graph.node(IDS.nginx).boundingBox();
  await connector.hover();
  await page.mouse.down();
  await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, { steps: 8 });
  await page.mouse.up();
  const form = page.getByTestId('allow-form');
  await expect(form).toContainText('From team-b/other-client');
  await expect(form).toContainText('To default/nginx-pod-with-label');
  await expect(form.getByTestId('allow-ports')).toHaveValue('80');
  await form.getByTestId('allow-ports').fill('8443');
  await form.getByTestId('gesture-submit').click();
  const effects = page.getByRole('dialog', { name: 'Review change' }).getByTestId('review-effects');
  await expect(effects).toHaveText(`Allows: ${IDS.other} → ${IDS.nginx} TCP 8443. Nothing else changes.`);
  await applyAndUndo(page, editor, () => expect(graph.edgeLabel(edgeId(IDS.other, IDS.nginx))).toHaveText('TCP 80,8443'));
});

test('allowing what is already allowed writes nothing, and says so', async ({ page, editor, graph }) => {
  await editor.ready();
  await graph.node(IDS.other).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Allow traffic to…' }).click();
  const form = page.getByTestId('allow-form');
  await form.getByTestId('allow-to').getByRole('combobox').fill('client');
  await page.keyboard.press('Enter');
  await form.getByTestId('allow-all-ports').check();
  await form.getByTestId('gesture-submit').click();
  // Nothing isolates the client: the traffic is already allowed, and the plan says so.
  await expect(page.getByTestId('gesture-message')).toContainText('already');
  expect(await editor.text()).toBe(CLASSIC);
});

test('block a connection with Delete: the rule allows others too, so the choices come first', async ({ page, editor, graph }) => {
  await editor.ready();
  await graph.edgeLabel(edgeId(IDS.client, IDS.nginx)).click();
  await page.locator('.react-flow__pane').focus();
  await page.keyboard.press('Delete');
  const choices = page.getByTestId('gesture-choices').getByRole('button');
  await expect(choices.first()).toBeVisible();
  expect(await choices.count()).toBeGreaterThan(1);
  await choices.first().click();
  const review = page.getByRole('dialog', { name: 'Review change' });
  await expect(review.getByTestId('review-effects')).toContainText(`Stops allowing: ${IDS.client} → ${IDS.nginx} TCP 80.`);
  await applyAndUndo(page, editor, async () => {
    await expect(graph.edgeLabel(edgeId(IDS.client, IDS.nginx))).toHaveCount(0);
    await expect(graph.edgeLabel(edgeId(IDS.other, IDS.nginx))).toHaveText('TCP 80');
  });
});

test('add a workload into a namespace from its menu, with named ports', async ({ page, editor }) => {
  await editor.ready();
  await page.getByTestId('rf__node-namespace:team-b').locator('.group-header').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Add a workload here…' }).click();
  const form = page.getByTestId('add-workload-form');
  await expect(form.getByTestId('workload-namespace')).toHaveValue('team-b');
  await form.getByTestId('workload-name').fill('api');
  await form.getByTestId('workload-labels').fill('app=api');
  await form.getByTestId('workload-ports').fill('http:8080, metrics:9090');
  await form.getByTestId('gesture-submit').click();
  const review = page.getByRole('dialog', { name: 'Review change' });
  await expect(review.getByTestId('review-diff')).toContainText('name: http');
  await applyAndUndo(page, editor, async () => {
    await expect(page.getByTestId('rf__node-team-b/api[Deployment]')).toBeVisible();
    expect(await editor.text()).toContain('containerPort: 9090');
  });
});

test('delete the policy under the cursor, after a confirmation and the review', async ({ page, editor, graph }) => {
  await editor.ready();
  await editor.cursorAt(5, 3);
  await page.getByTestId('delete-policy').click();
  await page.getByTestId('gesture-submit').click();
  const review = page.getByRole('dialog', { name: 'Review change' });
  await expect(review.getByTestId('review-effects')).toContainText(`Allows: ${IDS.client} → ${IDS.nginx}`);
  await applyAndUndo(page, editor, async () => {
    expect(await editor.text()).not.toContain('nginx-network-policy');
    await expect(graph.edgeLabel(edgeId(IDS.client, IDS.nginx))).toHaveText('All');
  });
});
