/**
 * explain(): the per-pair breakdown behind a connection.
 *
 * Spec basis: the same rules as the connectivity tests (isolation per direction, additive rules,
 * egress AND ingress), seen from one pair. Project rules (src/engine/types.ts): every verdict
 * carries a RuleRef (policy `ns/name`, direction, index, YAML location); a rule that allows
 * nothing (or not the queried port) carries why: 'peer', 'protocol', 'port' or
 * 'named-port-unresolved'; a side that is not isolated allows everything; external endpoints
 * are never subject to policies. Fixture: fixtures/engine/explain.yaml.
 */
import { describe, expect, it } from 'vitest';
import type { PairExplanation, RuleVerdict } from '../../src/engine/types';
import { ALL, ALL_V4, NONE, analyzeFiles, conn, explainPair, fixture, inFile, isEmpty, lineOf, podId, tcp, udp } from '../helpers';

const FILE = 'explain.yaml';
const TEXT = fixture(FILE);
let memo: ReturnType<typeof analyzeFiles> | undefined;
/** Analyzed lazily, inside a test, so a failure is reported as a test failure. */
const analysis = () => (memo ??= analyzeFiles([{ file: FILE, text: TEXT }]));
const A = podId('x', 'a');
const B = podId('x', 'b');
const C = podId('x', 'c');

function ex(from: string, to: string, query?: Parameters<typeof explainPair>[3]): PairExplanation {
  const e = explainPair(analysis(), from, to, query);
  expect(e, `explain(${from}, ${to})`).toBeDefined();
  return e!;
}
/** The verdict of rule `index` of `policy` on one side. */
function rule(side: PairExplanation['ingress'], policy: string, index: number): RuleVerdict {
  const r = side.rules.find((v) => v.rule.policy === policy && v.rule.index === index);
  expect(r, `${policy} rule ${index}`).toBeDefined();
  return r!;
}
const ids = (side: PairExplanation['ingress']) => side.isolatedBy.map((p) => p.id as string).sort();

describe('an allowed pair', () => {
  let cached: PairExplanation | undefined;
  const pair = () => (cached ??= ex(B, A));

  it('echoes the pair and intersects both sides', () => {
    const e = pair();
    expect(e.from).toBe(B);
    expect(e.to).toBe(A);
    expect(e.egress.direction).toBe('egress');
    expect(e.ingress.direction).toBe('ingress');
    expect(e.egress.endpoint).toBe(B);
    expect(e.ingress.endpoint).toBe(A);
    // egress: 80-90 + http(8080 on a); ingress: 80 + udp 53 + http 8080.
    expect(e.egress.allowed).toEqual(tcp([80, 90], 8080));
    expect(e.ingress.allowed).toEqual({ ...tcp(80, 8080), UDP: [[53, 53]] });
    expect(e.allowed).toEqual(tcp(80, 8080));
    expect(e.verdict).toBe(true);
    expect(e.allowed).toEqual(conn(analysis(), B, A));
  });

  it('lists the isolating policies of each side, by direction', () => {
    const e = pair();
    expect(e.egress.subjectToPolicies).toBe(true);
    expect(ids(e.egress)).toEqual(['x/b-egress']);
    // a-egress-only selects a but has no Ingress type: not an ingress isolator.
    expect(ids(e.ingress)).toEqual(['x/a-also', 'x/allow-a']);
    const allowA = e.ingress.isolatedBy.find((p) => p.id === 'x/allow-a');
    expect(allowA?.namespace).toBe('x');
    expect(allowA?.name).toBe('allow-a');
    expect(allowA?.policyTypes).toEqual(['Ingress']); // defaulted: no egress rules
    expect(inFile(analysis(), allowA!.nameLocation).file).toBe(FILE);
    expect(inFile(analysis(), allowA!.nameLocation).range.startLine).toBe(lineOf(TEXT, 'name: allow-a'));
  });

  it('gives each rule what it allows, with a RuleRef pointing into the YAML', () => {
    const e = pair();
    const r0 = rule(e.ingress, 'x/allow-a', 0);
    expect(r0.rule.direction).toBe('ingress');
    expect(inFile(analysis(), r0.rule.location).file).toBe(FILE);
    expect(inFile(analysis(), r0.rule.location).range.startLine).toBe(lineOf(TEXT, '# rule-0'));
    expect(r0.allowed).toEqual(tcp(80));
    expect(r0.miss).toBeUndefined();
    expect(rule(e.ingress, 'x/allow-a', 1).miss?.kind).toBe('peer');
    expect(rule(e.ingress, 'x/allow-a', 1).allowed).toEqual(NONE);
    expect(rule(e.ingress, 'x/allow-a', 2).allowed).toEqual(udp(53));
    expect(rule(e.ingress, 'x/a-also', 0).allowed).toEqual(tcp(8080));
    expect(inFile(analysis(), rule(e.ingress, 'x/a-also', 0).rule.location).range.startLine).toBe(lineOf(TEXT, '# also-0'));

    const eg = rule(e.egress, 'x/b-egress', 0);
    expect(eg.rule.direction).toBe('egress');
    expect(inFile(analysis(), eg.rule.location).range.startLine).toBe(lineOf(TEXT, '# egress-0'));
    expect(eg.allowed).toEqual(tcp([80, 90], 8080));
  });
});

