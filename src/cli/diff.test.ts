/**
 * `netpol-canvas diff` through `runCli` on real files: each format, each exit code (0 the same
 * connectivity, 1 it differs, 2 an input that cannot be trusted or bad usage), folders as well as
 * files; and its formats write each change before reading far ahead of it.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { streamConnectivityDiff, type ConnectivityInput } from '../engine';
import { DIFF_FORMATS, renderDiff } from './diff-formats';
import { evaluate } from './load';
import { runCli } from './run';

const ROOT = resolve(__dirname, '../..');
const CLASSIC = join(ROOT, 'fixtures/classic/nginx.yaml');
const INVALID = join(ROOT, 'fixtures/policies-invalid.yaml');
const NGINX = 'default/nginx-pod-with-label[Pod]';
const CLIENT = 'default/client[Pod]';
const OTHER = 'team-b/other-client[Pod]';
const OUTSIDE = '0.0.0.0-255.255.255.255';
const WEB = 'default/web[Pod]';

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line), readStdin: () => '' };
  const code = runCli(['diff', ...args], io);
  return { code, out, err };
}

let dir = '';
/** The classic example with nginx open on TCP 443 instead of 80. */
let moved = '';
/** The classic example and, in another file of the folder, one more pod that nothing isolates. */
let grown = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netpol-diff-'));
  const classic = readFileSync(CLASSIC, 'utf8');
  moved = join(dir, 'moved.yaml');
  writeFileSync(moved, classic.replace('port: 80\n', 'port: 443\n'));
  grown = join(dir, 'grown');
  mkdirSync(grown);
  writeFileSync(join(grown, 'classic.yaml'), classic);
  const web = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: default}\nspec:\n  containers: [{name: web, image: nginx}]\n';
  writeFileSync(join(grown, 'web.yaml'), web);
});

const MOVED_LINES = [CLIENT, OTHER, OUTSIDE].map(
  (from) => `changed: ${from} => ${NGINX} : TCP 80 → TCP 443 (added TCP 443; removed TCP 80)`,
);

