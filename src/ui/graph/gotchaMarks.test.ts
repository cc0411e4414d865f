import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../engine';
import { parseManifests } from '../../model';
import type { WorkloadNode } from './flowTypes';
import { gotchaTitles } from './gotchaMarks';
import { createFlowCache, toFlow } from './toFlow';

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: db, namespace: data, labels: {app: db}}
spec: {containers: [{name: db, image: postgres}]}
---
apiVersion: v1
kind: Pod
metadata: {name: cache, namespace: data, labels: {app: cache}}
spec: {containers: [{name: cache, image: redis}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: apps, labels: {role: client}}
spec: {containers: [{name: c, image: busybox}]}
`;

/** A policy on db whose peer is either split (the extra dash, a warning) or one item. */
const policy = (peers: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: data}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
    - from:
${peers}`;
const SPLIT = policy('        - namespaceSelector: {}\n        - podSelector: {matchLabels: {role: client}}\n');
const ONE = policy('        - namespaceSelector: {}\n          podSelector: {matchLabels: {role: client}}\n');
const EMPTY_RULE = policy('        - namespaceSelector: {}\n          podSelector: {matchLabels: {role: client}}\n    - {}\n');

function analysis(text: string) {
  return new Analyzer().update(parseManifests([{ file: 'f.yaml', text }]).resources);
}

const badgeOf = (nodes: readonly { id: string; type?: string; data: unknown }[], id: string) =>
  (nodes.find((n) => n.id === id && n.type === 'workload') as WorkloadNode | undefined)?.data.gotchas;

describe('gotcha badges', () => {
  it('a warning marks the workloads its policy selects, with the explanation as the title', () => {
    const titles = gotchaTitles(analysis(PODS + SPLIT));
    expect([...titles.keys()]).toEqual(['data/db[Pod]']);
    expect(titles.get('data/db[Pod]' as never)).toMatch(/^data\/db: These are two peers/);
  });

  it('no warning, no badge; infos (an empty rule said in words) get none either', () => {
    expect(gotchaTitles(analysis(PODS + ONE)).size).toBe(0);
    const withInfo = analysis(PODS + EMPTY_RULE);
    expect(withInfo.diagnostics.map((d) => d.code)).toEqual(['rule-allows-everything']);
    expect(gotchaTitles(withInfo).size).toBe(0);
  });

  it('the graph node carries the badge, and loses it when the policy is fixed (same cache)', () => {
    const cache = createFlowCache();
    const before = toFlow(analysis(PODS + SPLIT), { deniedFor: null }, cache);
    expect(badgeOf(before.nodes, 'data/db[Pod]')).toContain('These are two peers');
    expect(badgeOf(before.nodes, 'data/cache[Pod]')).toBeUndefined();
    const after = toFlow(analysis(PODS + ONE), { deniedFor: null }, cache);
    expect(badgeOf(after.nodes, 'data/db[Pod]')).toBeUndefined();
  });
});
