/**
 * Label selector semantics (metav1.LabelSelector), as used by podSelector and namespaceSelector.
 *
 * Spec basis (LabelSelector API reference, "Labels and Selectors" concepts page):
 * - matchLabels: every key=value must be present;
 * - matchExpressions: In (key present with a listed value), NotIn (key absent, or value not
 *   listed), Exists, DoesNotExist;
 * - all requirements of matchLabels and matchExpressions are ANDed;
 * - an empty selector `{}` matches everything.
 * For controllers, a selector is matched against the labels of the pod template, not the
 * controller's own metadata.labels (policies select pods).
 */
import { describe, expect, it } from 'vitest';
import { ALL, NONE, analyzeYaml, conn, docs, isEmpty, namespace, pod, podId } from '../helpers';

const PODS = docs(
  pod({ ns: 'x', name: 'a', labels: { app: 'web', tier: 'front' } }),
  pod({ ns: 'x', name: 'b', labels: { app: 'web', tier: 'back' } }),
  pod({ ns: 'x', name: 'c', labels: { app: 'db' } }),
  pod({ ns: 'x', name: 'd' }),
  pod({ ns: 'y', name: 'probe', labels: { app: 'web', tier: 'front' } }),
);
const PROBE = podId('y', 'probe');

/** Names of the x pods isolated for ingress by a deny-ingress policy with `podSelector: sel`. */
function selected(sel: string): string[] {
  const a = analyzeYaml(
    docs(
      PODS,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: x}
spec:
  podSelector: ${sel}
`,
    ),
  );
  const names = ['a', 'b', 'c', 'd'].filter((n) => isEmpty(conn(a, PROBE, podId('x', n))));
  // Sanity: the non-selected ones are fully open.
  for (const n of ['a', 'b', 'c', 'd'].filter((m) => !names.includes(m))) {
    expect(conn(a, PROBE, podId('x', n))).toEqual(ALL);
  }
  return names;
}

describe('podSelector as the policy subject', () => {
  it('{} selects every pod of the namespace', () => {
    expect(selected('{}')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('matchLabels with two keys requires both', () => {
    expect(selected('{matchLabels: {app: web, tier: front}}')).toEqual(['a']);
  });

  it('label values are compared exactly (case-sensitive)', () => {
    expect(selected('{matchLabels: {app: Web}}')).toEqual([]);
  });

  it('In matches pods whose value is listed', () => {
    expect(selected('{matchExpressions: [{key: app, operator: In, values: [web, db]}]}')).toEqual(['a', 'b', 'c']);
  });

  it('NotIn also matches pods LACKING the key', () => {
    expect(selected('{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}')).toEqual(['c', 'd']);
    expect(selected('{matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}')).toEqual(['b', 'c', 'd']);
  });

  it('Exists matches pods having the key, whatever the value', () => {
    expect(selected('{matchExpressions: [{key: tier, operator: Exists}]}')).toEqual(['a', 'b']);
  });

  it('DoesNotExist matches pods without the key', () => {
    expect(selected('{matchExpressions: [{key: tier, operator: DoesNotExist}]}')).toEqual(['c', 'd']);
  });

  it('several expressions are ANDed', () => {
    expect(
      selected('{matchExpressions: [{key: app, operator: Exists}, {key: tier, operator: DoesNotExist}]}'),
    ).toEqual(['c']);
  });

  it('matchLabels and matchExpressions are ANDed', () => {
    expect(
      selected('{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}'),
    ).toEqual(['b']);
  });

  it('an unsatisfiable selector selects nothing (nobody isolated)', () => {
    expect(
      selected('{matchLabels: {app: web}, matchExpressions: [{key: app, operator: In, values: [db]}]}'),
    ).toEqual([]);
  });
});

describe('selectors in peers', () => {
  const NS = docs(
    namespace('prod', { env: 'prod', team: 'a' }),
    namespace('dev', { env: 'dev' }),
    namespace('misc'),
    pod({ ns: 'prod', name: 'p' }),
    pod({ ns: 'dev', name: 'p' }),
    pod({ ns: 'misc', name: 'p' }),
    pod({ ns: 'x', name: 'srv', labels: { role: 'srv' } }),
  );
  const SRV = podId('x', 'srv');
  const sourcesFor = (nsSel: string) => {
    const a = analyzeYaml(
      docs(
        NS,
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: in, namespace: x}
spec:
  podSelector: {matchLabels: {role: srv}}
  ingress:
    - from: [{namespaceSelector: ${nsSel}}]
`,
      ),
    );
    return ['prod', 'dev', 'misc'].filter((n) => !isEmpty(conn(a, podId(n, 'p'), SRV)));
  };

  it('namespaceSelector NotIn matches namespaces lacking the key', () => {
    expect(sourcesFor('{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}')).toEqual(['dev', 'misc']);
  });

  it('namespaceSelector In / Exists / DoesNotExist', () => {
    expect(sourcesFor('{matchExpressions: [{key: env, operator: In, values: [prod, dev]}]}')).toEqual(['prod', 'dev']);
    expect(sourcesFor('{matchExpressions: [{key: team, operator: Exists}]}')).toEqual(['prod']);
    expect(sourcesFor('{matchExpressions: [{key: env, operator: DoesNotExist}]}')).toEqual(['misc']);
  });

  it('namespaceSelector matchLabels AND matchExpressions', () => {
    expect(
      sourcesFor('{matchLabels: {env: prod}, matchExpressions: [{key: team, operator: NotIn, values: [a]}]}'),
    ).toEqual([]);
    expect(sourcesFor('{matchLabels: {env: prod}, matchExpressions: [{key: team, operator: In, values: [a]}]}')).toEqual([
      'prod',
    ]);
  });

  it('namespaceSelector NotIn on the automatic name label excludes just that namespace', () => {
    expect(
      sourcesFor('{matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [dev]}]}'),
    ).toEqual(['prod', 'misc']);
  });
});

describe('controllers are selected by their pod template labels', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: x
  labels: {owner-label: deploy}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: main, image: nginx}]}
`;
  const deny = (sel: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: x}
spec:
  podSelector: ${sel}
`;
  const CLIENT = podId('x', 'client');

  it('a podSelector on template labels isolates the Deployment', () => {
    const a = analyzeYaml(docs(deployment, pod({ ns: 'x', name: 'client' }), deny('{matchLabels: {app: web}}')));
    expect(conn(a, CLIENT, 'x/web[Deployment]')).toEqual(NONE);
  });

  it("a podSelector on the Deployment's own metadata.labels does not", () => {
    const a = analyzeYaml(docs(deployment, pod({ ns: 'x', name: 'client' }), deny('{matchLabels: {owner-label: deploy}}')));
    expect(conn(a, CLIENT, 'x/web[Deployment]')).toEqual(ALL);
  });

  it('CronJob pods carry the labels of jobTemplate.spec.template', () => {
    const cron = `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: x}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {job: nightly}}
        spec: {restartPolicy: Never, containers: [{name: main, image: busybox}]}
`;
    const a = analyzeYaml(docs(cron, pod({ ns: 'x', name: 'client' }), deny('{matchLabels: {job: nightly}}')));
    expect(conn(a, CLIENT, 'x/nightly[CronJob]')).toEqual(NONE);
    expect(conn(a, 'x/nightly[CronJob]', CLIENT)).toEqual(ALL);
  });
});