describe('diff', () => {
  it('txt: exits 1 and lists each pair whose ports changed, with the ports added and removed', () => {
    const { code, out, err } = cli([CLASSIC, moved]);
    expect(err).toEqual([]);
    expect(code).toBe(1);
    expect(out).toEqual([...MOVED_LINES, '3 pairs differ: 0 added, 0 removed, 3 changed']);
  });

  it('txt: exits 0 and says so when the connectivity is the same, though the files differ', () => {
    const reordered = join(dir, 'reordered.yaml');
    writeFileSync(reordered, readFileSync(CLASSIC, 'utf8').split('\n---\n').reverse().join('\n---\n'));
    const { code, out } = cli([CLASSIC, reordered]);
    expect(code).toBe(0);
    expect(out).toEqual(['connectivity unchanged']);
  });

  it('txt: compares folders, an endpoint on one side only listed with all its pairs', () => {
    const { code, out } = cli([grown, CLASSIC]);
    expect(code).toBe(1);
    expect(out[0]).toBe(`endpoint removed: ${WEB}`);
    expect(out).toContain(`removed: ${CLIENT} => ${WEB} : All Connections`);
    expect(out).toContain(`removed: ${WEB} => ${NGINX} : TCP 80`);
    expect(out).toContain(`removed: ${OUTSIDE} => ${WEB} : All Connections`);
    expect(out.at(-1)).toBe('8 pairs differ: 0 added, 8 removed, 0 changed; endpoints: 0 added, 1 removed');
  });

  it('compares IPv6 addresses that only one side names address by address, not as endpoints added', () => {
    const v6 = join(dir, 'v6.yaml');
    const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: nginx-from-v6, namespace: default}
spec:
  podSelector: {matchLabels: {papa: dhondhu}}
  ingress: [{from: [{ipBlock: {cidr: "2001:db8::/32"}}]}]
`;
    writeFileSync(v6, `${readFileSync(CLASSIC, 'utf8')}\n---\n${policy}`);
    const { code, out } = cli([CLASSIC, v6]);
    expect(code).toBe(1);
    // Before, as after, TCP 80 reached nginx from every address, IPv6 ones included.
    expect(out).toEqual([
      `changed: 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff => ${NGINX} : TCP 80 → All Connections ` +
        '(added SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535)',
      '1 pair differs: 0 added, 0 removed, 1 changed',
    ]);
  });

  it('json: one document with the endpoints, every change and its port sets, and a summary', () => {
    const { code, out } = cli(['--format', 'json', CLASSIC, moved]);
    expect(code).toBe(1);
    const document = JSON.parse(out.join('\n'));
    expect(document.endpoints).toEqual({ added: [], removed: [] });
    expect(document.changes[0]).toEqual({
      kind: 'changed',
      from: CLIENT,
      to: NGINX,
      before: { TCP: [[80, 80]], UDP: [], SCTP: [] },
      after: { TCP: [[443, 443]], UDP: [], SCTP: [] },
      added: { TCP: [[443, 443]], UDP: [], SCTP: [] },
      removed: { TCP: [[80, 80]], UDP: [], SCTP: [] },
    });
    expect(document.changes.map((c: { from: string }) => c.from)).toEqual([CLIENT, OTHER, OUTSIDE]);
    expect(document.summary).toEqual({ equal: false, pairs: 3, added: 0, removed: 0, changed: 3 });
    const same = cli(['--format', 'json', CLASSIC, CLASSIC]);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.out.join('\n'))).toEqual({
      endpoints: { added: [], removed: [] },
      changes: [],
      summary: { equal: true, pairs: 0, added: 0, removed: 0, changed: 0 },
    });
  });

  it('md: a table for a pull-request comment, endpoints added above it and a summary below', () => {
    const { code, out } = cli(['--format', 'md', CLASSIC, grown]);
    expect(code).toBe(1);
    expect(out.slice(0, 4)).toEqual([
      `Endpoints added: \`${WEB}\``,
      '',
      '| change | source | destination | added | removed |',
      '|---|---|---|---|---|',
    ]);
    expect(out).toContain(`| added | ${WEB} | ${NGINX} | TCP 80 |  |`);
    expect(out.slice(-2)).toEqual([
      '',
      '**netpol-canvas diff:** 8 pairs differ: 8 added, 0 removed, 0 changed; endpoints: 1 added, 0 removed.',
    ]);
    expect(cli(['--format', 'md', CLASSIC, moved]).out).toContain(`| changed | ${CLIENT} | ${NGINX} | TCP 443 | TCP 80 |`);
    const same = cli(['--format', 'md', CLASSIC, CLASSIC]);
    expect(same).toEqual({ code: 0, out: ['**netpol-canvas diff:** connectivity unchanged.'], err: [] });
  });

  it('exits 2, printing no diff, when a path cannot be read', () => {
    const { code, out, err } = cli([CLASSIC, join(dir, 'nowhere.yaml')]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toContain(`${join(dir, 'nowhere.yaml')}: no such file or directory`);
  });

  it('exits 2, printing no diff, when an input has errors: its connectivity is not what a cluster does', () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'classic.yaml'), readFileSync(CLASSIC, 'utf8'));
    writeFileSync(join(broken, 'bad.yaml'), readFileSync(INVALID, 'utf8').split('\n---\n')[0]!);
    const { code, out, err } = cli([CLASSIC, broken]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.at(-1)).toBe(`${broken}: 1 error (above): its connectivity would not be what a cluster does`);
    expect(cli([INVALID, CLASSIC]).err.at(-1)).toBe('nothing could be read from the given paths');
  });

  it('says how it is used with --help, and is listed in the main help', () => {
    const { code, out } = cli(['--help']);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Usage: netpol-canvas diff \[--format txt\|json\|md\]/);
    const main: string[] = [];
    runCli(['--help'], { out: (line) => main.push(line), err: () => {}, readStdin: () => '' });
    expect(main.join('\n')).toContain('netpol-canvas diff [--format txt|json|md] OLD_PATH NEW_PATH');
  });

  it('exits 2 on bad usage: one PATH, three, or an unknown format', () => {
    for (const args of [[CLASSIC], [CLASSIC, CLASSIC, CLASSIC], ['--format', 'csv', CLASSIC, CLASSIC]]) {
      const { code, out, err } = cli(args);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('\n')).toMatch(/^diff: .*\nTry: netpol-canvas diff --help$/);
    }
  });
});

describe('diff formats', () => {
  /** Four pods open to each other and the outside, then isolated: every pair is removed. */
  const PODS = ['a', 'b', 'c', 'd']
    .map((name) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: x\n  labels: {app: ${name}}\n`)
    .join('---\n');
  const DENY =
    '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: x}\nspec: {podSelector: {}}\n';

  it.each(DIFF_FORMATS)('%s writes each change before it reads far ahead', (format) => {
    let read = 0;
    const counted = (text: string): ConnectivityInput => {
      const { analysis } = evaluate([{ file: 'x.yaml', text }]);
      return {
        endpoints: analysis.endpoints,
        connections: {
          *[Symbol.iterator]() {
            for (const connection of analysis.connections) {
              read++;
              yield connection;
            }
          },
        },
      };
    };
    const { lines, tally } = renderDiff(streamConnectivityDiff(counted(PODS), counted(`${PODS}${DENY}`)), format);
    const written: { line: string; read: number }[] = [];
    for (const line of lines) written.push({ line, read });
    // The first change (x/a → x/b) goes out once the first source's row of each side (before: 3
    // pods and the outside; after: the outside) and the next connection of each are read: 7 of 24.
    expect(written.find(({ line }) => line.includes('x/a[Pod]'))!.read).toBe(7);
    expect(read).toBe(24);
    expect(tally).toEqual({ added: 0, removed: 16, changed: 0 });
  });
});
