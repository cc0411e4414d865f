/**
 * A policy's footprint (what the editor highlights while the cursor is in a policy): the pods it
 * selects and the connections one of its rules helps allow — on either side.
 */
import { describe, expect, it } from 'vitest';
import { analyzeYaml, docs, footprint, pod, podId } from '../helpers';

const PODS = ['a', 'b', 'c'].map((name) => pod({ ns: 'x', name, labels: { app: name } }));
const [A, B, C] = ['a', 'b', 'c'].map((name) => podId('x', name));

const ingressToB = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: b-in, namespace: x}
spec:
  podSelector: {matchLabels: {app: b}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: a}}}]
      ports: [{port: 80}]
`;
const egressFromC = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: c-out, namespace: x}
spec:
  podSelector: {matchLabels: {app: c}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: a}}}]
`;

describe('policy footprint', () => {
  const analysis = analyzeYaml(docs(...PODS, ingressToB, egressFromC));
  const pairs = (id: string) => footprint(analysis, id)!.connections;

  it('an ingress policy: the pods it selects and the connections its rules allow into them', () => {
    expect(footprint(analysis, 'x/b-in')!.selects).toEqual([B]);
    // b accepts only a on TCP 80; c's egress does not reach b at all.
    expect(pairs('x/b-in')).toEqual([[A, B]]);
  });

  it('an egress policy: the connections its rules allow out of the pods it selects', () => {
    expect(pairs('x/c-out')).toEqual([[C, A]]);
  });

  it('unknown policies have no footprint', () => {
    expect(footprint(analysis, 'x/nope')).toBeUndefined();
  });
});
