/**
 * `npm run bench:ui`: typing latency of the real app in Chromium, on generated clusters of ~10 and
 * ~2000 workloads (bench/generate-cluster.ts). For each size it loads the cluster, makes a series
 * of edits one keystroke at a time, and reports per keystroke:
 * - `netpol:recompute` — the app's own measure, from the text change to the graph showing it;
 * - the longest main-thread task, from PerformanceObserver 'longtask' entries (Chromium reports
 *   only tasks over 50 ms: a keystroke with none scores 0, i.e. "under 50 ms"), and, finer, the
 *   longest gap seen by a MessageChannel heartbeat (any task that blocks it shows as a gap).
 * It also times the load itself (the text replaced as a paste does, until the graph shows it).
 * Medians and 95th percentiles per size, then the 2000/10 ratios: for character edits (the
 * headline), and separately for line edits (Enter, then Backspace: each moves every document
 * below it, the slower path). Not a test: it prints numbers.
 * Env: SKIP_BUILD=1 reuses the build; OUT_DIR builds and serves there (default dist/web); PORT
 * (default 4175); KEYS=n character edits per size (default 40); LINE_KEYS=n
 * line edits (default 10); VERBOSE=1 prints every keystroke, with the scripts that ran in frames
 * that blocked (Long Animation Frames API).
 */
import { chromium, type Page } from '@playwright/test';
import { generateCluster } from './generate-cluster';
import { namespaceNodeId } from '../src/ui/graph/ids';
import { startPreview } from './preview';

const SIZES = [10, 2000];
const KEYS = Number(process.env.KEYS ?? 40);
/** Enter-then-Backspace pairs' keystrokes per size: each moves every document below the cursor. */
const LINE_KEYS = Number(process.env.LINE_KEYS ?? 10);
const PORT = Number(process.env.PORT ?? 4175);
const APP_URL = `http://127.0.0.1:${PORT}/`;

interface KeystrokeSample {
  recompute: number;
  longtask: number;
  heartbeatGap: number;
  /** What ran in frames that blocked (Long Animation Frames API): `invoker=ms`, for VERBOSE. */
  blockers: string;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

interface Probes {
  longtasks: PerformanceEntry[];
  gaps: { at: number; gap: number }[];
  blockers: { at: number; what: string }[];
}

/**
 * Observers in the page: long tasks, a heartbeat that records gaps between its beats, and the
 * scripts of long animation frames that blocked (to say what a long task was).
 */
function installProbes(): void {
  const w = window as unknown as { __bench: Probes };
  w.__bench = { longtasks: [], gaps: [], blockers: [] };
  new PerformanceObserver((list) => w.__bench.longtasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: false });
  type Script = { invoker: string; duration: number; sourceFunctionName: string };
  type Frame = PerformanceEntry & { blockingDuration: number; styleAndLayoutStart: number; renderStart: number; scripts: Script[] };
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries() as Frame[]) {
      if (frame.blockingDuration <= 0) continue;
      const scripts = frame.scripts.map((s) => `${s.invoker}${s.sourceFunctionName ? `(${s.sourceFunctionName})` : ''}=${Math.round(s.duration)}`);
      // The frame's own rendering: style and layout, then paint, after the scripts.
      const end = frame.startTime + frame.duration;
      const layout = frame.styleAndLayoutStart > 0 ? end - frame.styleAndLayoutStart : 0;
      const render = frame.renderStart > 0 ? end - frame.renderStart - layout : 0;
      scripts.push(`rAF+render=${Math.round(render)}`, `style+layout=${Math.round(layout)}`);
      w.__bench.blockers.push({ at: frame.startTime, what: scripts.join(' ') });
    }
  }).observe({ type: 'long-animation-frame', buffered: false });
  const channel = new MessageChannel();
  let last = performance.now();
  channel.port1.onmessage = () => {
    const now = performance.now();
    if (now - last > 8) w.__bench.gaps.push({ at: last, gap: now - last });
    last = now;
    setTimeout(() => channel.port2.postMessage(0), 0);
  };
  channel.port2.postMessage(0);
}

/** Lines (1-based) to edit: the end of an egress `port: 8080` line, and the end of a `tier:` label. */
interface Target {
  readonly line: number;
  readonly column: number;
  /** The character before the cursor: deleted, then typed back. */
  readonly last: string;
}

