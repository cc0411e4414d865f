/**
 * `netpol-canvas check` as CI runs it: the bundled dist/cli.mjs in a child process, real files,
 * exit codes (0 all hold, 1 one fails, 2 nothing to trust), and the txt, json and junit formats.
 * The classic example: nginx accepts TCP 80 from everyone; everything else is open.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.mjs');
const CLASSIC = join(ROOT, 'fixtures/classic/nginx.yaml');
const NGINX = 'default/nginx-pod-with-label[Pod]';
const CLIENT = 'default/client[Pod]';

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let dir = '';
beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'netpol-check-'));
});

/** A ConnectivityExpectations file named `name` in a fresh folder, with the given items. */
function expectations(name: string, items: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `apiVersion: netpol-canvas/v1alpha1\nkind: ConnectivityExpectations\nmetadata:\n  name: ${name}\nspec:\n  expectations:\n${items}`,
  );
  return file;
}

const HOLDS = `  - from: ${CLIENT}
    to: {labels: {papa: dhondhu}}
    ports: [TCP/80]
    expect: allowed
  - from: 0.0.0.0/0
    to: ${NGINX}
    ports: [UDP/53, TCP/443]
    expect: denied
`;
const FAILS = `  - from: ${CLIENT}
    to: ${NGINX}
    ports: [TCP/80-81]
    expect: allowed
  - to: ${NGINX}
    only: ["${CLIENT}"]
    ports: [TCP/80]
`;

describe('check', () => {
  it('exits 0 when every expectation holds, a PASS line for each', () => {
    const { code, out, err } = cli(['check', CLASSIC, expectations('holds', HOLDS)]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      `PASS holds #1: ${CLIENT} → pods labelled papa=dhondhu: allowed on TCP 80 (${join(dir, 'holds.yaml')}:7:5)`,
      `PASS holds #2: 0.0.0.0/0 → ${NGINX}: denied on TCP 443,UDP 53 (${join(dir, 'holds.yaml')}:11:5)`,
      '2 expectations: 2 passed, 0 failed',
    ]);
  });

  it('exits 1 when one fails, with the pairs and ports that break it and why', () => {
    const { code, out } = cli(['check', CLASSIC, expectations('fails', FAILS)]);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines).toContain(`  ${CLIENT} → ${NGINX}: TCP 81 not allowed (allowed: TCP 80)`);
    expect(lines).toContain(`    DENIED: TCP 81 from ${CLIENT} to ${NGINX}.`);
    // Everyone else reaches nginx on TCP 80: the other client and the outside world.
    expect(lines).toContain(`  team-b/other-client[Pod] → ${NGINX}: TCP 80 allowed`);
    expect(lines).toContain(`  0.0.0.0-255.255.255.255 → ${NGINX}: TCP 80 allowed`);
    expect(lines.at(-1)).toBe('2 expectations: 0 passed, 2 failed');
  });

  it('json: counts, and per expectation its failing pairs with the ports and explanation', () => {
    const { code, out } = cli(['check', '--format', 'json', CLASSIC, expectations('fails', FAILS), expectations('holds', HOLDS)]);
    expect(code).toBe(1);
    const data = JSON.parse(out);
    expect(data).toMatchObject({ passed: 2, failed: 2 });
    expect(data.results.map((r: { document: string; passed: boolean }) => [r.document, r.passed])).toEqual([
      ['fails', false],
      ['fails', false],
      ['holds', true],
      ['holds', true],
    ]);
    const [first] = data.results;
    expect(first).toMatchObject({ index: 0, pairs: 1, failedPairs: 1, unmatched: [] });
    expect(first.failing).toEqual([
      {
        from: CLIENT,
        to: NGINX,
        allowed: { TCP: [[80, 80]], UDP: [], SCTP: [] },
        offending: { TCP: [[81, 81]], UDP: [], SCTP: [] },
        explanation: expect.arrayContaining([`DENIED: TCP 81 from ${CLIENT} to ${NGINX}.`]),
      },
    ]);
  });

  it('junit: a testsuite per document, a testcase per expectation, failures with their reasons', () => {
    const { code, out } = cli(['check', '--format', 'junit', CLASSIC, expectations('fails', FAILS), expectations('holds', HOLDS)]);
    expect(code).toBe(1);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="netpol-canvas check" tests="4" failures="2">/);
    expect(out.match(/<testsuite /g)).toHaveLength(2);
    expect(out.match(/<testcase /g)).toHaveLength(4);
    expect(out.match(/<failure /g)).toHaveLength(2);
    expect(out).toContain('<testsuite name="holds" tests="2" failures="0">');
    expect(out).toContain(`<failure message="${CLIENT} → ${NGINX}: TCP 81 not allowed (allowed: TCP 80)">`);
    expect(out.trim().endsWith('</testsuites>')).toBe(true);
  });

  it('a pattern that matches nothing fails the expectation', () => {
    const file = expectations('typo', `  - {from: "default/cliant[Pod]", to: "${NGINX}", expect: allowed}\n`);
    const { code, out } = cli(['check', CLASSIC, file]);
    expect(code).toBe(1);
    expect(out).toContain('  from default/cliant[Pod] matches no endpoint');
  });

  it('exits 2 when there is nothing to check, or the input has errors', () => {
    const none = cli(['check', CLASSIC]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no ConnectivityExpectations document in the given paths');
    const unreadable = cli(['check', CLASSIC, expectations('bad', '  - {from: 10.0.0.0/8}\n')]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain('needs exactly one of expect');
    expect(unreadable.err).toContain('no ConnectivityExpectations could be read');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name}\nspec: {containers: [{name: c, image: x}]}\n');
    const withErrors = cli(['check', CLASSIC, broken, expectations('holds', HOLDS)]);
    expect(withErrors.code).toBe(2);
    expect(withErrors.out).toContain('2 expectations: 2 passed, 0 failed');
    expect(withErrors.err).toContain('1 error in the input (above): the checks ran on the rest, but do not count as passing');
  });

  it('says how to use it', () => {
    const { code, out } = cli(['check', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: netpol-canvas check [--format txt|json|junit]');
    expect(cli(['check', '--format', 'xml', CLASSIC]).code).toBe(2);
  });
});
