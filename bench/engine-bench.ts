/**
 * `npm run bench`: parse vs compile+evaluate on synthetic clusters of ~300, 1000 and 2000
 * workloads, with NetworkPolicies only and with cluster-wide guardrails on top (both tiers),
 * measured on the same esbuild bundle as the CLI ships (not through tsx, whose transforms slow
 * closures down). Each run is its own process so its peak memory (max RSS) is its own.
 * Target: at 2000 workloads, compile+evaluate takes at most half the parse time, in both variants.
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

const [onlySize, onlyVariant] = process.argv.slice(2);
if (onlySize) {
  console.log(JSON.stringify(measure(Number(onlySize), onlyVariant as Variant)));
} else {
  console.log(`Engine benchmark (median of ${REPEATS} runs per size, one process per run)\n`);
  console.log('policies | workloads | YAML size | endpoints | connections | parse ms | compile+evaluate ms | ratio | peak RSS MB');
  console.log('---|---|---|---|---|---|---|---|---');
  const finalRatios = new Map<Variant, number>();
  for (const variant of VARIANTS) {
    for (const size of SIZES) {
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, String(size), variant], {
        encoding: 'utf8',
      });
      if (child.status !== 0) {
        console.error(child.stderr);
        process.exit(1);
      }
      const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
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
}
