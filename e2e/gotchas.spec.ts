/** Gotchas: a warning in the editor, in Problems and on the graph, and its quick fix through Ctrl+., undone in one step. */
import { expect, test } from './fixtures';

const SPLIT = `apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels:
    team: apps
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: apps
  labels:
    role: client
spec:
  containers: [{name: client, image: busybox}]
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: default
  labels:
    app: db
spec:
  containers: [{name: db, image: postgres}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: db
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              team: apps
        - podSelector:
            matchLabels:
              role: client
`;

test('the extra dash shows as a warning, and its quick fix joins the peers in one undo step', async ({ page, editor, inspector }) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), SPLIT);
  await inspector.tab('problems').click();
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('peers-split');
  // The graph marks the workload the policy selects, the explanation as its tooltip.
  const mark = page.getByTestId('rf__node-default/db[Pod]').getByTestId('gotcha-mark');
  await expect(mark).toHaveAttribute('title', /These are two peers/);

  const line = SPLIT.split('\n').findIndex((l) => l.includes('- podSelector')) + 1;
  await editor.cursorAt(line, 12);
  await expect(editor.root().locator('.squiggly-warning').first()).toBeVisible();
  await editor.press('Control+.');
  const fix = page.locator('.action-widget').getByText('Make it one peer');
  await expect(fix).toBeVisible();
  await page.keyboard.press('Enter');

  const joined = SPLIT.replace('        - podSelector:', '          podSelector:');
  await expect.poll(() => editor.text()).toBe(joined);
  await expect(problems).not.toContainText('peers-split');
  await expect(mark).toBeHidden();

  await editor.press('Control+z');
  await expect.poll(() => editor.text()).toBe(SPLIT);
  await expect(problems).toContainText('peers-split');
});

test('a gotcha can be silenced for its policy from the quick fixes: a directive comment, undone in one step', async ({ page, editor, inspector }) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), SPLIT);
  await inspector.tab('problems').click();
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('peers-split');

  const line = SPLIT.split('\n').findIndex((l) => l.includes('- podSelector')) + 1;
  await editor.cursorAt(line, 12);
  await editor.press('Control+.');
  const silence = page.locator('.action-widget').getByText('Ignore peers-split for this policy');
  await expect(silence).toBeVisible();
  // The repair is the first (preferred) entry; the silencing one comes after it.
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  await expect(focused).toContainText('Make it one peer');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toContainText('Ignore peers-split for this policy');
  await page.keyboard.press('Enter');

  const silenced = SPLIT.replace('---\napiVersion: networking.k8s.io/v1', '---\n# netpol-canvas: ignore peers-split\napiVersion: networking.k8s.io/v1');
  await expect.poll(() => editor.text()).toBe(silenced);
  await expect(problems).not.toContainText('peers-split');
  await expect(page.getByTestId('rf__node-default/db[Pod]').getByTestId('gotcha-mark')).toBeHidden();

  await editor.press('Control+z');
  await expect.poll(() => editor.text()).toBe(SPLIT);
  await expect(problems).toContainText('peers-split');
});
