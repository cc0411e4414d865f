/**
 * "Block this connection": the rule that allows only the pair is removed; when it allows more, the
 * alternatives come as separate plans, and each one's warnings say exactly what the engine finds
 * it changes beyond the pair.
 */
import { describe, expect, it } from 'vitest';
import { planBlock } from '../../src/plans';
import type { EndpointId } from '../../src/engine/types';
import { checkPlan, diffLines, insideRange } from '../support/plan-check';

const id = (s: string) => s as EndpointId;
const pods = (...names: string[]) =>
  names.map((n) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${n}, labels: {app: ${n}}}\n`).join('---\n');

describe('planBlock', () => {
  it('removes a rule that allows only the pair, keeping every other byte', () => {
    const text = `${pods('client', 'web', 'db')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  # the web tier
  - from: [{podSelector: {matchLabels: {app: web}}}]
  # the client, for reports
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports: [{port: 5432}]
`;
    const [plan, ...others] = planBlock(text, id('default/client[Pod]'), id('default/db[Pod]'));
    expect(plan!.summary).toBe('Remove ingress rule #2 of NetworkPolicy default/db');
    expect(plan!.warnings).toEqual([]);
    const { after, diff } = checkPlan(text, plan!);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] -TCP 5432']);
    expect(after).toBe(text.replace('  - from: [{podSelector: {matchLabels: {app: client}}}]\n    ports: [{port: 5432}]\n', ''));
    // Narrowing the rule, and isolating the source for egress, are offered too, and are exact as well.
    expect(others.map((p) => [p.summary, p.warnings])).toEqual([
      ['Narrow ingress rule #2 of NetworkPolicy default/db to leave out pods labelled app=client', []],
      ['Isolate default/client for egress with NetworkPolicy default/isolate-client-egress and allow every other source explicitly', []],
    ]);
  });

  it('offers narrowing first when the rule also allows others, and says what removal would stop', () => {
    const text = `${pods('client', 'web', 'db')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from:
    - podSelector: {}   # everyone in the namespace
`;
    const plans = planBlock(text, id('default/client[Pod]'), id('default/db[Pod]'));
    expect(plans.map((p) => p.summary)).toEqual([
      'Narrow ingress rule #1 of NetworkPolicy default/db to leave out pods labelled app=client',
      'Isolate default/client for egress with NetworkPolicy default/isolate-client-egress and allow every other source explicitly',
      'Remove ingress rule #1 of NetworkPolicy default/db',
    ]);
    const [narrow, isolate, remove] = plans.map((p) => ({ plan: p, ...checkPlan(text, p) }));
    expect(narrow!.plan.warnings).toEqual([]);
    expect(diffLines(narrow!.diff)).toEqual(['default/client[Pod] → default/db[Pod] -All Connections']);
    // `{}` is a flow mapping: what goes into it is flow text, and the comment after it stays.
    expect(narrow!.after).toBe(
      text.replace('podSelector: {}', 'podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [client]}]}'),
    );
    expect(remove!.plan.warnings).toEqual([
      'This also changes traffic the gesture is not about: Stops allowing: default/web[Pod] → default/db[Pod] all traffic.',
    ]);
    expect(diffLines(remove!.diff)).toEqual([
      'default/client[Pod] → default/db[Pod] -All Connections',
      'default/web[Pod] → default/db[Pod] -All Connections',
    ]);
    expect(isolate!.plan.warnings).toEqual([]);
    expect(diffLines(isolate!.diff)).toEqual(diffLines(narrow!.diff));
  });

  it('keeps a policy without policyTypes isolating for egress when its last egress rule goes', () => {
    const text = `${pods('client', 'db')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out}
spec:
  podSelector: {matchLabels: {app: client}}
  egress:
  - to: [{podSelector: {matchLabels: {app: db}}}]
`;
    const [plan] = planBlock(text, id('default/client[Pod]'), id('default/db[Pod]'));
    const { after, diff } = checkPlan(text, plan!);
    expect(plan!.warnings).toEqual([]);
    expect(plan!.summary).toBe('Remove egress rule #1 of NetworkPolicy default/client-out');
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] -All Connections']);
    expect(after).toContain('  egress: []\n  policyTypes:\n  - Ingress\n  - Egress\n');
  });

  it('isolates a target nothing isolates, re-allowing every other source', () => {
    const text = `${pods('client', 'web', 'db')}---\napiVersion: v1\nkind: Pod\nmetadata: {name: other, namespace: team, labels: {app: other}}\n`;
    const plans = planBlock(text, id('default/client[Pod]'), id('default/db[Pod]'));
    expect(plans[0]!.warnings).toEqual([]);
    const { diff } = checkPlan(text, plans[0]!);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] -All Connections']);
  });

  it('in a kubectl List and in a JSON document: a rule of a List item, a peer of a JSON rule', () => {
    const json = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }, { podSelector: { matchLabels: { app: 'db' } } }] }],
      },
    };
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: client, labels: {app: client}}
- apiVersion: v1
  kind: Pod
  metadata: {name: web, labels: {app: web}}
- apiVersion: v1
  kind: Pod
  metadata: {name: db, labels: {app: db}}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: db}
  spec:
    podSelector: {matchLabels: {app: db}}
    ingress:
    - from: [{podSelector: {matchLabels: {app: web}}}]   # web reads
    - from: [{podSelector: {matchLabels: {app: client}}}]
---
${JSON.stringify(json, null, 2)}
`;
    const [toDb] = planBlock(text, id('default/web[Pod]'), id('default/db[Pod]'));
    expect(toDb!.summary).toBe('Remove ingress rule #1 of NetworkPolicy default/db');
    const first = checkPlan(text, toDb!);
    expect(diffLines(first.diff)).toEqual(['default/web[Pod] → default/db[Pod] -All Connections']);
    expect(first.after).toBe(text.replace('    - from: [{podSelector: {matchLabels: {app: web}}}]   # web reads\n', ''));
    const [toWeb] = planBlock(text, id('default/db[Pod]'), id('default/web[Pod]'));
    expect(toWeb!.summary).toBe('Remove the peer that matches the source from ingress rule #1 of NetworkPolicy default/web');
    const second = checkPlan(text, toWeb!);
    expect(diffLines(second.diff)).toEqual(['default/db[Pod] → default/web[Pod] -All Connections']);
    expect(JSON.parse(second.after.slice(second.after.indexOf('{\n'))).spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { app: 'client' } } }] },
    ]);
  });

  it('on the egress side, removes the peer that matches the destination', () => {
    const text = `${pods('client', 'web', 'db')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to: [{podSelector: {matchLabels: {app: db}}}, {podSelector: {matchLabels: {app: web}}}]
`;
    const plans = planBlock(text, id('default/client[Pod]'), id('default/db[Pod]'));
    const plan = plans.find((p) => p.summary.startsWith('Remove'));
    expect(plan!.summary).toBe('Remove the peer that matches the destination from egress rule #1 of NetworkPolicy default/client-out');
    expect(plan!.warnings).toEqual([]);
    const { after, diff } = checkPlan(text, plan!);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] -All Connections']);
    expect(after).toContain('  - to: [{podSelector: {matchLabels: {app: web}}}]\n');
  });

  it('leaves an outside range out of an ipBlock, and limits a rule without peers to everyone else', () => {
    const text = `${pods('client', 'web')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - ipBlock: {cidr: 0.0.0.0/0}
  egress:
  - ports: [{port: 443}]
`;
    // The whole range is the whole CIDR: no except can say it, so the peer goes.
    const [whole] = planBlock(text, id('0.0.0.0-255.255.255.255'), id('default/web[Pod]'));
    expect(whole!.summary).toBe('Remove ingress rule #1 of NetworkPolicy default/web');
    const carved = text.replace('ipBlock: {cidr: 0.0.0.0/0}', 'ipBlock: {cidr: 0.0.0.0/0}\n    - ipBlock: {cidr: 10.0.0.0/8}');
    const [narrow] = planBlock(carved, id('11.0.0.0-255.255.255.255'), id('default/web[Pod]'));
    expect(narrow!.summary).toBe('Leave 11.0.0.0-255.255.255.255 out of the ipBlock of ingress rule #1 of NetworkPolicy default/web');
    expect(narrow!.warnings).toEqual([]);
    const outside = checkPlan(carved, narrow!);
    expect(outside.after).toContain('ipBlock: {cidr: 0.0.0.0/0, except: [11.0.0.0/8, 12.0.0.0/6, 16.0.0.0/4, 32.0.0.0/3, 64.0.0.0/2, 128.0.0.0/1]}');
    // The diff cuts the range at the excepts' bounds: each piece of it loses everything, nothing else changes.
    expect(outside.diff.changes).toHaveLength(6);
    for (const change of outside.diff.changes) {
      expect([insideRange(change.from, '11.0.0.0-255.255.255.255'), change.to, change.kind]).toEqual([true, 'default/web[Pod]', 'removed']);
    }
    const [limit] = planBlock(text, id('default/web[Pod]'), id('default/client[Pod]'));
    expect(limit!.summary).toBe('Limit egress rule #1 of NetworkPolicy default/web, which names no peer, to every party but default/client[Pod]');
    expect(limit!.warnings).toEqual([]);
    const { after, diff } = checkPlan(text, limit!);
    expect(diffLines(diff)).toEqual(['default/web[Pod] → default/client[Pod] -TCP 443']);
    expect(after).toContain('  - ports: [{port: 443}]\n    to:\n    - podSelector:\n        matchLabels:\n          app: web\n');
  });

  it('says so when nothing is allowed', () => {
    const text = `${pods('a', 'b')}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n`;
    const plans = planBlock(text, id('default/a[Pod]'), id('default/b[Pod]'));
    expect(plans).toEqual([{ changes: [], summary: 'Nothing is allowed from default/a[Pod] to default/b[Pod]: nothing to block.', warnings: [] }]);
  });
});
