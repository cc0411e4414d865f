/** Node entry point: wires the process to runCli. */
import { readFileSync, writeSync } from 'node:fs';
import { runCli } from './run';

/** Exit code for a bug of ours, distinct from explain's 1 (denied) and usage's 2. */
const INTERNAL_ERROR = 3;
const CHUNK = 1 << 16;

let pending = '';
function flush(): void {
  if (pending) writeSync(1, pending);
  pending = '';
}

try {
  process.exitCode = runCli(process.argv.slice(2), {
    // Lines are gathered into chunks and written synchronously: millions of lines stream out
    // without piling up in a stream buffer.
    out: (line) => {
      pending += `${line}\n`;
      if (pending.length >= CHUNK) flush();
    },
    err: (text) => {
      flush();
      process.stderr.write(`${text}\n`);
    },
    readStdin: () => readFileSync(0, 'utf8'),
  });
  flush();
} catch (error) {
  flush();
  process.stderr.write(`netpol-canvas: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = INTERNAL_ERROR;
}