/** Where to edit, past the middle of the text: an egress `port: 8080`, and a `tier:` label. */
function editTargets(text: string): Target[] {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const find = (re: RegExp): Target => {
    const i = lines.findIndex((line, n) => n >= middle && re.test(line));
    return { line: i + 1, column: lines[i]!.length + 1, last: lines[i]!.at(-1)! };
  };
  return [find(/^ {10}port: 8080$/), find(/^ {8}tier: \w+$/)];
}

/** Presses a key and waits for the graph to show its revision; what the keystroke cost. */
async function measureKeystroke(page: Page, press: () => Promise<void>): Promise<KeystrokeSample> {
  const before = await page.evaluate(() => ({ t: performance.now(), n: performance.getEntriesByName('netpol:recompute').length }));
  await press();
  await page.waitForFunction((n) => performance.getEntriesByName('netpol:recompute').length > n, before.n, { timeout: 120_000 });
  await page.waitForTimeout(120);
  return page.evaluate((since) => {
    const w = window as unknown as { __bench: Probes };
    const recompute = performance.getEntriesByName('netpol:recompute').at(-1)!.duration;
    const longtask = Math.max(0, ...w.__bench.longtasks.filter((e) => e.startTime >= since).map((e) => e.duration));
    const heartbeatGap = Math.max(0, ...w.__bench.gaps.filter((g) => g.at >= since).map((g) => g.gap));
    // A long task that no Long Animation Frame entry accounts for: in traces, a major garbage
    // collection (or a task between frames).
    const frames = w.__bench.blockers.filter((b) => b.at >= since).map((b) => b.what).join(' | ');
    const blockers = frames || (longtask > 0 ? '(no blocking frame: GC, or a task between frames)' : '');
    w.__bench = { longtasks: [], gaps: [], blockers: [] };
    return { recompute, longtask, heartbeatGap, blockers };
  }, before.t);
}

/** Loading the whole cluster as one text, as a paste or "Open file" does. */
interface LoadSample {
  /** `netpol:recompute` of the load: text replaced → graph shown. */
  readonly recompute: number;
  /** The longest main-thread task from the load until the graph settled. */
  readonly longtask: number;
}

interface SizeSamples {
  readonly load: LoadSample;
  /** Character edits: the benchmark's headline figures. */
  readonly characters: KeystrokeSample[];
  /** Enter at the end of a line, then Backspace: every later document moves. */
  readonly lines: KeystrokeSample[];
}

async function measureSize(page: Page, size: number): Promise<SizeSamples> {
  const text = generateCluster(size);
  await page.goto(APP_URL);
  await page.locator('.monaco-editor .view-lines .mtk1').first().waitFor();
  await page.evaluate(() => window.__netpolTest!.plainTyping());
  await page.evaluate(installProbes);
  // The text is handed to the page first: the load's own task then holds the app's work only,
  // not the transfer of megabytes from this process, as a paste or a file read would.
  await page.evaluate((t) => Object.assign(window, { __benchText: t }), text);
  const loadStart = await page.evaluate(() => performance.now());
  await page.evaluate(() => {
    setTimeout(() => window.__netpolTest!.loadText((window as unknown as { __benchText: string }).__benchText));
  });
  // Loaded: the load's recompute is recorded and the laid-out cluster is on screen (kube-system
  // comes first, and is a namespace of every generated cluster); then let it settle.
  await page.waitForFunction(() => performance.getEntriesByName('netpol:recompute').length >= 2, undefined, { timeout: 300_000 });
  await page.getByTestId(`rf__node-${namespaceNodeId('kube-system')}`).waitFor({ timeout: 300_000 });
  await page.waitForTimeout(3000);
  const load = await page.evaluate((since) => {
    const w = window as unknown as { __bench: Probes };
    const recompute = performance.getEntriesByName('netpol:recompute')[1]!.duration;
    const longtask = Math.max(0, ...w.__bench.longtasks.filter((e) => e.startTime >= since).map((e) => e.duration));
    w.__bench = { longtasks: [], gaps: [], blockers: [] };
    return { recompute, longtask };
  }, loadStart);
  const targets = editTargets(text);
  // Moving the cursor there is navigation, not a keystroke: the editor draws the lines it jumped
  // to (and the graph highlights the policy the cursor entered) before the keystroke is timed.
  const cursorAt = async (target: Target) => {
    await page.evaluate(([l, c]) => window.__netpolTest!.setCursor(l!, c!), [target.line, target.column]);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForTimeout(500);
  };
  const characters: KeystrokeSample[] = [];
  for (let k = 0; k < KEYS; k++) {
    const target = targets[Math.floor(k / 2) % targets.length]!;
    // Delete the last character, then type it back: every keystroke leaves valid YAML.
    if (k % 2 === 0) await cursorAt(target);
    characters.push(
      await measureKeystroke(page, () => (k % 2 === 0 ? page.keyboard.press('Backspace') : page.keyboard.type(target.last))),
    );
  }
  const lines: KeystrokeSample[] = [];
  for (let k = 0; k < LINE_KEYS; k++) {
    // A blank line after the egress port, then gone again: valid YAML throughout.
    if (k % 2 === 0) await cursorAt(targets[0]!);
    lines.push(await measureKeystroke(page, () => page.keyboard.press(k % 2 === 0 ? 'Enter' : 'Backspace')));
  }
  return { load, characters, lines };
}

