/**
 * "Allow traffic from A to B" on representative texts — block YAML with comments, flow style, JSON
 * documents, kubectl Lists, four-space indentation — checked by what the engine evaluates after
 * the edit: exactly the asked pair gains exactly the asked ports, or the warnings say what else.
 */
import { describe, expect, it } from 'vitest';
import { planAllow, type WorkloadParty } from '../../src/plans';
import { checkPlan, diffLines } from '../support/plan-check';

const pod = (ns: string, name: string, labels: Record<string, string>): WorkloadParty => ({ type: 'workload', namespace: ns, name, kind: 'Pod', labels });
const CLIENT = pod('default', 'client', { app: 'client' });
const DB = pod('default', 'db', { app: 'db' });
const TCP_5432 = { protocol: 'TCP', ports: [5432] } as const;

const PODS = `# the shop
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: default
  labels: {app: client}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: default
  labels:
    app: db  # the database
spec:
  containers:
  - name: c
    image: x
    ports: [{containerPort: 5432}]
`;

const DB_POLICY = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
spec:
  podSelector:
    matchLabels: {app: db}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: web}}   # web only
    ports:
    - port: 5432
# trailing comment
`;

describe('planAllow adds an ingress rule to the policy that selects exactly the target', () => {
  it('in block YAML, after its last rule, indented like it, comments kept', () => {
    const text = PODS + DB_POLICY;
    const plan = planAllow(text, CLIENT, DB, TCP_5432);
    expect(plan.summary).toBe('Add an ingress rule to NetworkPolicy default/db allowing from default/client on TCP 5432');
    expect(plan.warnings).toEqual([]);
    const { after, diff } = checkPlan(text, plan);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] +TCP 5432']);
    expect(after).toBe(
      text.replace(
        '    - port: 5432\n',
        '    - port: 5432\n  - from:\n    - podSelector:\n        matchLabels:\n          app: client\n    ports:\n    - protocol: TCP\n      port: 5432\n',
      ),
    );
  });

  it('in a flow-style policy, as flow text', () => {
    const text = `${PODS}---\n# flow\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: default}\nspec: {podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]}\n`;
    const plan = planAllow(text, CLIENT, DB, { protocol: 'TCP', ports: 'all' });
    const { after, diff } = checkPlan(text, plan);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] +TCP 1-65535']);
    expect(after).toContain('ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}, {from: [{podSelector: {matchLabels: {app: client}}}], ports: [{protocol: TCP}]}]}');
  });

  it('in a JSON document, as JSON', () => {
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'db', namespace: 'default' },
      spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] },
    };
    const text = `${PODS}---\n${JSON.stringify(policy, null, 2)}\n`;
    const plan = planAllow(text, CLIENT, DB, TCP_5432);
    const { after, diff } = checkPlan(text, plan);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] +TCP 5432']);
    expect(after).toContain(
      '"policyTypes": [\n      "Ingress"\n    ],\n    "ingress": [\n      {\n        "from": [\n',
    );
  });

  it('in a kubectl List, inside its item', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: client, labels: {app: client}}
  spec: {containers: [{name: c, image: x}]}
- apiVersion: v1
  kind: Pod
  metadata: {name: db, labels: {app: db}}
  spec: {containers: [{name: c, image: x}]}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: db}
  spec:
    podSelector: {matchLabels: {app: db}}
    ingress:
    - from: [{podSelector: {matchLabels: {app: web}}}]
- apiVersion: v1
  kind: Pod
  metadata: {name: web, labels: {app: web}}
  spec: {containers: [{name: c, image: x}]}
`;
    const plan = planAllow(text, CLIENT, DB, TCP_5432);
    const { after, diff } = checkPlan(text, plan);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] +TCP 5432']);
    expect(after).toContain("    - from: [{podSelector: {matchLabels: {app: web}}}]\n    - from:\n");
  });

  it('with four-space indentation and indented lists, writes the same', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
    name: client
    labels:
        app: client
---
apiVersion: v1
kind: Pod
metadata:
    name: db
    labels:
        app: db
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
    name: db
spec:
    podSelector:
        matchLabels:
            app: db
    ingress:
        - from:
              - podSelector:
                    matchLabels:
                        app: web
`;
    const plan = planAllow(text, CLIENT, DB, TCP_5432);
    const { after, diff } = checkPlan(text, plan);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] +TCP 5432']);
    expect(after.slice(text.length - 1)).toMatch(/^\n {8}- from:\n {14}- podSelector:\n/);
  });
});

