/**
 * The sentences rendered from explanations (engine/messages.ts): verdict first, then each side,
 * then each rule with its location — the words the CLI prints and the UI shows.
 */
import { describe, expect, it } from 'vitest';
import { explanationLines } from '../../src/engine';
import { analyzeYaml, docs, explainPair, locateIn, pod, podId } from '../helpers';

const A = podId('x', 'a');
const B = podId('x', 'b');
const PODS = [pod({ ns: 'x', name: 'a', labels: { app: 'a' } }), pod({ ns: 'x', name: 'b', labels: { app: 'b' } })];

const EGRESS_80 = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a-out, namespace: x}
spec:
  podSelector: {matchLabels: {app: a}}
  policyTypes: [Egress]
  egress:
    - ports: [{port: 80}]
`;
const INGRESS_443 = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: b-in, namespace: x}
spec:
  podSelector: {matchLabels: {app: b}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: nobody}}}]
    - ports: [{port: 443}]
`;

function lines(query?: { protocol: 'TCP'; port: number }) {
  const analysis = analyzeYaml(docs(...PODS, EGRESS_80, INGRESS_443), { file: 'p.yaml' });
  return explanationLines(explainPair(analysis, A, B, query)!, locateIn(analysis));
}

describe('explanation sentences', () => {
  it('says when each side allows something but nothing in common', () => {
    const text = lines();
    expect(text[0]).toBe(`DENIED: traffic from ${A} to ${B}.`);
    expect(text[1]).toBe('Each side allows something, but nothing in common: egress allows TCP 80, ingress allows TCP 443.');
  });

  it('names each isolating policy and what each rule does, with its location', () => {
    const text = lines({ protocol: 'TCP', port: 443 });
    expect(text[0]).toBe(`DENIED: TCP 443 from ${A} to ${B}.`);
    expect(text).toContain(`Egress from ${A}: isolated by x/a-out; allowed: TCP 80.`);
    expect(text).toContainEqual(expect.stringMatching(/^ {2}- x\/a-out egress rule #1 \(p\.yaml:\d+:\d+\): does not apply — its ports do not include TCP 443\.$/));
    expect(text).toContain(`Ingress to ${B}: isolated by x/b-in; allowed: TCP 443.`);
    expect(text).toContainEqual(expect.stringMatching(/^ {2}- x\/b-in ingress rule #1 .*: does not apply — x\/a\[Pod\] is not among its sources \(from\)\.$/));
    expect(text).toContainEqual(expect.stringMatching(/^ {2}- x\/b-in ingress rule #2 .* allows TCP 443\.$/));
  });

  it('says why an unisolated side allows everything', () => {
    const analysis = analyzeYaml(docs(...PODS, EGRESS_80));
    const text = explanationLines(explainPair(analysis, A, B, { protocol: 'TCP', port: 80 })!, locateIn(analysis));
    expect(text[0]).toBe(`ALLOWED: TCP 80 from ${A} to ${B}.`);
    expect(text).toContain(
      `Ingress to ${B}: not isolated — no NetworkPolicy in its namespace selects it for ingress, so all ingress traffic is allowed.`,
    );
  });
});