describe('queries', () => {
  it('TCP 80: allowed; rules that miss say why (peer / protocol / port)', () => {
    const e = ex(B, A, { protocol: 'TCP', port: 80 });
    expect(e.query).toEqual({ protocol: 'TCP', port: 80 });
    expect(e.verdict).toBe(true);
    expect(rule(e.ingress, 'x/allow-a', 0).miss).toBeUndefined();
    expect(rule(e.ingress, 'x/allow-a', 1).miss?.kind).toBe('peer');
    expect(rule(e.ingress, 'x/allow-a', 2).miss?.kind).toBe('protocol');
    expect(rule(e.ingress, 'x/a-also', 0).miss?.kind).toBe('port');
  });

  it('TCP 81: allowed by egress (80-90) but denied by ingress: port misses', () => {
    const e = ex(B, A, { protocol: 'TCP', port: 81 });
    expect(e.verdict).toBe(false);
    expect(rule(e.egress, 'x/b-egress', 0).miss).toBeUndefined();
    expect(rule(e.ingress, 'x/allow-a', 0).miss?.kind).toBe('port');
  });

  it('UDP 53: ingress allows it, egress does not (protocol miss)', () => {
    const e = ex(B, A, { protocol: 'UDP', port: 53 });
    expect(e.verdict).toBe(false);
    expect(rule(e.ingress, 'x/allow-a', 2).miss).toBeUndefined();
    expect(rule(e.egress, 'x/b-egress', 0).miss?.kind).toBe('protocol');
  });

  it('a query without port asks for any port of the protocol', () => {
    expect(ex(B, A, { protocol: 'TCP' }).verdict).toBe(true);
    expect(ex(B, A, { protocol: 'UDP' }).verdict).toBe(false);
    expect(ex(B, A, { protocol: 'SCTP' }).verdict).toBe(false);
  });
});

describe('denied pairs', () => {
  it('an unresolved named port is reported with its names', () => {
    const e = ex(C, A);
    expect(e.verdict).toBe(false);
    expect(e.allowed).toEqual(NONE);
    const r1 = rule(e.ingress, 'x/allow-a', 1);
    expect(r1.miss).toEqual({ kind: 'named-port-unresolved', names: ['grpc'] });
    expect(r1.allowed).toEqual(NONE);
    expect(rule(e.ingress, 'x/allow-a', 0).miss?.kind).toBe('peer');
    // c's egress is not isolated.
    expect(e.egress.subjectToPolicies).toBe(true);
    expect(e.egress.isolatedBy).toEqual([]);
    expect(e.egress.allowed).toEqual(ALL);
  });

  it('an external source is not subject to policies; its pair is judged by ingress alone', () => {
    const e = ex(ALL_V4, A);
    expect(e.egress.subjectToPolicies).toBe(false);
    expect(e.egress.isolatedBy).toEqual([]);
    expect(e.egress.allowed).toEqual(ALL);
    expect(e.ingress.rules).toHaveLength(4);
    expect(e.ingress.rules.every((r) => r.miss?.kind === 'peer')).toBe(true);
    expect(e.verdict).toBe(false);
  });
});

describe('non-isolated sides', () => {
  it('a pod no policy isolates: subjectToPolicies, nothing isolating, everything allowed', () => {
    const e = ex(A, B);
    expect(e.ingress.subjectToPolicies).toBe(true);
    expect(e.ingress.isolatedBy).toEqual([]);
    expect(e.ingress.allowed).toEqual(ALL);
    // a's egress is isolated by a-egress-only, whose rule {} allows all.
    expect(ids(e.egress)).toEqual(['x/a-egress-only']);
    expect(e.egress.allowed).toEqual(ALL);
    expect(e.allowed).toEqual(ALL);
    expect(e.verdict).toBe(true);
    expect(ex(A, B, { protocol: 'SCTP', port: 9 }).verdict).toBe(true);
  });

  it('an external destination is not subject to policies', () => {
    const e = ex(A, ALL_V4);
    expect(e.ingress.subjectToPolicies).toBe(false);
    expect(e.ingress.isolatedBy).toEqual([]);
    expect(e.ingress.allowed).toEqual(ALL);
    expect(e.allowed).toEqual(ALL);
  });
});

describe('consistency with analyze()', () => {
  it('explain(from, to).allowed equals the listed connection for every ordered pair', () => {
    const eps = analysis().endpoints.map((e) => e.id as string);
    for (const f of eps) {
      for (const t of eps) {
        if (f === t) continue;
        const e = ex(f, t);
        expect(e.allowed, `${f} -> ${t}`).toEqual(conn(analysis(), f, t));
        expect(e.verdict).toBe(!isEmpty(e.allowed));
      }
    }
  });

  it('rule locations name the file the policy came from when inputs are several files', () => {
    const a = analyzeFiles([
      { file: 'pods.yaml', text: `apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: x, labels: {pod: a}}\nspec: {containers: [{name: main, image: nginx}]}\n` },
      {
        file: 'policies/deny.yaml',
        text: `# leading comment\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-80, namespace: x}\nspec:\n  podSelector: {}\n  ingress:\n    - ports: [{port: 80}]\n`,
      },
    ]);
    const e = explainPair(a, ALL_V4, A)!;
    expect(e.ingress.isolatedBy.map((p) => inFile(a, p.location).file)).toEqual(['policies/deny.yaml']);
    expect(e.ingress.rules).toHaveLength(1);
    expect(inFile(a, e.ingress.rules[0]!.rule.location).file).toBe('policies/deny.yaml');
    expect(inFile(a, e.ingress.rules[0]!.rule.location).range.startLine).toBe(8);
    expect(e.allowed).toEqual(tcp(80));
  });

  it('an unknown endpoint gives undefined', () => {
    expect(explainPair(analysis(), 'x/nope[Pod]', A)).toBeUndefined();
    expect(explainPair(analysis(), A, 'nowhere')).toBeUndefined();
  });
});
