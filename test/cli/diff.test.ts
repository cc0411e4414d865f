/**
 * `netpol-canvas diff` as CI runs it: the bundled dist/cli.mjs in a child process, on the classic
 * example against itself and against a copy opening TCP 443 instead of 80; exit codes 0, 1 and 2.
 * (Each format and exit code in detail: src/cli/diff.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.mjs');
const CLASSIC = join(ROOT, 'fixtures/classic/nginx.yaml');

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let moved = '';
beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  moved = join(mkdtempSync(join(tmpdir(), 'netpol-diff-')), 'moved.yaml');
  writeFileSync(moved, readFileSync(CLASSIC, 'utf8').replace('port: 80\n', 'port: 443\n'));
});

describe('diff', () => {
  it('exits 0 for the same connectivity', () => {
    expect(cli(['diff', CLASSIC, CLASSIC])).toEqual({ code: 0, out: 'connectivity unchanged\n', err: '' });
  });

  it('exits 1 when it differs, each pair with the ports added and removed', () => {
    const { code, out, err } = cli(['diff', '--format', 'md', CLASSIC, moved]);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toContain('| changed | default/client[Pod] | default/nginx-pod-with-label[Pod] | TCP 443 | TCP 80 |\n');
    expect(out.endsWith('**netpol-canvas diff:** 3 pairs differ: 0 added, 0 removed, 3 changed.\n')).toBe(true);
  });

  it('exits 2 when a PATH is missing', () => {
    const { code, out, err } = cli(['diff', CLASSIC, 'no/such/dir']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('no/such/dir: no such file or directory');
  });
});
