/**
 * `npm run bench`: parse vs compile+evaluate on synthetic clusters of ~300, 1000 and 2000
 * workloads, measured on the same esbuild bundle as the CLI ships (not through tsx, whose
 * transforms slow closures down). Each size runs in its own process so its peak memory (max RSS)
 * is its own.
 * Target: at 2000 workloads, compile+evaluate takes at most half the parse time.
 */
import { spawnSync } from 'node:child_process';
import { analyze } from '../src/engine';
import { parseManifests } from '../src/model';
import { generateCluster } from './generate-cluster';

const SIZES = [300, 1000, 2000];
const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(size: number) {
  const text = generateCluster(size);
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
    bytes: text.length,
    endpoints,
    connections,
    parseMs: parse,
    evaluateMs: evaluate,
    ratio: evaluate / parse,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const only = process.argv[2];
if (only) {
  console.log(JSON.stringify(measure(Number(only))));
} else {
  console.log(`Engine benchmark (median of ${REPEATS} runs per size, one process per size)\n`);
  console.log('workloads | YAML size | endpoints | connections | parse ms | compile+evaluate ms | ratio | peak RSS MB');
  console.log('---|---|---|---|---|---|---|---');
  let finalRatio = Infinity;
  for (const size of SIZES) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, String(size)], {
      encoding: 'utf8',
    });
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exit(1);
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    finalRatio = r.ratio;
    console.log(
      `${r.size} | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.endpoints} | ${r.connections} | ${r.parseMs.toFixed(1)} | ${r.evaluateMs.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.peakRssMb.toFixed(0)}`,
    );
  }
  const verdict = finalRatio <= 0.5 ? 'meets' : 'MISSES';
  console.log(`\nAt ${SIZES.at(-1)} workloads compile+evaluate / parse = ${finalRatio.toFixed(2)}: ${verdict} the target (≤ 0.5).`);
}
