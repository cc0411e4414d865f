/**
 * `npx tsx bench/matrix-scroll.ts [url]`: the truth table of the 2000-workload cluster (about four
 * million cells), scrolled in the built app by mouse wheel, down and across, then by jumps to
 * far places. Reports the main thread's long tasks (PerformanceObserver 'longtask', > 50 ms),
 * the gaps between animation frames while scrolling, and how many cells were in the page at most.
 * Against a running `vite preview` (default http://127.0.0.1:4173/). Not a test: it prints figures.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { generateCluster } from './generate-cluster';

const URL = process.argv[2] ?? 'http://127.0.0.1:4173/';
const WHEEL_STEPS = 120;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(URL);
await page.waitForFunction('window.__netpolTest');
await page.evaluate((text) => window.__netpolTest!.loadText(text), generateCluster(2000));
await page.getByTestId('rf__node-namespace:kube-system').waitFor({ timeout: 300_000 });
await page.getByTestId('pane-matrix').click();
const grid = page.getByTestId('matrix-grid');
await grid.getByRole('gridcell').first().waitFor();
// Let the load's own work settle before measuring the scroll.
await page.waitForTimeout(2000);

// Strings, not functions: tsx would add helpers the page does not have.
await page.evaluate(`(() => {
  const m = (window.__matrixBench = { longtasks: [], gaps: [], cells: 0, last: performance.now(), on: true });
  new PerformanceObserver((list) => m.longtasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask' });
  const grid = document.querySelector('[data-testid="matrix-grid"]');
  const frame = (now) => {
    m.gaps.push(now - m.last);
    m.last = now;
    m.cells = Math.max(m.cells, grid.querySelectorAll('[role="gridcell"]').length);
    if (m.on) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`);

const box = (await grid.boundingBox())!;
await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
/** Wheel steps of 400 px down (or up), every fourth also 300 px across. */
async function wheel(direction: 1 | -1): Promise<void> {
  for (let i = 0; i < WHEEL_STEPS; i++) {
    await page.mouse.wheel(i % 4 === 3 ? 300 * direction : 0, 400 * direction);
    await page.waitForTimeout(16);
  }
}
await wheel(1);
const jumps = [0.13, 0.87, 0.42, 0.99, 0.05, 0.61];
for (const at of jumps) {
  await grid.evaluate((el, f) => el.scrollTo({ top: el.scrollHeight * f, left: el.scrollWidth * (1 - f) }), at);
  await page.waitForTimeout(100);
}

const result = (await page.evaluate(`(() => {
  const m = window.__matrixBench;
  m.on = false;
  const gaps = m.gaps.slice(1).sort((a, b) => a - b);
  return {
    longtasks: m.longtasks,
    frames: gaps.length,
    p95Gap: Math.round(gaps[Math.floor(gaps.length * 0.95)]),
    maxGap: Math.round(gaps[gaps.length - 1]),
    maxCells: m.cells,
  };
})()`)) as { longtasks: number[]; frames: number; p95Gap: number; maxGap: number; maxCells: number };

console.log(`wheel steps: ${WHEEL_STEPS}, jumps: ${jumps.length}, frames: ${result.frames}`);
console.log(`long tasks (> 50 ms): ${result.longtasks.length}${result.longtasks.length ? ` (${result.longtasks.join(', ')} ms)` : ''}`);
console.log(`frame gaps: p95 ${result.p95Gap} ms, max ${result.maxGap} ms`);
console.log(`cells in the page, at most: ${result.maxCells}`);

// Again, back up, traced: tracing slows the page down, so the figures above come from the untraced pass.
const trace = join(mkdtempSync(join(tmpdir(), 'matrix-scroll-')), 'trace.json');
await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await wheel(-1);
await browser.stopTracing();

/** Trace events of the page's main thread: `tdur` is the thread's CPU time in µs. */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly tdur?: number;
  readonly args: { readonly name?: string };
}
const events = (JSON.parse(readFileSync(trace, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`));
const cpu = events
  .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}/${e.tid}`))
  .reduce((sum, e) => sum + (e.tdur ?? 0), 0);
console.log(`main-thread CPU while wheeling back (traced): ${Math.round(cpu / 1000)} ms, ${(cpu / 1000 / WHEEL_STEPS).toFixed(1)} ms per step`);
await browser.close();
