import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as model from '../../model';
import type { EndpointId } from '../../engine/types';
import { applyDelta } from './graphDelta';
import type { EvaluationResult } from './protocol';
import { EvaluationSession } from './session';

vi.mock('../../model', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../model')>();
  return { ...original, parseDocument: vi.fn(original.parseDocument) };
});

const NGINX_EXAMPLE = readFileSync(new URL('../../../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');
const NGINX = 'default/nginx-pod-with-label[Pod]' as EndpointId;
const CLIENT = 'default/client[Pod]' as EndpointId;
const graphOf = (result: EvaluationResult) => applyDelta(undefined, result.graph!);

describe('EvaluationSession', () => {
  it('evaluates the default example: everyone reaches nginx on TCP 80 only', () => {
    const result = new EvaluationSession('cluster.yaml').evaluate(1, NGINX_EXAMPLE);
    expect(result.stale).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const into = graphOf(result).connections.filter((c) => c.to === NGINX);
    expect(into.map((c) => c.from).sort()).toEqual(['0.0.0.0-255.255.255.255', CLIENT, 'team-b/other-client[Pod]']);
    for (const c of into) expect(c.allowed).toEqual({ TCP: [[80, 80]], UDP: [], SCTP: [] });
  });

  it('re-parses only the documents that changed', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    vi.mocked(model.parseDocument).mockClear();
    session.evaluate(2, NGINX_EXAMPLE.replace('port: 80', 'port: 8080'));
    expect(model.parseDocument).toHaveBeenCalledTimes(1);
  });

  it('keeps the last good graph while the text is invalid, and recovers', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    const broken = session.evaluate(2, NGINX_EXAMPLE.replace('  policyTypes:', '  policyTypes: [\n'));
    expect(broken).toMatchObject({ revision: 2, stale: true });
    expect(broken.graph).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const fixed = session.evaluate(3, NGINX_EXAMPLE.replace('port: 80', 'port: 8080'));
    expect(fixed.stale).toBe(false);
    const changed = fixed.graph!.connections.changed;
    expect(changed.find((c) => c.from === CLIENT && c.to === NGINX)!.allowed.TCP).toEqual([[8080, 8080]]);
  });

  it('explains a pair and names the policy footprint', () => {
    const session = new EvaluationSession('cluster.yaml');
    session.evaluate(1, NGINX_EXAMPLE);
    const answer = session.answer({ kind: 'explain', from: CLIENT, to: NGINX });
    expect(answer!.explanation.ingress.rules[0]!.rule.policy).toBe('default/nginx-network-policy');
    expect(answer!.lines[0]).toMatch(/^ALLOWED/);
    const footprint = session.answer({ kind: 'footprint', policy: 'default/nginx-network-policy' as never });
    expect(footprint!.selects).toEqual([NGINX]);
    expect(footprint!.edges.map(([from]) => from).sort()).toEqual(['0.0.0.0-255.255.255.255', CLIENT, 'team-b/other-client[Pod]']);
  });
});
