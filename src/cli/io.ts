/** What every command shares: its effects, its usage errors, and how a diagnostic is printed. */
import { parseArgs } from 'node:util';
import { locationText } from '../engine';
import type { Diagnostic, Locate } from '../model/source';

export interface CliIo {
  /** One line of standard output (the line end is added). */
  readonly out: (text: string) => void;
  /** Lines of standard error. */
  readonly err: (text: string) => void;
  readonly readStdin: () => string;
}

export const USAGE_ERROR = 2;

const CHUNK = 1 << 16;

/**
 * Lines gathered into chunks for `write` (main.ts: a synchronous write to standard output), so
 * that millions of lines stream out without piling up in a stream buffer. `flush` writes what is
 * left.
 */
export function chunkedLines(write: (text: string) => void): {
  readonly out: (line: string) => void;
  readonly flush: () => void;
} {
  let pending = '';
  const flush = (): void => {
    if (pending) write(pending);
    pending = '';
  };
  return {
    out: (line) => {
      pending += `${line}\n`;
      if (pending.length >= CHUNK) flush();
    },
    flush,
  };
}

/** Bad usage: reported with a hint to `--help`, exit code 2. */
export class UsageError extends Error {}

/** The arguments of a command whose only options are `--format`, `--verbose` and `--help`. */
export interface FormatArgs<F extends string> {
  readonly format: F;
  /** The diagnostics to print: all with --verbose, else all but notes. */
  readonly show: (d: Diagnostic) => boolean;
  readonly positionals: readonly string[];
}

/**
 * Reads such a command's arguments (`formats[0]` by default); `undefined` when --help asked for
 * `help`, which is printed.
 */
export function formatArgs<F extends string>(
  args: string[],
  formats: readonly F[],
  help: string,
  io: CliIo,
): FormatArgs<F> | undefined {
  const initial: string = formats[0]!;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: initial }, verbose: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    io.out(help);
    return undefined;
  }
  const format = values.format as F;
  if (!formats.includes(format)) throw new UsageError(`unknown format "${values.format}" (use ${formats.join(', ')})`);
  const verbose = values.verbose === true;
  return { format, show: (d) => verbose || d.severity !== 'info', positionals };
}

/** `file:line:col: severity: message [code]`: the code is what an `# netpol-canvas: ignore` comment names. */
export function diagnosticLine(d: Diagnostic, locate: Locate): string {
  return `${locationText(locate(d.location))}: ${d.severity}: ${d.message} [${d.code}]`;
}
