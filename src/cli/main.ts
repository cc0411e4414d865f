/** Node entry point: wires the process to runCli. */
import { readFileSync } from 'node:fs';
import { runCli } from './run';

const code = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin: () => readFileSync(0, 'utf8'),
});
process.exitCode = code;
