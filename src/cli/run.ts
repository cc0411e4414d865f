/**
 * The CLI's commands over model + engine. `runCli` takes its effects as parameters so the
 * entry point (main.ts) stays the only place that touches the process.
 */
import { parseArgs } from 'node:util';
import { Analyzer, explanationLines, locationText, type Analysis, type EndpointId } from '../engine';
import { locator, parseManifests } from '../model';
import type { Diagnostic, Locate } from '../model/source';
import { PROTOCOLS, type Protocol } from '../model/types';
import { FORMATS, renderConnectivity, type Format } from './formats';
import { CONNECTIVITY_HELP, EXPLAIN_HELP, MAIN_HELP } from './help';
import { readInputs } from './inputs';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readStdin: () => string;
}

const USAGE_ERROR = 2;

class UsageError extends Error {}

function diagnosticLine(d: Diagnostic, locate: Locate): string {
  return `${locationText(locate(d.location))}: ${d.severity}: ${d.message}`;
}

/** What the PATHs hold: the analysis, the analyzer to ask about it, and where each document sits. */
interface Loaded {
  readonly analysis: Analysis;
  readonly analyzer: Analyzer;
  readonly locate: Locate;
}

/** Reads and analyses PATHs; undefined (after saying why) when nothing could be read. */
function load(paths: string[], verbose: boolean, io: CliIo): Loaded | undefined {
  if (paths.length === 0) throw new UsageError('no PATH given');
  const { inputs, problems } = readInputs(paths, io.readStdin);
  problems.forEach((p) => io.err(p));
  const model = parseManifests(inputs);
  const locate = locator(model.documents);
  const analyzer = new Analyzer();
  const analysis = analyzer.update(model.resources);
  const shown = [...model.diagnostics, ...analysis.diagnostics].filter((d) => verbose || d.severity !== 'info');
  shown.forEach((d) => io.err(diagnosticLine(d, locate)));
  const { namespaces, workloads, policies } = model.resources;
  const nothingTaken = namespaces.length + workloads.length + policies.length === 0;
  if (inputs.length === 0 || (nothingTaken && model.diagnostics.some((d) => d.severity === 'error'))) {
    io.err('nothing could be read from the given paths');
    return undefined;
  }
  return { analysis, analyzer, locate };
}

function connectivity(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'txt' }, verbose: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) return io.out(CONNECTIVITY_HELP), 0;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (use ${FORMATS.join(', ')})`);
  const loaded = load(positionals, values.verbose ?? false, io);
  if (!loaded) return USAGE_ERROR;
  for (const line of renderConnectivity(loaded.analysis, format)) io.out(line);
  return 0;
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, not "${text}"`);
  return port;
}

function parseProtocol(text: string | undefined): Protocol | undefined {
  if (text === undefined) return undefined;
  const protocol = text.toUpperCase() as Protocol;
  if (!PROTOCOLS.includes(protocol)) throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')}, not "${text}"`);
  return protocol;
}

function unknownEndpoint(analysis: Analysis, id: string, io: CliIo): number {
  const needle = id.toLowerCase().replace(/\[.*$/, '');
  const near = analysis.endpoints.filter((e) => e.id.toLowerCase().includes(needle)).slice(0, 5);
  io.err(`unknown endpoint "${id}"${near.length ? `; did you mean: ${near.map((e) => e.id).join(', ')}` : ''}`);
  io.err(`(list the endpoints with: netpol-canvas connectivity --format json PATH...)`);
  return USAGE_ERROR;
}

function explainCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      port: { type: 'string' },
      protocol: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return io.out(EXPLAIN_HELP), 0;
  if (!values.from || !values.to) throw new UsageError('explain needs --from ID and --to ID');
  if (values.from === values.to) throw new UsageError('--from and --to name the same endpoint');
  const port = parsePort(values.port);
  const protocol = parseProtocol(values.protocol);
  const loaded = load(positionals, values.verbose ?? false, io);
  if (!loaded) return USAGE_ERROR;
  for (const id of [values.from, values.to]) {
    if (!loaded.analysis.endpoints.some((e) => e.id === id)) return unknownEndpoint(loaded.analysis, id, io);
  }
  const query = port !== undefined || protocol ? { protocol: protocol ?? 'TCP', ...(port !== undefined ? { port } : {}) } : undefined;
  const explanation = loaded.analyzer.explain(values.from as EndpointId, values.to as EndpointId, query)!;
  io.out(explanationLines(explanation, loaded.locate).join('\n'));
  return explanation.verdict ? 0 : 1;
}

const COMMANDS = new Map<string, (args: string[], io: CliIo) => number>([
  ['connectivity', connectivity],
  ['explain', explainCommand],
]);

export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(MAIN_HELP);
    return command ? 0 : USAGE_ERROR;
  }
  const handler = COMMANDS.get(command);
  if (!handler) {
    io.err(`unknown command "${command}"\n\n${MAIN_HELP}`);
    return USAGE_ERROR;
  }
  try {
    return handler(rest, io);
  } catch (error) {
    // parseArgs reports unknown options by throwing; both kinds are usage errors.
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${command}: ${(error as Error).message}\nTry: netpol-canvas ${command} --help`);
      return USAGE_ERROR;
    }
    throw error;
  }
}