const fmt = (n: number) => n.toFixed(1).padStart(8);

/** Medians, 95th percentiles, keystrokes with a long task, and the large/small ratios. */
function report(title: string, results: ReadonlyMap<number, readonly KeystrokeSample[]>): void {
  console.log(`\n${title}\n${'workloads'.padEnd(10)}${'metric (ms)'.padEnd(26)}${'median'.padStart(8)}${'p95'.padStart(8)}`);
  const rows: [string, 'recompute' | 'longtask' | 'heartbeatGap'][] = [
    ['netpol:recompute', 'recompute'],
    ['longest task (longtask)', 'longtask'],
    ['longest task (heartbeat)', 'heartbeatGap'],
  ];
  for (const [size, samples] of results) {
    for (const [label, key] of rows) {
      const values = samples.map((s) => s[key]);
      console.log(`${String(size).padEnd(10)}${label.padEnd(26)}${fmt(quantile(values, 0.5))}${fmt(quantile(values, 0.95))}`);
    }
  }
  for (const [size, samples] of results) {
    const blocked = samples.filter((s) => s.longtask > 0).length;
    console.log(`${String(size).padEnd(10)}keystrokes with a task ≥ 50 ms: ${blocked} of ${samples.length}`);
  }
  const [small, large] = SIZES.map((s) => results.get(s)!);
  console.log(`ratio ${SIZES[1]}/${SIZES[0]} (median, p95):`);
  for (const [label, key] of rows) {
    const ratio = (q: number) => {
      const base = quantile(small!.map((s) => s[key]), q);
      // No long task at the small size: Chromium reports none under 50 ms, so there is no ratio.
      return base > 0 ? `${fmt(quantile(large!.map((s) => s[key]), q) / base)}×` : '     n/a ';
    };
    console.log(`  ${label.padEnd(26)}${ratio(0.5)}${ratio(0.95)}`);
  }
}

async function main() {
  const stop = await startPreview({ port: PORT, build: !process.env.SKIP_BUILD, outDir: process.env.OUT_DIR });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-timer-throttling'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const results = new Map<number, SizeSamples>();
    for (const size of SIZES) {
      console.log(`size ${size}: loading, typing ${KEYS} character keystrokes and ${LINE_KEYS} line keystrokes…`);
      results.set(size, await measureSize(page, size));
      if (process.env.VERBOSE) {
        const { characters, lines } = results.get(size)!;
        const row = (s: KeystrokeSample, k: number) =>
          `  #${k} ${s.recompute.toFixed(0)} ${s.longtask.toFixed(0)} ${s.heartbeatGap.toFixed(0)} ${s.blockers}`;
        console.log(`  #keystroke recompute longtask heartbeat [blocking frames' scripts]\n${characters.map(row).join('\n')}`);
        console.log(`  line keystrokes:\n${lines.map(row).join('\n')}`);
      }
    }
    console.log('\nloading the cluster (paste, Open file)');
    for (const [size, { load }] of results) {
      console.log(`${String(size).padEnd(10)}netpol:recompute ${load.recompute.toFixed(0)} ms, longest task ${load.longtask.toFixed(0)} ms`);
    }
    report('character edits', new Map([...results].map(([size, r]) => [size, r.characters])));
    if (LINE_KEYS > 0) report('line edits (Enter, then Backspace)', new Map([...results].map(([size, r]) => [size, r.lines])));
    console.log('\nlongtask: 0 = no task over 50 ms (Chromium reports none below). heartbeat: upper bound,');
    console.log('it also counts back-to-back frames that left no gap for a timer.');
  } finally {
    await browser.close();
    stop();
  }
}

await main();
