import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as document from '../../model/document';
import { locator } from '../../model';
import type { EndpointId } from '../../engine/types';
import { applyDelta } from './analysisDelta';
import type { EvaluationResult } from './protocol';
import { EvaluationSession } from './session';

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

  it('keeps the last good analysis while the text is invalid, and recovers', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    const broken = session.evaluate(2, NGINX_EXAMPLE.replace('  policyTypes:', '  policyTypes: [\n'));
    expect(broken).toMatchObject({ revision: 2, stale: true });
    expect(broken.analysis).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const fixed = session.evaluate(3, NGINX_EXAMPLE.replace('port: 80', 'port: 8080'));
    expect(fixed.stale).toBe(false);
    const changed = fixed.analysis!.connections.changed;
    expect(changed.find((c) => c.from === CLIENT && c.to === NGINX)!.allowed.TCP).toEqual([[8080, 8080]]);
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

  it('words explanations with the lines of the analysed text while a later text is invalid', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    session.evaluate(2, `a: [\n---\n${NGINX_EXAMPLE}`);
    const answer = session.answer({ kind: 'explain', from: CLIENT, to: NGINX });
    expect(answer!.lines).toContain('  - default/nginx-network-policy ingress rule #1 (cluster.yaml:14:7) allows TCP 80.');
  });
});
