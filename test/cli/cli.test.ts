/**
 * The CLI as users run it: the bundled dist/cli.mjs in a child process, real files, exit codes.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.mjs');
const CLASSIC = join(ROOT, 'fixtures/classic/nginx.yaml');
const CLUSTER_POLICIES = 'fixtures/cluster-policies.yaml';

function cli(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});

/** Lines of a file too large to read into one string. */
function lineCount(file: string): number {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
    for (let i = 0; i < read; i++) if (buffer[i] === 0x0a) lines++;
  }
  closeSync(fd);
  return lines;
}

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

  it('streams a million open pairs in a heap too small to hold them', () => {
    // 1000 pods and no policy: each pod reaches the 999 others and the outside, the outside each
    // pod. Held at once, these connections need several times this heap.
    const pods = Array.from(
      { length: 1000 },
      (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\n  namespace: ns${i % 10}\nspec:\n  containers:\n  - name: c\n`,
    );
    const out = join(mkdtempSync(join(tmpdir(), 'netpol-cli-')), 'out.txt');
    const fd = openSync(out, 'w');
    const run = spawnSync(process.execPath, ['--max-old-space-size=32', CLI, 'connectivity', '-'], {
      input: pods.join('---\n'),
      stdio: ['pipe', fd, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(fd);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lineCount(out)).toBe(1000 * 999 + 2 * 1000);
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

  it('ends each diagnostic with its code, which an ignore comment in the policy\'s document silences', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-cli-'));
    const lockdown = (comment: string) =>
      `${comment}apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: lockdown, namespace: default}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n`;
    const file = join(dir, 'lockdown.yaml');
    writeFileSync(file, `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: i}]}\n---\n${lockdown('')}`);
    expect(cli(['connectivity', file]).err).toMatch(/lockdown\.yaml:8:\d+: warning: NetworkPolicy default\/lockdown isolates egress .* \[egress-without-dns\]$/m);
    writeFileSync(file, `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: i}]}\n---\n${lockdown('# netpol-canvas: ignore egress-without-dns\n')}`);
    expect(cli(['connectivity', file]).err).not.toContain('egress-without-dns');
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
    for (const command of ['connectivity', 'explain', 'convert']) {
      const help = cli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: netpol-canvas ${command}`);
    }
    expect(cli(['--help']).out).toContain('netpol-canvas connectivity');
    expect(cli(['--help']).out).toContain('netpol-canvas convert --to v1alpha2');
  });
});

