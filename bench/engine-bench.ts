/**
 * `npm run bench`: parse vs compile+evaluate on synthetic clusters of ~300, 1000 and 2000
 * workloads, with NetworkPolicies only and with cluster-wide guardrails on top (both tiers),
 * measured on the same esbuild bundle as the CLI ships (not through tsx, whose transforms slow
 * closures down). Each run is its own process so its peak memory (max RSS) is its own.
 * Target: at 2000 workloads, compile+evaluate takes at most half the parse time, in both variants.
 *
 * Then the CLI, in process as dist/cli.mjs runs it (`runCli`, standard output written in chunks
 * as main.ts writes it, to /dev/null):
 * - `connectivity` on the same clusters (NetworkPolicies only) against a bare `parseAllDocuments`
 *   + `toJS` of the same text with the `yaml` build the CLI bundles, each side in its own
 *   process, one per size, median of 5; the ratio of wall times, and of CPU times (steadier
 *   under load).
 *   Target: at 2000 workloads, at most 1.5 times the bare parse.
 * - `connectivity` of N pods and no policy, every pair open (N² lines), one process per N: time
 *   and peak RSS, which stays flat because the connections are streamed, never all held.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { chunkedLines } from '../src/cli/io';
import { runCli } from '../src/cli/run';
import { analyze } from '../src/engine';
import { parseManifests } from '../src/model';
import { generateCluster } from './generate-cluster';

const SIZES = [300, 1000, 2000];
const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const VARIANTS = ['NetworkPolicy', 'with guardrails'] as const;
type Variant = (typeof VARIANTS)[number];

function measure(size: number, variant: Variant) {
  const text = generateCluster(size, 42, { guardrails: variant === 'with guardrails' });
  const parseTimes: number[] = [];
  const evalTimes: number[] = [];
  let connections = 0;
  let endpoints = 0;
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    const model = parseManifests([{ file: 'cluster.yaml', text }]);
    const t1 = performance.now();
    const analysis = analyze(model.resources);
    const t2 = performance.now();
    parseTimes.push(t1 - t0);
    evalTimes.push(t2 - t1);
    connections = analysis.connections.length;
    endpoints = analysis.endpoints.length;
  }
  const parse = median(parseTimes);
  const evaluate = median(evalTimes);
  return {
    size,
    variant,
    bytes: text.length,
    endpoints,
    connections,
    parseMs: parse,
    evaluateMs: evaluate,
    ratio: evaluate / parse,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * `connectivity FILE` as dist/cli.mjs runs it, its output to /dev/null; how many lines it wrote.
 * Diagnostics go to standard error, as in the CLI.
 */
function runConnectivity(file: string): number {
  const fd = openSync(devNull, 'w');
  let lines = 0;
  const stdout = chunkedLines((text) => writeSync(fd, text));
  const code = runCli(['connectivity', file], {
    out: (line) => {
      lines++;
      stdout.out(line);
    },
    err: (text) => console.error(text),
    readStdin: () => '',
  });
  stdout.flush();
  closeSync(fd);
  if (code !== 0) throw new Error(`connectivity exited with ${code}`);
  return lines;
}

