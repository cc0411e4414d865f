/** Policies in plain words: the policy under the cursor in the side panel, and each policy of a workload's details. */
import { expect, find, IDS, test } from './fixtures';

test('the cursor in a policy shows it in plain words, and a sentence links to its YAML', async ({ editor, inspector }) => {
  await editor.cursorAt(find('matchLabels').line, 5);
  const panel = inspector.cursorPolicy();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('NetworkPolicy default/nginx-network-policy');
  const words = panel.getByTestId('policy-words');
  await expect(words).toContainText('Applies to pods in namespace default labelled papa=dhondhu.');
  await expect(words).toContainText('Outgoing traffic is not restricted by this policy.');
  const rule = words.getByRole('listitem').filter({ hasText: 'They accept incoming connections only on TCP port 80, from anywhere.' });
  const ruleLine = find('- ports:').line;
  await rule.getByRole('button', { name: `line ${ruleLine}` }).click();
  await expect.poll(() => editor.cursor()).toMatchObject({ line: ruleLine });
  await expect(editor.revealedLines().first()).toBeVisible();
  // Outside any policy, the panel says how to get here.
  await editor.cursorAt(find('name: client').line, 1);
  await expect(panel).toHaveCount(0);
});

test("a workload's details say each policy selecting it in plain words, on demand", async ({ graph, inspector }) => {
  await graph.node(IDS.nginx).click();
  const details = inspector.nodeDetails();
  await expect(details.getByTestId('policy-words')).toHaveCount(0);
  await details.getByText('In plain words').click();
  await expect(details.getByTestId('policy-words')).toContainText('They accept incoming connections only on TCP port 80, from anywhere.');
  await expect(details.getByTestId('policy-words-together')).toContainText('No other NetworkPolicy selects these pods');
});

test("hovering a policy's kind in the editor shows it in plain words", async ({ page }) => {
  await page.locator('.monaco-editor .view-line', { hasText: 'kind: NetworkPolicy' }).getByText('NetworkPolicy').hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'in plain words' });
  await expect(hover).toContainText('NetworkPolicy default/nginx-network-policy in plain words');
  await expect(hover).toContainText('They accept incoming connections only on TCP port 80, from anywhere.');
});
