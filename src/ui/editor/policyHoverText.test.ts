import { describe, expect, it } from 'vitest';
import { locator, parseManifests } from '../../model';
import { Analyzer, type PolicyWords } from '../../engine';
import { hoverMarkdown, policyHovered } from './policyHoverText';

const TEXT = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: x, labels: {app: web}}
---
# the policy
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: only-80
  namespace: x
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{ports: [{port: 80}]}]
`;

describe('the policy hover', () => {
  const { resources, documents } = parseManifests([{ file: 'cluster.yaml', text: TEXT }]);
  const analysis = new Analyzer().update(resources);
  const locate = locator(documents);
  const lines = TEXT.split('\n');
  const at = (line: number) => policyHovered(analysis.policies, locate, line, lines[line - 1]!)?.ref.id;

  it("answers on a policy's kind and name lines only", () => {
    expect(at(7)).toBe('x/only-80');
    expect(at(9)).toBe('x/only-80');
    for (const other of [2, 3, 5, 6, 8, 10, 12, 13]) expect(at(other)).toBeUndefined();
  });

  it('lists the sentences as markdown, items nested, markdown characters escaped', () => {
    const words: PolicyWords = {
      policy: analysis.policies[0]!.ref.id,
      alone: [{ text: 'Lead:' }, { text: 'Rule 1 ("a_b"): on *any* port.', item: true }],
      together: [],
    };
    expect(hoverMarkdown(analysis.policies[0]!, words)).toEqual([
      '**NetworkPolicy x/only-80** in plain words',
      '- Lead:\n  - Rule 1 ("a\\_b"): on \\*any\\* port.',
    ]);
  });
});
