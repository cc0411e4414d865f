/** What every command shares: its effects, its usage errors, and how a diagnostic is printed. */
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

export function diagnosticLine(d: Diagnostic, locate: Locate): string {
  return `${locationText(locate(d.location))}: ${d.severity}: ${d.message}`;
}
