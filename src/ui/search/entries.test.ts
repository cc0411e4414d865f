import { describe, expect, it } from 'vitest';
import { indexForSearch, search } from '../combobox/match';
import { defaultGraph, guardrailsGraph, LEDGER } from '../graph/testGraph';
import { labelText, searchEntries } from './entries';

const found = (query: string) => {
  const index = indexForSearch(searchEntries(guardrailsGraph()), (e) => e.searchable);
  return search(index, query).map((e) => e.id);
};

describe('searchEntries', () => {
  it('lists workloads, then namespaces, then NetworkPolicies and cluster-wide policies; no outside ranges', () => {
    const entries = searchEntries(defaultGraph());
    expect(entries.map((e) => e.id)).toEqual([
      'workload:default/client[Pod]',
      'workload:default/nginx-pod-with-label[Pod]',
      'workload:team-b/other-client[Pod]',
      'namespace:default',
      'namespace:team-b',
      'policy:default/nginx-network-policy',
    ]);
    expect(searchEntries(undefined)).toEqual([]);
  });

  it('says what each is: kind, namespace and labels; a namespace its workloads; a cluster-wide policy its tier', () => {
    const byId = new Map(searchEntries(guardrailsGraph()).map((e) => [e.id, e]));
    expect(byId.get(`workload:${LEDGER}`)).toMatchObject({ tag: 'workload', label: 'ledger', detail: 'Deployment · payments · app=ledger' });
    // The automatic kubernetes.io/metadata.name label goes unsaid (it is the name), but is searched.
    expect(byId.get('namespace:payments')).toMatchObject({ label: 'payments', detail: '1 workload · sensitivity=high' });
    expect(byId.get('policy:ClusterNetworkPolicy/protect-payments')).toMatchObject({
      tag: 'policy',
      detail: 'ClusterNetworkPolicy · Admin tier, priority 10',
    });
  });

  it('are found by name, label (the namespace’s own name label too), kind and namespace/name', () => {
    expect(found('sensitivity=high')).toEqual(['namespace:payments']);
    expect(found('kubernetes.io/metadata.name=payments')).toEqual(['namespace:payments']);
    expect(found('app=ledger')).toEqual([`workload:${LEDGER}`]);
    expect(found('payments/ledger')).toEqual([`workload:${LEDGER}`]);
    expect(found('protect-payments')).toEqual(['policy:ClusterNetworkPolicy/protect-payments']);
    // Exact name first: the namespace payments, then what holds it.
    expect(found('payments')[0]).toBe('namespace:payments');
    expect(found('ClusterNetworkPolicy').length).toBe(4);
  });
});

describe('labelText', () => {
  it('writes labels as selectors read them', () => {
    expect(labelText({ app: 'web', tier: 'front' })).toBe('app=web, tier=front');
    expect(labelText({})).toBe('');
  });
});