describe('planAllow writes new policies where no policy selects exactly the target', () => {
  const DENY_ALL = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`;
  const text = `${PODS}---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n${DENY_ALL}`;

  it('an ingress policy for the target and an egress policy for the isolated source', () => {
    const plan = planAllow(text, CLIENT, DB, TCP_5432);
    expect(plan.warnings).toEqual([]);
    expect(plan.summary).toBe(
      'Create NetworkPolicy default/allow-client-to-db selecting default/db, allowing from default/client on TCP 5432; ' +
        'Create NetworkPolicy default/allow-client-to-db-egress selecting default/client, allowing to default/db on TCP 5432',
    );
    const { after, diff } = checkPlan(text, plan);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] +TCP 5432']);
    expect(after.startsWith(text)).toBe(true);
    expect(after.slice(text.length)).toMatch(/^---\napiVersion: networking.k8s.io\/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-client-to-db\n/);
  });

  it('names stay unique in their namespace', () => {
    const taken = `${text}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-client-to-db}\nspec: {podSelector: {matchLabels: {app: nothing}}}\n`;
    const plan = planAllow(taken, CLIENT, DB, TCP_5432);
    expect(plan.summary).toContain('default/allow-client-to-db-2 ');
    expect(diffLines(checkPlan(taken, plan).diff)).toEqual(['default/client[Pod] → default/db[Pod] +TCP 5432']);
  });

  it('across namespaces, with a namespaceSelector on the name label', () => {
    const other = `${text}---\napiVersion: v1\nkind: Pod\nmetadata: {name: reporter, namespace: team, labels: {app: reporter}}\n`;
    const plan = planAllow(other, pod('team', 'reporter', { app: 'reporter' }), DB, TCP_5432);
    const { after, diff } = checkPlan(other, plan);
    expect(diffLines(diff)).toEqual(['team/reporter[Pod] → default/db[Pod] +TCP 5432']);
    expect(after).toContain('    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: team\n      podSelector:\n');
  });

  it('to outside addresses, an egress rule with an ipBlock', () => {
    const plan = planAllow(text, DB, { type: 'outside', cidr: '10.0.0.0/8' }, { protocol: 'TCP', ports: [443] });
    const { after, diff } = checkPlan(text, plan);
    expect(diffLines(diff)).toEqual(['default/db[Pod] → 10.0.0.0-10.255.255.255 +TCP 443']);
    expect(after).toContain('  - to:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n');
  });

  it('from a namespace, into every pod of it the policies isolate', () => {
    const plan = planAllow(text, { type: 'namespace', name: 'team' }, { type: 'namespace', name: 'default' }, TCP_5432);
    const { diff } = checkPlan(text, plan);
    // No pod in namespace team: nothing changes for the input's pods, and nothing else either.
    expect(diffLines(diff)).toEqual([]);
  });

  it('says what else changes when labels do not identify the source alone, and the diff is what it says', () => {
    const twins = `${text}---\napiVersion: v1\nkind: Pod\nmetadata: {name: client-2, labels: {app: client}}\n`;
    const plan = planAllow(twins, CLIENT, DB, TCP_5432);
    expect(plan.warnings[0]).toBe(
      'No label set identifies default/client[Pod] alone: app=client also selects default/client-2[Pod]. Add a label to it to tell it apart.',
    );
    expect(plan.warnings[1]).toBe(
      'This also changes traffic the gesture is not about: Allows: default/client-2[Pod] → default/db[Pod] TCP 5432.',
    );
    expect(diffLines(checkPlan(twins, plan).diff)).toEqual([
      'default/client-2[Pod] → default/db[Pod] +TCP 5432',
      'default/client[Pod] → default/db[Pod] +TCP 5432',
    ]);
  });

  it('writes nothing when the traffic is already allowed', () => {
    const plan = planAllow(PODS, CLIENT, DB, TCP_5432);
    expect(plan.changes).toEqual([]);
    expect(plan.summary).toBe('default/client → default/db TCP 5432 is already allowed: nothing to write.');
  });

  it('appends JSON objects to a stream of JSON objects', () => {
    const json = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', labels: { app: 'client' } } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db', labels: { app: 'db' } } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: {} } },
    ]
      .map((o) => JSON.stringify(o, null, 2))
      .join('\n');
    const plan = planAllow(json, CLIENT, DB, TCP_5432);
    const { after, diff } = checkPlan(json, plan);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] +TCP 5432']);
    expect(after.slice(json.length)).toMatch(/^\n\{\n {2}"apiVersion": "networking.k8s.io\/v1",\n/);
  });
});

describe('planAllow in a text with CRLF line ends', () => {
  it('writes its lines with CRLF too', () => {
    const text = (PODS + DB_POLICY).replace(/\n/g, '\r\n');
    const plan = planAllow(text, CLIENT, DB, TCP_5432);
    const { after, diff } = checkPlan(text, plan);
    expect(diffLines(diff)).toEqual(['default/client[Pod] → default/db[Pod] +TCP 5432']);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
