/**
 * The CLI as users run it: the bundled dist/cli.mjs in a child process, real files, exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.mjs');
const CLASSIC = join(ROOT, 'fixtures/classic/nginx.yaml');

function cli(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});

const NGINX = 'default/nginx-pod-with-label[Pod]';
const CLIENT = 'default/client[Pod]';
const OTHER = 'team-b/other-client[Pod]';
const WORLD = '0.0.0.0-255.255.255.255';

describe('connectivity', () => {
  it('prints one txt line per allowed pair', () => {
    const { code, out, err } = cli(['connectivity', CLASSIC]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      `${CLIENT} => ${NGINX} : TCP 80`,
      `${CLIENT} => ${OTHER} : All Connections`,
      `${CLIENT} => ${WORLD} : All Connections`,
      `${NGINX} => ${CLIENT} : All Connections`,
      `${NGINX} => ${OTHER} : All Connections`,
      `${NGINX} => ${WORLD} : All Connections`,
      `${OTHER} => ${CLIENT} : All Connections`,
      `${OTHER} => ${NGINX} : TCP 80`,
      `${OTHER} => ${WORLD} : All Connections`,
      `${WORLD} => ${CLIENT} : All Connections`,
      `${WORLD} => ${NGINX} : TCP 80`,
      `${WORLD} => ${OTHER} : All Connections`,
    ]);
  });

  it('prints the documented JSON shape', () => {
    const { code, out } = cli(['connectivity', '--format', 'json', CLASSIC]);
    expect(code).toBe(0);
    const data = JSON.parse(out);
    expect(data.endpoints).toContainEqual({ id: NGINX, kind: 'Pod', namespace: 'default', name: 'nginx-pod-with-label' });
    expect(data.endpoints).toContainEqual({ id: WORLD, kind: 'IPBlock' });
    expect(data.connections).toContainEqual({ from: CLIENT, to: NGINX, allowed: { TCP: [[80, 80]], UDP: [], SCTP: [] } });
    expect(data.connections).toContainEqual({
      from: NGINX,
      to: CLIENT,
      allowed: { TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] },
    });
    expect(data.connections).toHaveLength(12);
  });

  it('renders md, csv and dot', () => {
    expect(cli(['connectivity', '--format', 'md', CLASSIC]).out).toContain(`| ${CLIENT} | ${NGINX} | TCP 80 |`);
    expect(cli(['connectivity', '--format', 'csv', CLASSIC]).out).toContain(`${CLIENT},${NGINX},TCP 80`);
    const dot = cli(['connectivity', '--format', 'dot', CLASSIC]).out;
    expect(dot).toMatch(/^digraph connectivity \{/);
    expect(dot).toContain(`"${CLIENT}" -> "${NGINX}" [label="TCP 80"];`);
  });

  it('reads directories recursively and standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-cli-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'nested', 'pod.yml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: x}\n');
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', namespace: 'x' } }));
    writeFileSync(join(dir, 'notes.txt'), 'not a manifest');
    const fromDir = cli(['connectivity', dir]);
    expect(fromDir.code).toBe(0);
    expect(fromDir.out).toContain('x/a[Pod] => x/b[Pod] : All Connections');
    symlinkSync(join(dir, 'nested', 'pod.yml'), join(dir, 'linked.yaml'));
    symlinkSync(join(dir, 'nested'), join(dir, 'linked-dir'));
    const linked = cli(['connectivity', '--format', 'json', dir]);
    // The linked file and directory lead to the same pod: read, and read once.
    expect(JSON.parse(linked.out).endpoints.map((e: { id: string }) => e.id)).toEqual(['x/a[Pod]', 'x/b[Pod]', '0.0.0.0-255.255.255.255']);
    expect(linked.err).toContain('duplicate');
    const fromStdin = cli(['connectivity', '-'], 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n');
    expect(fromStdin.out).toContain('default/b[Pod] => default/a[Pod] : All Connections');
  });
});

describe('explain', () => {
  it('explains an allowed port with the rule and its location, exit 0', () => {
    const { code, out } = cli(['explain', '--from', CLIENT, '--to', NGINX, '--port', '80', CLASSIC]);
    expect(code).toBe(0);
    expect(out).toMatch(/^ALLOWED: TCP 80 from default\/client\[Pod\] to default\/nginx-pod-with-label\[Pod\]/);
    expect(out).toContain('default/nginx-network-policy ingress rule #1');
    expect(out).toMatch(/fixtures\/classic\/nginx\.yaml:\d+:\d+/);
  });

  it('explains a denied port with the reason, exit 1', () => {
    const { code, out } = cli(['explain', '--from', CLIENT, '--to', NGINX, '--port', '443', CLASSIC]);
    expect(code).toBe(1);
    expect(out).toMatch(/^DENIED: TCP 443/);
    expect(out).toContain('its ports do not include TCP 443');
  });

  it('refuses unknown endpoints with suggestions, exit 2', () => {
    const { code, err } = cli(['explain', '--from', 'default/client', '--to', NGINX, CLASSIC]);
    expect(code).toBe(2);
    expect(err).toContain(`did you mean: ${CLIENT}`);
  });
});

describe('bad input and usage', () => {
  it('reports YAML errors as file:line:col and still evaluates the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-cli-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\nkind: [unclosed\n');
    const { code, out, err } = cli(['connectivity', broken]);
    expect(code).toBe(0);
    expect(err).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:5:\\d+: error: `));
    expect(out).toContain('default/a[Pod] => 0.0.0.0-255.255.255.255 : All Connections');
  });

  it('exits 2 when nothing could be read', () => {
    const missing = cli(['connectivity', '/nonexistent/netpol']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('/nonexistent/netpol: no such file or directory');
    const dir = mkdtempSync(join(tmpdir(), 'netpol-cli-'));
    writeFileSync(join(dir, 'garbage.yaml'), '{{{ not yaml');
    expect(cli(['connectivity', dir]).code).toBe(2);
  });

  it('exits 2 on usage errors and 0 on --help', () => {
    expect(cli(['connectivity', '--format', 'xml', CLASSIC]).code).toBe(2);
    expect(cli(['connectivity', '--bogus', CLASSIC]).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['toString']).code).toBe(2);
    expect(cli(['explain', CLASSIC]).code).toBe(2);
    expect(cli(['explain', '--from', CLIENT, '--to', NGINX, '--port', '99999', CLASSIC]).code).toBe(2);
    for (const command of ['connectivity', 'explain']) {
      const help = cli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: netpol-canvas ${command}`);
    }
    expect(cli(['--help']).out).toContain('netpol-canvas connectivity');
  });
});
