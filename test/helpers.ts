/**
 * Shared helpers for the engine's black-box tests.
 *
 * Everything goes through the public API only: `parseManifests` and `locator` (src/model), the
 * `Analyzer` and its questions (src/engine). Expectations are written from the Kubernetes
 * NetworkPolicy API reference, never from the implementation's output.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { locator, parseManifests } from '../src/model';
import { Analyzer } from '../src/engine';
import type { Diagnostic, FileLocation, Locate, SourceLocation } from '../src/model/source';
import type {
  Analysis,
  ConnectionSet,
  EndpointId,
  PairExplanation,
  PolicyFootprint,
  PolicyId,
  PortQuery,
  PortRange,
} from '../src/engine/types';
import type { Protocol } from '../src/model/types';

export type { Analysis, ConnectionSet };

export const PROTOS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Nothing allowed. */
export const NONE: ConnectionSet = { TCP: [], UDP: [], SCTP: [] };
/** Everything allowed: every port of every protocol. */
export const ALL: ConnectionSet = { TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] };

/** The whole IPv4 space as an external endpoint id. */
export const ALL_V4 = '0.0.0.0-255.255.255.255';
/** The whole IPv6 space as an external endpoint id (compressed text). */
export const ALL_V6 = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff';

type PortArg = number | readonly [number, number];
const toRanges = (ports: readonly PortArg[]): PortRange[] =>
  ports.map((p) => (typeof p === 'number' ? ([p, p] as const) : ([p[0], p[1]] as const)));

/** `tcp(80, [8000, 8080])` = TCP 80 and 8000-8080, nothing of UDP/SCTP. */
export const tcp = (...ports: PortArg[]): ConnectionSet => ({ ...NONE, TCP: toRanges(ports) });
export const udp = (...ports: PortArg[]): ConnectionSet => ({ ...NONE, UDP: toRanges(ports) });
export const sctp = (...ports: PortArg[]): ConnectionSet => ({ ...NONE, SCTP: toRanges(ports) });
/** Build a set protocol by protocol: `cs({ TCP: [80], UDP: [[1, 65535]] })`. */
export const cs = (parts: Partial<Record<Protocol, PortArg[]>>): ConnectionSet => ({
  TCP: toRanges(parts.TCP ?? []),
  UDP: toRanges(parts.UDP ?? []),
  SCTP: toRanges(parts.SCTP ?? []),
});

export interface AnalyzeOptions {
  /** Accept error diagnostics from the model (default: any error fails the test). */
  readonly allowErrors?: boolean;
  /** File name given to the model (default `test.yaml`). */
  readonly file?: string;
}

/** Per analysis made here: the analyzer to ask about it, and where its documents sit. */
const madeHere = new WeakMap<Analysis, { readonly analyzer: Analyzer; readonly locate: Locate }>();

function madeBy(a: Analysis): { readonly analyzer: Analyzer; readonly locate: Locate } {
  const made = madeHere.get(a);
  if (!made) throw new Error('ask only about analyses made by analyzeFiles / analyzeYaml');
  return made;
}

/** Parse + analyze several named inputs; fails the test on model errors unless opted out. */
export function analyzeFiles(
  inputs: readonly { file: string; text: string }[],
  opts: AnalyzeOptions = {},
): Analysis {
  const { resources, diagnostics, documents } = parseManifests(inputs);
  if (!opts.allowErrors) {
    const errors = diagnostics.filter((d: Diagnostic) => d.severity === 'error');
    expect(errors, 'model reported error diagnostics for a valid fixture').toEqual([]);
  }
  const analyzer = new Analyzer();
  const analysis = analyzer.update(resources);
  madeHere.set(analysis, { analyzer, locate: locator(documents) });
  return analysis;
}

/** Parse + analyze one YAML text (several documents allowed). */
export function analyzeYaml(yaml: string, opts: AnalyzeOptions = {}): Analysis {
  return analyzeFiles([{ file: opts.file ?? 'test.yaml', text: yaml }], opts);
}

/** The text of a named fixture under fixtures/engine/. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/engine/${name}`, import.meta.url)), 'utf8');
}

/**
 * Join YAML documents (strings, or plain objects rendered with `yaml`). Objects are rendered
 * with YAML 1.1 quoting, as Kubernetes reads YAML 1.1: an unquoted `y` is a boolean there.
 */
export function docs(...parts: readonly (string | object)[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : stringify(p, { aliasDuplicateObjects: false, version: '1.1' }))).join('\n---\n');
}

/** The allowed set from -> to, or NONE when the pair is not listed (fully denied). */
export function conn(a: Analysis, from: string, to: string): ConnectionSet {
  const c = a.connections.find((x) => x.from === from && x.to === to);
  return c ? c.allowed : NONE;
}
/** Alias of {@link conn} (the brief's name). */
export const allowed = conn;

export function hasEndpoint(a: Analysis, id: string): boolean {
  return a.endpoints.some((e) => e.id === id);
}

/** Ids of workload endpoints, sorted. */
export function workloadIds(a: Analysis): string[] {
  return a.endpoints.filter((e) => e.type === 'workload').map((e) => e.id as string).sort();
}

/** Ids of external endpoints, sorted. */
export function externalIds(a: Analysis): string[] {
  return a.endpoints.filter((e) => e.type === 'external').map((e) => e.id as string).sort();
}

/** Whether `set` allows `protocol`/`port`. */
export function admits(set: ConnectionSet, protocol: Protocol, port: number): boolean {
  return set[protocol].some(([lo, hi]) => lo <= port && port <= hi);
}

/** `sources` that may reach `to` at all (non-empty set), sorted. */
export function sourcesOf(a: Analysis, to: string): string[] {
  return a.connections.filter((c) => c.to === to).map((c) => c.from as string).sort();
}

