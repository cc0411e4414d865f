/** Node entry point: wires the process to runCli. */
import { readFileSync, writeSync } from 'node:fs';
import { chunkedLines } from './io';
import { runCli } from './run';

/** Exit code for a bug of ours, distinct from explain's 1 (denied) and usage's 2. */
const INTERNAL_ERROR = 3;

const stdout = chunkedLines((text) => writeSync(1, text));

try {
  process.exitCode = runCli(process.argv.slice(2), {
    out: stdout.out,
    err: (text) => {
      stdout.flush();
      process.stderr.write(`${text}\n`);
    },
    readStdin: () => readFileSync(0, 'utf8'),
  });
  stdout.flush();
} catch (error) {
  stdout.flush();
  process.stderr.write(`netpol-canvas: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = INTERNAL_ERROR;
}
