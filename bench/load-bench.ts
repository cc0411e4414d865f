/**
 * `npm run bench:load`: what a first visit costs. Opens the production build in a fresh Chromium
 * context (no cache, no saved work: the default example) `RUNS` times and reports medians of:
 * - the JavaScript fetched before the editor is interactive, gzip-compressed (Node's zlib at its
 *   default level, as a server would send it; `vite preview` itself sends it uncompressed), for
 *   the main thread and for workers separately;
 * - the same before the first graph, and everything fetched until the page settled (`SETTLE_MS`
 *   after both moments);
 * - the time from navigation start to each moment.
 *
 * **Editor interactive** is the first animation frame in which both hold:
 * 1. the Monaco editor exists on the document's model and is wired to the store — the effect that
 *    creates it also installs the test hook `window.__netpolTest`, so the hook's presence is the
 *    signal;
 * 2. the editor has painted the document with YAML syntax colours: `.view-lines` holds a token
 *    span of a colour other than the default foreground (class `mtkN`, N > 1).
 * From that frame a click in the text places the cursor and a keystroke edits the document.
 * Language features served by the YAML worker (hover docs, completion, schema warnings) are not
 * part of it: they arrive when that worker has started.
 *
 * **First graph** is the first animation frame in which React Flow shows a node (`.react-flow__node`;
 * the graph renders no node until a whole-graph layout has placed them all).
 *
 * A script counts as fetched before a moment when its request started before it. A script is a
 * worker's when it is a worker's own script (Playwright's `page.on('worker')`) or was fetched from
 * inside a worker (absent from the page's resource timing); every other script is the main thread's.
 *
 * Env: SKIP_BUILD=1 serves the existing build; OUT_DIR (default Vite's `dist/web`); PORT (default
 * 4176); RUNS (default 5); SETTLE_MS (default 3000); VERBOSE=1 lists every script of the last run
 * with its start time.
 */
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { startPreview } from './preview';

const PORT = Number(process.env.PORT ?? 4176);
const RUNS = Number(process.env.RUNS ?? 5);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 3000);
const APP_URL = `http://127.0.0.1:${PORT}/`;

/** One script the page or a worker fetched. */
interface Script {
  readonly url: string;
  /** When its request started, in ms after navigation start. */
  readonly start: number;
  readonly gzipBytes: number;
  readonly worker: boolean;
}

interface Moments {
  /** Editor interactive and first graph, in ms after navigation start. */
  readonly editor: number;
  readonly graph: number;
}

interface Run extends Moments {
  readonly scripts: readonly Script[];
}

/**
 * Runs in the page before any of its scripts: records the first frame of each moment (see the
 * header) in `window.__loadMoments`. A string, not a function: tsx would wrap its inner functions
 * in a helper the page does not have.
 */
const WATCH_MOMENTS = `(() => {
  const moments = (window.__loadMoments = {});
  const coloured = () => [...document.querySelectorAll('.monaco-editor .view-lines span[class*="mtk"]')]
    .some((s) => /\\bmtk([2-9]|\\d{2,})\\b/.test(s.className));
  const check = () => {
    const now = performance.now();
    if (moments.editor === undefined && window.__netpolTest && coloured()) moments.editor = now;
    if (moments.graph === undefined && document.querySelector('.react-flow__node')) moments.graph = now;
    if (moments.editor === undefined || moments.graph === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function measureOnce(browser: Browser): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: WATCH_MOMENTS });
  const workerUrls = new Set<string>();
  page.on('worker', (worker) => workerUrls.add(worker.url()));
  const fetched: Promise<{ url: string; startEpoch: number; gzipBytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    if (!/\.m?js(\?|$)/.test(request.url())) return;
    fetched.push(
      (async () => {
        const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
        return { url: request.url(), startEpoch: request.timing().startTime, gzipBytes: gzipSync(body).length };
      })(),
    );
  });
  await page.goto(APP_URL);
  await page.waitForFunction(() => {
    const m = (window as unknown as { __loadMoments: Partial<Moments> }).__loadMoments;
    return m.editor !== undefined && m.graph !== undefined;
  }, undefined, { timeout: 120_000, polling: 100 });
  await page.waitForTimeout(SETTLE_MS);
  const { moments, origin, pageScripts } = await page.evaluate(() => ({
    moments: (window as unknown as { __loadMoments: Moments }).__loadMoments,
    origin: performance.timeOrigin,
    pageScripts: performance.getEntriesByType('resource').map((e) => e.name),
  }));
  const inPage = new Set(pageScripts);
  const scripts = (await Promise.all(fetched)).map(({ url, startEpoch, gzipBytes }) => ({
    url,
    start: startEpoch - origin,
    gzipBytes,
    worker: workerUrls.has(url) || !inPage.has(url),
  }));
  await context.close();
  return { ...moments, scripts };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

/** Gzip bytes of the scripts started before `until`, main thread and workers. */
function bytesBefore(run: Run, until: number): { main: number; workers: number } {
  const before = run.scripts.filter((s) => s.start < until);
  const sum = (worker: boolean) => before.filter((s) => s.worker === worker).reduce((n, s) => n + s.gzipBytes, 0);
  return { main: sum(false), workers: sum(true) };
}

function report(runs: readonly Run[]): void {
  const at = (pick: (run: Run) => number) => median(runs.map(pick));
  const editor = runs.map((r) => bytesBefore(r, r.editor));
  const graph = runs.map((r) => bytesBefore(r, r.graph));
  const all = runs.map((r) => bytesBefore(r, Infinity));
  const rows: [string, string][] = [
    ['main-thread JS before the editor is interactive', kB(median(editor.map((b) => b.main)))],
    ['worker JS before the editor is interactive', kB(median(editor.map((b) => b.workers)))],
    ['main-thread JS before the first graph', kB(median(graph.map((b) => b.main)))],
    ['worker JS before the first graph', kB(median(graph.map((b) => b.workers)))],
    [
      `all JS until settled (${SETTLE_MS / 1000} s after both): main thread / workers`,
      `${kB(median(all.map((b) => b.main)))} / ${kB(median(all.map((b) => b.workers)))}`,
    ],
    ['editor interactive', `${at((r) => r.editor).toFixed(0)} ms`],
    ['first graph', `${at((r) => r.graph).toFixed(0)} ms`],
  ];
  console.log(`\nfirst load of the default example, median of ${runs.length}`);
  console.log('(gzip: zlib default level; times from navigation start)');
  console.log('| measure | value |\n| --- | ---: |');
  for (const [label, value] of rows) console.log(`| ${label} | ${value} |`);
  console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (process.env.VERBOSE) {
    const last = runs.at(-1)!;
    const moments = `editor interactive at ${last.editor.toFixed(0)} ms, first graph at ${last.graph.toFixed(0)} ms`;
    console.log(`\nscripts of the last run (${moments}):`);
    for (const s of [...last.scripts].sort((a, b) => a.start - b.start)) {
      const where = s.worker ? 'worker' : 'main  ';
      console.log(`${s.start.toFixed(0).padStart(7)} ms  ${where}  ${kB(s.gzipBytes).padStart(7)}  ${new URL(s.url).pathname}`);
    }
  }
}

async function main() {
  const stop = await startPreview({ port: PORT, build: !process.env.SKIP_BUILD, outDir: process.env.OUT_DIR });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(browser));
    report(runs);
  } finally {
    await browser.close();
    stop();
  }
}

await main();
