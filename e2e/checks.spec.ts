/**
 * The Checks tab: expectations written beside the manifests are checked as the user types; a
 * failing one says which pair breaks it, and that pair opens in "Why not?" with its explanation.
 */
import { CLASSIC, edgeId, expect, find, IDS, test } from './fixtures';

/** The classic example, plus: the client reaches nginx on TCP 8080 (it does not, yet). */
const EXPECTATIONS = `---
apiVersion: netpol-canvas/v1alpha1
kind: ConnectivityExpectations
metadata:
  name: web
spec:
  expectations:
    - from: ${IDS.client}
      to: ${IDS.nginx}
      ports: [TCP/8080]
      expect: allowed
    - from: 0.0.0.0/0
      to: ${IDS.nginx}
      ports: [UDP/53]
      expect: denied
`;

test('a failing expectation turns green as the fix is typed, and its pair explains itself', async ({ page, editor }) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), `${CLASSIC}${EXPECTATIONS}`);
  const tab = page.getByTestId('tab-checks');
  await expect(tab).toHaveText('Checks (1 ✗)');
  await tab.click();
  await expect(page.getByTestId('checks-summary')).toHaveText('1 of 2 expectations hold.');
  const failing = page.locator('[data-testid="check"][data-passed="false"]');
  await expect(failing).toContainText(`${IDS.client} → ${IDS.nginx}: allowed on TCP 8080`);
  await failing.getByRole('button', { name: `${IDS.client} → ${IDS.nginx}: TCP 8080 not allowed (allowed: TCP 80)` }).click();
  await expect(page.getByTestId('why-answer')).toContainText('DENIED: TCP 8080');

  // Widen the policy's port to a range that covers 8080: the expectation holds.
  await editor.ready();
  const port = find('port: 80');
  await editor.cursorAt(port.line, port.end);
  await editor.type(`\n${' '.repeat(port.start - 1)}endPort: 8080`);
  await expect(tab).toHaveText('Checks ✓');
  await tab.click();
  await expect(page.getByTestId('checks-summary')).toHaveText('All 2 expectations hold.');
});

test('"Expect allowed" on an edge writes the expectation down: it holds, and one undo takes it back', async ({ page, editor }) => {
  await editor.ready();
  await page.getByTestId(`edge-label-${edgeId(IDS.client, IDS.nginx)}`).click();
  await page.getByTestId('expect-allowed').click();
  await expect(page.getByTestId('tab-checks')).toHaveText('Checks ✓');
  await expect(page.getByTestId('check')).toContainText(`${IDS.client} → ${IDS.nginx}: allowed on TCP 80`);
  const written = await editor.text();
  expect(written.startsWith(CLASSIC)).toBe(true);
  expect(written.slice(CLASSIC.length)).toContain(`- from: "${IDS.client}"\n      to: "${IDS.nginx}"\n      ports: [TCP/80]\n      expect: allowed\n`);
  await editor.cursorAt(1, 1);
  await editor.press('Control+z');
  await expect.poll(() => editor.text()).toBe(CLASSIC);
  await expect(page.getByTestId('tab-checks')).toHaveCount(0);
});