/** `destinations` reachable from `from` at all, sorted. */
export function destinationsOf(a: Analysis, from: string): string[] {
  return a.connections.filter((c) => c.from === from).map((c) => c.to as string).sort();
}

export function explainPair(
  a: Analysis,
  from: string,
  to: string,
  query?: PortQuery,
): PairExplanation | undefined {
  return madeBy(a).analyzer.explain(from as EndpointId, to as EndpointId, query);
}

export function footprint(a: Analysis, policy: string): PolicyFootprint | undefined {
  return madeBy(a).analyzer.footprint(policy as PolicyId);
}

/** A location of `a`'s input placed in its file. */
export function inFile(a: Analysis, location: SourceLocation): FileLocation {
  return madeBy(a).locate(location);
}

/** Places the locations of `a`'s input in their files (for explanationLines). */
export function locateIn(a: Analysis): Locate {
  return madeBy(a).locate;
}

/** 1-based number of the first line of `text` containing `marker` (fails if absent). */
export function lineOf(text: string, marker: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(marker));
  expect(i, `marker ${marker} not in fixture`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

// ---------------------------------------------------------------------------------------------
// Small YAML builders for workloads (policies are written out literally in each test).

export interface PodSpec {
  readonly ns?: string;
  readonly name: string;
  readonly labels?: Record<string, string>;
  /** Container ports of the single container. */
  readonly ports?: readonly { name?: string; containerPort: number; protocol?: Protocol }[];
  /** status.podIP (and podIPs when several). */
  readonly ips?: readonly string[];
  readonly owner?: { kind: string; name: string; controller?: boolean };
}

/** A Pod manifest as a YAML document. */
export function pod(p: PodSpec): string {
  const metadata: Record<string, unknown> = { name: p.name };
  if (p.ns !== undefined) metadata.namespace = p.ns;
  if (p.labels) metadata.labels = p.labels;
  if (p.owner) {
    metadata.ownerReferences = [
      {
        apiVersion: p.owner.kind === 'Node' ? 'v1' : 'apps/v1',
        kind: p.owner.kind,
        name: p.owner.name,
        uid: `uid-${p.owner.name}`,
        ...(p.owner.controller === false ? {} : { controller: true }),
      },
    ];
  }
  const container: Record<string, unknown> = { name: 'main', image: 'nginx' };
  if (p.ports?.length) container.ports = p.ports;
  const obj: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: { containers: [container] },
  };
  if (p.ips?.length) {
    obj.status = { podIP: p.ips[0], podIPs: p.ips.map((ip) => ({ ip })) };
  }
  return stringify(obj, { aliasDuplicateObjects: false, version: '1.1' });
}

/** A Namespace manifest as a YAML document. */
export function namespace(name: string, labels?: Record<string, string>): string {
  return stringify(
    { apiVersion: 'v1', kind: 'Namespace', metadata: labels ? { name, labels } : { name } },
    { version: '1.1' },
  );
}

/** Endpoint id of a bare Pod. */
export const podId = (ns: string, name: string): string => `${ns}/${name}[Pod]`;

// ---------------------------------------------------------------------------------------------
// The shared x/y/z topology (fixtures/engine/xyz-pods.yaml).

/** Endpoint ids of the shared topology. */
export const X = {
  a: 'x/a[Pod]',
  b: 'x/b[Pod]',
  c: 'x/c[Pod]',
} as const;
export const Y = { a: 'y/a[Pod]', b: 'y/b[Pod]' } as const;
export const Z = { a: 'z/a[Pod]', b: 'z/b[Pod]' } as const;
export const XYZ_PODS: readonly string[] = [X.a, X.b, X.c, Y.a, Y.b, Z.a, Z.b];

/** Analyze the shared topology plus the given YAML documents (usually policies). */
export function xyz(...extra: readonly string[]): Analysis {
  return analyzeYaml(docs(fixture('xyz-pods.yaml'), ...extra));
}

/** Whether a set allows nothing at all. */
export function isEmpty(set: ConnectionSet): boolean {
  return PROTOS.every((p) => set[p].length === 0);
}

// ---------------------------------------------------------------------------------------------
// Policies as YAML documents, for the tier tests. `spec` is the rest of the spec (subject and
// rules; podSelector and rules), indented by two spaces.

/** A ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2). */
export function cnp(name: string, tier: 'Admin' | 'Baseline', priority: number, spec: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: ${name}
spec:
  tier: ${tier}
  priority: ${priority}
${spec}`;
}

/** An AdminNetworkPolicy (policy.networking.k8s.io/v1alpha1). */
export function anp(name: string, priority: number, spec: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: ${name}
spec:
  priority: ${priority}
${spec}`;
}

/** The BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1), always named `default`. */
export function banp(spec: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
${spec}`;
}

/** A NetworkPolicy (networking.k8s.io/v1). */
export function netpol(ns: string, name: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: ${ns}
spec:
${spec}`;
}

/**
 * The spec of a cluster-wide policy below its tier and priority: `subject` (flow style), then each
 * rule as one flow-style mapping, e.g.
 * `clusterSpec('{namespaces: {}}', { ingress: ['{action: Deny, from: [{namespaces: {}}]}'] })`.
 */
export function clusterSpec(subject: string, rules: { ingress?: readonly string[]; egress?: readonly string[] }): string {
  const list = (key: string, items?: readonly string[]) =>
    items ? `  ${key}:\n${items.map((rule) => `  - ${rule}\n`).join('')}` : '';
  return `  subject: ${subject}\n${list('ingress', rules.ingress)}${list('egress', rules.egress)}`;
}
