// Runs the Playwright suite in Debian's Chromium, or says in one line how to get a browser.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const browser = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(browser)) {
  console.error(
    `e2e: no Chromium at ${browser} — set CHROMIUM_PATH, or install one (Debian: sudo apt-get install -y chromium; elsewhere: npx playwright install chromium and set CHROMIUM_PATH to it).`,
  );
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
