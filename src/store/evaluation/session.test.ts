import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as document from '../../model/document';
import { locator } from '../../model';
import type { EndpointId, PolicyId } from '../../engine/types';
import { applyDelta } from './analysisDelta';
import type { EvaluationResult } from './protocol';
import { EvaluationSession } from './session';
import { applyChanges } from '../../model/text-changes';

vi.mock('../../model/document', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../model/document')>();
  return { ...original, parseDocument: vi.fn(original.parseDocument) };
});

const NGINX_EXAMPLE = readFileSync(new URL('../../../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');
const NGINX = 'default/nginx-pod-with-label[Pod]' as EndpointId;
const CLIENT = 'default/client[Pod]' as EndpointId;
const analysisOf = (result: EvaluationResult) => applyDelta(undefined, result.analysis!);

describe('EvaluationSession', () => {
  it('evaluates the default example: everyone reaches nginx on TCP 80 only', () => {
    const result = new EvaluationSession('cluster.yaml').evaluate(1, NGINX_EXAMPLE);
    expect(result.stale).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const into = analysisOf(result).connections.filter((c) => c.to === NGINX);
    expect(into.map((c) => c.from).sort()).toEqual(['0.0.0.0-255.255.255.255', CLIENT, 'team-b/other-client[Pod]']);
    for (const c of into) expect(c.allowed).toEqual({ TCP: [[80, 80]], UDP: [], SCTP: [] });
  });

  it('checks the expectations of the text against its analysis, live', () => {
    const expectations = (port: number) =>
      `---\napiVersion: netpol-canvas/v1alpha1\nkind: ConnectivityExpectations\nmetadata: {name: web}\nspec:\n  expectations:\n` +
      `  - {from: "${CLIENT}", to: "${NGINX}", ports: [TCP/${port}], expect: allowed}\n`;
    const session = new EvaluationSession('cluster.yaml');
    const holds = session.evaluate(1, NGINX_EXAMPLE + expectations(80)).checks!;
    expect(holds.map((c) => [c.document, c.result.passed])).toEqual([['web', true]]);
    const fails = session.evaluate(2, NGINX_EXAMPLE.replace('port: 80', 'port: 8080') + expectations(80)).checks!;
    expect(fails[0]!.result.failing.map((f) => [f.from, f.to])).toEqual([[CLIENT, NGINX]]);
  });

  it('previews a proposed text without touching what it evaluated', () => {
    const session = new EvaluationSession('cluster.yaml');
    const before = session.evaluate(1, NGINX_EXAMPLE);
    const proposed = NGINX_EXAMPLE.replace('port: 80', 'port: 8080');
    const preview = session.answer({ kind: 'preview', before: NGINX_EXAMPLE, after: proposed })!;
    expect(preview.lines).toContain(`Allows: ${CLIENT} → ${NGINX} TCP 8080.`);
    expect(session.answer({ kind: 'explain', from: CLIENT, to: NGINX })!.explanation.allowed).toEqual(
      analysisOf(before).connections.find((c) => c.from === CLIENT && c.to === NGINX)!.allowed,
    );
  });

  it('plans a graph gesture on a text it is given, and its plan writes only where it changes', () => {
    const session = new EvaluationSession('cluster.yaml');
    const plans = session.answer({
      kind: 'plan',
      text: NGINX_EXAMPLE,
      gesture: { kind: 'isolate', subject: { type: 'namespace', name: 'team-b' }, isolation: 'ingress', dns: false },
    })!;
    expect(plans).toHaveLength(1);
    const after = applyChanges(NGINX_EXAMPLE, plans[0]!.changes);
    expect(after.startsWith(NGINX_EXAMPLE)).toBe(true);
    const preview = session.answer({ kind: 'preview', before: NGINX_EXAMPLE, after })!;
    expect(preview.lines.every((line) => line.startsWith('Stops allowing:') && line.includes('→ team-b/other-client[Pod]'))).toBe(true);
  });

  it('re-parses only the documents that changed', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    vi.mocked(document.parseDocument).mockClear();
    session.evaluate(2, NGINX_EXAMPLE.replace('port: 80', 'port: 8080'));
    expect(document.parseDocument).toHaveBeenCalledTimes(1);
  });

  it('places every document of the revision in the text', () => {
    const result = new EvaluationSession('cluster.yaml').evaluate(1, `# top\n\n${NGINX_EXAMPLE}`);
    const starts = result.documents.map((d) => [d.file, d.startLine]);
    expect(starts).toEqual([['cluster.yaml', 1], ['cluster.yaml', 19], ['cluster.yaml', 33], ['cluster.yaml', 46], ['cluster.yaml', 53]]);
    const nginx = analysisOf(result).endpoints.find((e) => e.id === NGINX)!;
    expect(nginx.type === 'workload' && locator(result.documents)(nginx.locations[0]!).range.startLine).toBe(20);
  });

  it('holds back a policy typed through an invalid state at its last valid version, says so, and recovers', () => {
    const session = new EvaluationSession('cluster.yaml');
    const first = session.evaluate(1, NGINX_EXAMPLE);
    const broken = session.evaluate(2, NGINX_EXAMPLE.replace('  policyTypes:', '  policyTypes: [\n'));
    expect(broken.stale).toBe(false);
    expect(broken.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(broken.heldBack.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['NetworkPolicy default/nginx-network-policy']);
    // The unclosed bracket is reported where the line after it starts.
    expect(locator(broken.documents)(broken.heldBack[0]!.error.location).range.startLine).toBe(13);
    // Nothing changed for the graph: nginx still accepts only TCP 80.
    const shown = applyDelta(analysisOf(first), broken.analysis!);
    expect(shown.connections.filter((c) => c.to === NGINX).map((c) => c.allowed.TCP)).toEqual(Array(3).fill([[80, 80]]));
    expect(broken.analysis!.connections.changed).toEqual([]);
    const fixed = session.evaluate(3, NGINX_EXAMPLE.replace('port: 80', 'port: 8080'));
    expect(fixed.heldBack).toEqual([]);
    expect(fixed.analysis!.connections.changed.find((c) => c.from === CLIENT && c.to === NGINX)!.allowed.TCP).toEqual([[8080, 8080]]);
  });

  it('evaluates the valid rest of a text, as the CLI does, and leaves out what was never valid', () => {
    const session = new EvaluationSession('cluster.yaml');
    const first = session.evaluate(1, NGINX_EXAMPLE);
    const badCidr = NGINX_EXAMPLE.replace('  ingress:\n    - ports:', '  ingress:\n    - from: [{ipBlock: {cidr: 10.0.0.0/33}}]\n      ports:');
    const opened = session.evaluate(2, badCidr, true);
    expect(opened.heldBack).toEqual([]);
    expect(opened.diagnostics.map((d) => d.code)).toContain('invalid-cidr');
    const analysis = applyDelta(analysisOf(first), opened.analysis!);
    expect(analysis.policies).toEqual([]);
    expect(analysis.endpoints.map((e) => e.id)).toContain(NGINX);
    expect(analysis.connections.find((c) => c.from === CLIENT && c.to === NGINX)!.allowed.TCP).toEqual([[1, 65535]]);
  });

  it('holds back only the document with a syntax error: the others keep updating', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    const both = NGINX_EXAMPLE.replace('  policyTypes:', '  policyTypes: [\n').replace('app: client', 'app: other');
    const result = session.evaluate(2, both);
    expect(result.heldBack.map((h) => h.name)).toEqual(['default/nginx-network-policy']);
    const client = result.analysis!.endpoints.changed.find((e) => e.id === CLIENT);
    expect(client?.type === 'workload' && client.labels).toEqual({ app: 'other' });
  });

  it('changes nothing when the text is refused whole (not text)', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    const refused = session.evaluate(2, '\u0000\u0001binary');
    expect(refused).toMatchObject({ revision: 2, stale: true, heldBack: [] });
    expect(refused.analysis).toBeUndefined();
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['binary-input']);
  });

  it('explains a pair in words placed in the analysed text, and names the policy footprint', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, `# moved down\n${NGINX_EXAMPLE}`);
    const answer = session.answer({ kind: 'explain', from: CLIENT, to: NGINX });
    expect(answer!.explanation.ingress.rules[0]!.rule.policy).toBe('default/nginx-network-policy');
    expect(answer!.lines[0]).toMatch(/^ALLOWED/);
    expect(answer!.lines).toContain('  - default/nginx-network-policy ingress rule #1 (cluster.yaml:15:7) allows TCP 80.');
    const footprint = session.answer({ kind: 'footprint', policy: 'default/nginx-network-policy' as never });
    expect(footprint!.selects).toEqual([NGINX]);
    expect(footprint!.connections.map(([from]) => from).sort()).toEqual(['0.0.0.0-255.255.255.255', CLIENT, 'team-b/other-client[Pod]']);
  });

  it('describes a policy in plain words, as cloneable data; nothing for an unknown policy', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    const words = structuredClone(session.answer({ kind: 'policyWords', policy: 'default/nginx-network-policy' as PolicyId }))!;
    expect(words.alone[0]!.text).toBe('Applies to pods in namespace default labelled papa=dhondhu.');
    expect(session.answer({ kind: 'policyWords', policy: 'default/nope' as PolicyId })).toBeUndefined();
  });

  it('words explanations with the lines of the text as it is now, also for a policy held back', () => {
    const session = new EvaluationSession('cluster.yaml');
    const notes = (lines: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes}\ndata:\n${Array.from({ length: lines }, (_, i) => `  k${i}: v\n`).join('')}---\n`;
    session.evaluate(1, `${notes(1)}${NGINX_EXAMPLE}`);
    // Two lines added above the policy, and the policy mid-edit below its rule: its last valid
    // version sits where its document is now.
    const text = `${notes(3)}${NGINX_EXAMPLE.replace('port: 80', 'port: [80')}`;
    const result = session.evaluate(2, text);
    expect(result.heldBack.map((h) => h.name)).toEqual(['default/nginx-network-policy']);
    const ruleLine = text.split('\n').indexOf('    - ports:') + 1;
    const answer = session.answer({ kind: 'explain', from: CLIENT, to: NGINX });
    expect(answer!.lines).toContain(`  - default/nginx-network-policy ingress rule #1 (cluster.yaml:${ruleLine}:7) allows TCP 80.`);
  });

  it('answers about cluster-wide policies: their rules, and the pairs their Deny rules deny', () => {
    const guardrails = readFileSync(new URL('../../../public/examples/cluster-guardrails.yaml', import.meta.url), 'utf8');
    const session = new EvaluationSession('cluster.yaml');
    expect(session.answer({ kind: 'clusterRules' })).toBeUndefined();
    session.evaluate(1, guardrails);
    const rules = session.answer({ kind: 'clusterRules' })!;
    expect(rules.map((r) => [r.policy, r.ingress.map((rule) => `${rule.action} ${rule.name}`), r.egress.length])).toEqual([
      ['ClusterNetworkPolicy/protect-payments', ['accept payments-internal', 'deny everyone-else'], 0],
      ['ClusterNetworkPolicy/tenants-decide', ['pass between-tenants'], 0],
      ['ClusterNetworkPolicy/platform-only', ['accept metrics', 'deny nobody-else'], 0],
      ['ClusterNetworkPolicy/default-deny', ['deny deny-from-pods'], 0],
    ]);
    const ledger = 'payments/ledger[Deployment]' as EndpointId;
    const denials = session.answer({ kind: 'clusterDenials', endpoint: ledger })!;
    expect(denials.filter((d) => d.to === ledger).map((d) => [d.from, d.rules.map((r) => `${r.policy} ${r.name}`)])).toEqual([
      ['kube-system/coredns[Deployment]', ['ClusterNetworkPolicy/protect-payments everyone-else']],
      ['monitoring/prometheus[Deployment]', ['ClusterNetworkPolicy/protect-payments everyone-else']],
      ['tenant-a/web[Deployment]', ['ClusterNetworkPolicy/protect-payments everyone-else']],
      ['tenant-b/shop[Deployment]', ['ClusterNetworkPolicy/protect-payments everyone-else']],
    ]);
    expect(session.answer({ kind: 'clusterDenials', endpoint: 'nobody' as EndpointId })).toEqual([]);
    const footprint = session.answer({ kind: 'footprint', policy: 'ClusterNetworkPolicy/protect-payments' as PolicyId })!;
    expect(footprint.deniedPairs).toBe(4);
    expect(footprint.denies).toHaveLength(4);
  });

  it('answers a question asked twice about one revision once, and afresh after the next', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    const question = { kind: 'footprint', policy: 'default/nginx-network-policy' as PolicyId } as const;
    const first = session.answer(question);
    expect(session.answer({ ...question })).toBe(first);
    session.evaluate(2, NGINX_EXAMPLE.replace('port: 80', 'port: 8080'));
    expect(session.answer(question)).not.toBe(first);
  });
});