/** Two pods for the fixture's cluster-wide policies: ops is the SRE team's, shop is prod. */
const WORKLOADS = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {env: prod}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ops, labels: {team: sre}}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec: {containers: [{name: c, ports: [{containerPort: 443}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: probe, namespace: ops}
spec: {containers: [{name: c}]}
`;
const WEB = 'shop/web[Pod]';
const PROBE = 'ops/probe[Pod]';

function workloadsFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'netpol-cli-')), 'workloads.yaml');
  writeFileSync(file, WORKLOADS);
  return file;
}

describe('cluster-wide policies', () => {
  it('lists every policy in the JSON, with its tier, and its priority or namespace', () => {
    const data = JSON.parse(cli(['connectivity', '--format', 'json', workloadsFile(), CLUSTER_POLICIES]).out);
    expect(data.policies).toEqual([
      { id: 'ClusterNetworkPolicy/admin-guardrails', kind: 'ClusterNetworkPolicy', name: 'admin-guardrails', tier: 'Admin', priority: 10, selects: [WEB] },
      { id: 'ClusterNetworkPolicy/baseline-isolation', kind: 'ClusterNetworkPolicy', name: 'baseline-isolation', tier: 'Baseline', priority: 50, selects: [PROBE, WEB] },
      { id: 'AdminNetworkPolicy/sre-access', kind: 'AdminNetworkPolicy', name: 'sre-access', tier: 'Admin', priority: 5, selects: [PROBE, WEB] },
      { id: 'BaselineAdminNetworkPolicy/default', kind: 'BaselineAdminNetworkPolicy', name: 'default', tier: 'Baseline', priority: 0, selects: [PROBE, WEB] },
    ]);
    expect(data.connections).toContainEqual({ from: PROBE, to: WEB, allowed: { TCP: [[443, 443]], UDP: [[5000, 5100]], SCTP: [] } });
    const classic = JSON.parse(cli(['connectivity', '--format', 'json', CLASSIC]).out);
    expect(classic.policies).toEqual([
      { id: 'default/nginx-network-policy', kind: 'NetworkPolicy', name: 'nginx-network-policy', namespace: 'default', tier: 'NetworkPolicy', selects: [NGINX] },
    ]);
  });

  it('explains a pair tier by tier, each rule placed in its file', () => {
    const { code, out } = cli(['explain', '--from', PROBE, '--to', WEB, '--port', '443', workloadsFile(), CLUSTER_POLICIES]);
    expect(code).toBe(0);
    expect(out).toMatch(/^ALLOWED: TCP 443 from ops\/probe\[Pod\] to shop\/web\[Pod\]/);
    expect(out).toMatch(/AdminNetworkPolicy\/sre-access ingress rule #1 "allow-sre" \(fixtures\/cluster-policies\.yaml:\d+:\d+\) accepts TCP 443/);
    expect(out).toMatch(/Baseline tier.*BaselineAdminNetworkPolicy\/default/);
    const denied = cli(['explain', '--from', WEB, '--to', PROBE, workloadsFile(), CLUSTER_POLICIES]);
    expect(denied.code).toBe(1);
    expect(denied.out).toMatch(/ClusterNetworkPolicy\/admin-guardrails egress rule #2 "deny-internet" \(.*\) denies all traffic — the Baseline tier is not consulted/);
  });
});

describe('convert', () => {
  const fixtureText = readFileSync(join(ROOT, CLUSTER_POLICIES), 'utf8');

  it('writes one file with its v1alpha1 policies rewritten, then notes and the proof on standard error, exit 0', () => {
    const { code, out, err } = cli(['convert', '--to', 'v1alpha2', CLUSTER_POLICIES]);
    expect(code).toBe(0);
    // The two ClusterNetworkPolicies come first, and come out byte for byte.
    const firstConverted = fixtureText.indexOf('apiVersion: policy.networking.k8s.io/v1alpha1');
    expect(out.slice(0, firstConverted)).toBe(fixtureText.slice(0, firstConverted));
    expect(out).not.toMatch(/^apiVersion: policy\.networking\.k8s\.io\/v1alpha1$/m);
    expect(out.match(/^kind: ClusterNetworkPolicy$/gm)).toHaveLength(4);
    expect(out).toContain('  name: default\nspec:\n  tier: Baseline\n  priority: 10\n');
    expect(err.split('\n')).toEqual([
      expect.stringMatching(/^fixtures\/cluster-policies\.yaml:\d+:\d+: note: BaselineAdminNetworkPolicy default: written as tier Baseline, priority 10/),
      'converted 2 policies to ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2): 1 AdminNetworkPolicy → tier Admin, priority kept; BaselineAdminNetworkPolicy default → tier Baseline, priority 10',
      'connectivity unchanged: 0 pairs compared (the input has no workloads)',
      '',
    ]);
  });

  it('writes several files as one stream, each after a # Source: line, and compares every pair', () => {
    const workloads = workloadsFile();
    const { code, out, err } = cli(['convert', '--to', 'v1alpha2', workloads, CLUSTER_POLICIES]);
    expect(code).toBe(0);
    expect(out.startsWith(`# Source: ${workloads}\napiVersion: v1\n`)).toBe(true);
    expect(out).toContain(`\n---\n# Source: ${CLUSTER_POLICIES}\n# Valid cluster-wide policies`);
    // Two pods and 8 outside ranges: every ordered pair but those of two outside ranges.
    expect(err).toContain('connectivity unchanged: 34 pairs compared\n');
    // What the output allows is what the inputs allow, read back from standard input.
    const before = cli(['connectivity', workloads, CLUSTER_POLICIES]).out;
    expect(cli(['connectivity', '-'], out).out).toBe(before);
  });

  it('writes input without v1alpha1 policies unchanged, from files or standard input, with a note, exit 0', () => {
    const classic = readFileSync(CLASSIC, 'utf8');
    for (const run of [cli(['convert', '--to', 'v1alpha2', CLASSIC]), cli(['convert', '--to', 'v1alpha2', '-'], classic)]) {
      expect(run.code).toBe(0);
      expect(run.out).toBe(classic);
      expect(run.err).toBe('nothing to convert: no AdminNetworkPolicy or BaselineAdminNetworkPolicy in the input; it is written unchanged\n');
    }
  });

  it('writes what cannot be converted exactly as it was, says why at file:line:col, and exits 1', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netpol-cli-')), 'pass.yaml');
    const passing = fixtureText.slice(fixtureText.lastIndexOf('apiVersion')).replace('  - action: Allow', '  - action: Pass');
    writeFileSync(file, `${WORKLOADS}---\n${passing}`);
    const { code, out, err } = cli(['convert', '--to', 'v1alpha2', file]);
    expect(code).toBe(1);
    expect(out).toBe(`${WORKLOADS}---\n${passing}`);
    expect(err).toMatch(/pass\.yaml:\d+:\d+: error: spec\.egress\[0\]\.action: "Pass" is not supported/);
    expect(err).toMatch(/pass\.yaml:\d+:\d+: error: BaselineAdminNetworkPolicy default is not converted: the evaluation leaves it out as written/);
    expect(err).toContain('1 policy is not converted and is written as it was: see the errors above');
  });

  it('exits 2 on bad usage', () => {
    expect(cli(['convert', CLASSIC]).err).toContain('convert needs --to v1alpha2');
    expect(cli(['convert', '--to', 'v1', CLASSIC]).code).toBe(2);
    expect(cli(['convert', '--to', 'v1alpha2']).code).toBe(2);
    expect(cli(['convert', '--to', 'v1alpha2', '/nonexistent/netpol']).code).toBe(2);
  });
});