/** `text` written to a temporary file for the CLI to read, removed after `use`. */
function withFile<T>(text: string, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-bench-'));
  try {
    const file = join(dir, 'cluster.yaml');
    writeFileSync(file, text);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Median wall and CPU time (ms) of REPEATS runs. CPU time counts this process only (its GC
 * threads too), so it varies less than wall time on a machine shared with other work.
 */
function medians(run: () => void): { wallMs: number; cpuMs: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

/**
 * One side of the CLI comparison, each in its own process so neither pays for the other's
 * garbage: `bare` parses the cluster's text with `yaml` alone, `cli` runs `connectivity` on it.
 */
function measureSide(side: 'bare' | 'cli', size: number) {
  const text = generateCluster(size, 42);
  const times =
    side === 'bare'
      ? medians(() => parseAllDocuments(text).map((doc) => doc.toJS()))
      : withFile(text, (file) => medians(() => runConnectivity(file)));
  return { size, bytes: text.length, ...times };
}

/** `count` pods in namespaces of 100, no policy: every pair of them (and the outside) is open. */
function openPods(count: number): string {
  const docs: string[] = [];
  for (let ns = 0; ns * 100 < count; ns++) docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${ns}\n`);
  for (let i = 0; i < count; i++) {
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n  namespace: ns-${Math.floor(i / 100)}\n` +
        `  labels:\n    app: app-${i}\nspec:\n  containers:\n    - name: main\n      image: example/app\n`,
    );
  }
  return docs.join('---\n');
}

function measureOpen(pods: number) {
  return withFile(openPods(pods), (file) => {
    const t0 = performance.now();
    const connections = runConnectivity(file);
    return { pods, connections, ms: performance.now() - t0, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  });
}

/** The last line of a child run of this script with `args`: its measure, as JSON. */
function child(args: readonly string[]) {
  const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

const OPEN_PODS = [1000, 3000];
const CLI_TARGET = 1.5;

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'bare' || mode === 'cli') {
  console.log(JSON.stringify(measureSide(mode, Number(rest[0]))));
} else if (mode === 'open') {
  console.log(JSON.stringify(measureOpen(Number(rest[0]))));
} else if (mode) {
  console.log(JSON.stringify(measure(Number(mode), rest[0] as Variant)));
} else {
  console.log(`Engine benchmark (median of ${REPEATS} runs per size, one process per run)\n`);
  console.log('policies | workloads | YAML size | endpoints | connections | parse ms | compile+evaluate ms | ratio | peak RSS MB');
  console.log('---|---|---|---|---|---|---|---|---');
  const finalRatios = new Map<Variant, number>();
  for (const variant of VARIANTS) {
    for (const size of SIZES) {
      const r = child([String(size), variant]);
      finalRatios.set(variant, r.ratio);
      console.log(
        `${variant} | ${r.size} | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.endpoints} | ${r.connections} | ${r.parseMs.toFixed(1)} | ${r.evaluateMs.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.peakRssMb.toFixed(0)}`,
      );
    }
  }
  console.log('');
  for (const [variant, ratio] of finalRatios) {
    const verdict = ratio <= 0.5 ? 'meets' : 'MISSES';
    console.log(`${variant}: at ${SIZES.at(-1)} workloads compile+evaluate / parse = ${ratio.toFixed(2)}: ${verdict} the target (≤ 0.5).`);
  }

  const row = (...cells: readonly (string | number)[]) => console.log(cells.join(' | '));
  console.log(`\nCLI connectivity vs bare yaml parse (median of ${REPEATS}, one process per size and side)\n`);
  row('workloads', 'YAML size', 'bare parseAllDocuments+toJS ms', 'CLI connectivity ms', 'ratio', 'ratio of CPU times');
  row('---', '---', '---', '---', '---', '---');
  let cliRatio = 0;
  for (const size of SIZES) {
    const bare = child(['bare', String(size)]);
    const cli = child(['cli', String(size)]);
    cliRatio = cli.wallMs / bare.wallMs;
    const kib = `${(bare.bytes / 1024).toFixed(0)} KiB`;
    row(size, kib, bare.wallMs.toFixed(1), cli.wallMs.toFixed(1), cliRatio.toFixed(2), (cli.cpuMs / bare.cpuMs).toFixed(2));
  }
  const verdict = cliRatio <= CLI_TARGET ? 'meets' : 'MISSES';
  const last = `At ${SIZES.at(-1)} workloads CLI connectivity / bare parse = ${cliRatio.toFixed(2)}`;
  console.log(`\n${last}: ${verdict} the target (≤ ${CLI_TARGET}).`);

  console.log('\nCLI connectivity with every pair open (pods, no policy; one process per size)\n');
  row('pods', 'connections', 'CLI connectivity ms', 'peak RSS MB');
  row('---', '---', '---', '---');
  for (const pods of OPEN_PODS) {
    const r = child(['open', String(pods)]);
    row(r.pods, r.connections, r.ms.toFixed(0), r.peakRssMb.toFixed(0));
  }
}
