/**
 * The editor's language features for cluster-wide policies: hover documentation and value
 * completion from the ClusterNetworkPolicy schema (src/ui/editor/schemas), offline.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const CLUSTER = readFileSync(new URL('../fixtures/cluster-policies.yaml', import.meta.url), 'utf8');

/** The 1-based line of `text`'s first occurrence in `document`, and the column just after it. */
function after(document: string, text: string): { line: number; column: number } {
  const lines = document.split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in the document`);
  return { line: index + 1, column: lines[index]!.indexOf(text) + text.length + 1 };
}

test('hovering a ClusterNetworkPolicy tier shows what the tiers mean', async ({ page, editor }) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), CLUSTER);
  // Bring the line into view: Monaco renders only the lines on screen.
  await editor.cursorAt(after(CLUSTER, 'tier: Admin').line, 1);
  await editor.root().locator('.view-line span', { hasText: /^tier$/ }).first().hover();
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(hover).toContainText('Where the policy is consulted: the Admin tier, then NetworkPolicies');
  await expect(hover).toContainText('Before NetworkPolicies');
});

test('completion after a ClusterNetworkPolicy action offers Accept, Deny and Pass', async ({ page, editor }) => {
  // The first rule's `action: Deny`, its value taken away.
  const text = CLUSTER.replace('action: Deny', 'action: ');
  await page.evaluate((loaded) => window.__netpolTest!.loadText(loaded), text);
  const { line, column } = after(text, 'action: ');
  await editor.cursorAt(line, column);
  await editor.press('Control+Space');
  const suggestions = page.locator('.suggest-widget.visible .monaco-list-row .label-name');
  await expect(suggestions).toHaveText(['Accept', 'Deny', 'Pass']);
});
