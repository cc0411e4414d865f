/**
 * The CLI's commands over model + engine. `runCli` takes its effects as parameters so the
 * entry point (main.ts) stays the only place that touches the process.
 */
import { parseArgs } from 'node:util';
import { explanationLines, type Analysis, type EndpointId, type PortQuery } from '../engine';
import type { Diagnostic } from '../model/source';
import { PROTOCOLS, type Protocol } from '../model/types';
import { checkCommand } from './check';
import { convertCommand } from './convert';
import { diffCommand } from './diff';
import { FORMATS, MATRIX_FORMATS, renderConnectivity, renderMatrix, type Format, type MatrixFormat } from './formats';
import { CONNECTIVITY_HELP, EXPLAIN_HELP, MAIN_HELP } from './help';
import { USAGE_ERROR, UsageError, type CliIo } from './io';
import { load, loadStream } from './load';

export type { CliIo } from './io';

/** Diagnostics the analysing commands print: all with --verbose, else all but notes. */
const shown = (verbose: boolean | undefined) => (d: Diagnostic) => verbose === true || d.severity !== 'info';

function connectivity(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'txt' },
      port: { type: 'string' },
      protocol: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return io.out(CONNECTIVITY_HELP), 0;
  const format = values.format as Format | MatrixFormat;
  const matrix = (MATRIX_FORMATS as readonly string[]).includes(format);
  if (!matrix && !FORMATS.includes(format as Format)) {
    throw new UsageError(`unknown format "${values.format}" (use ${[...FORMATS, ...MATRIX_FORMATS].join(', ')})`);
  }
  const query = portQueryOf(parsePort(values.port), parseProtocol(values.protocol));
  if (query && !matrix) throw new UsageError('--port and --protocol choose the traffic of --format matrix or matrix-csv');
  const loaded = loadStream(positionals, shown(values.verbose), io);
  if (!loaded) return USAGE_ERROR;
  const lines = matrix
    ? renderMatrix(loaded.analysis, format as MatrixFormat, query)
    : renderConnectivity(loaded.analysis, format as Format);
  for (const line of lines) io.out(line);
  return 0;
}

/** The traffic `--port` and `--protocol` name: a port (TCP unless told), a whole protocol, or none given. */
function portQueryOf(port: number | undefined, protocol: Protocol | undefined): PortQuery | undefined {
  if (port === undefined && protocol === undefined) return undefined;
  return { protocol: protocol ?? 'TCP', ...(port !== undefined ? { port } : {}) };
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
  const loaded = load(positionals, shown(values.verbose), io);
  if (!loaded) return USAGE_ERROR;
  for (const id of [values.from, values.to]) {
    if (!loaded.analysis.endpoints.some((e) => e.id === id)) return unknownEndpoint(loaded.analysis, id, io);
  }
  const query = portQueryOf(port, protocol);
  const explanation = loaded.analyzer.explain(values.from as EndpointId, values.to as EndpointId, query)!;
  io.out(explanationLines(explanation, loaded.locate).join('\n'));
  return explanation.verdict ? 0 : 1;
}

const COMMANDS = new Map<string, (args: string[], io: CliIo) => number>([
  ['connectivity', connectivity],
  ['explain', explainCommand],
  ['check', checkCommand],
  ['diff', diffCommand],
  ['convert', convertCommand],
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
