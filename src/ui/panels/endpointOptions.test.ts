import { describe, expect, it } from 'vitest';
import { indexForSearch, search } from '../combobox/match';
import { carvedExternals, CLIENT, defaultGraph, OTHER } from '../graph/testGraph';
import { endpointOptions } from './endpointOptions';

describe('endpointOptions', () => {
  it('offers every endpoint, named as the panels name peers, with its kind, namespace and labels', () => {
    const options = endpointOptions(defaultGraph().endpoints);
    expect(options.map((o) => [o.label, o.detail])).toEqual([
      ['client', 'Pod · default · app=client'],
      ['nginx-pod-with-label', 'Pod · default · papa=dhondhu'],
      ['other-client', 'Pod · team-b · app=other-client'],
      ['0.0.0.0/0', 'outside the cluster'],
    ]);
  });

  it('finds workloads by namespace and label, outside ranges by their CIDR', () => {
    const find = (endpoints: Parameters<typeof endpointOptions>[0], query: string) =>
      search(indexForSearch(endpointOptions(endpoints), (o) => o.searchable), query).map((o) => o.id);
    expect(find(defaultGraph().endpoints, 'client')).toEqual([CLIENT, OTHER]);
    expect(find(defaultGraph().endpoints, 'team-b/')).toEqual([OTHER]);
    expect(find(carvedExternals().endpoints, '10.0.0.0/8')).toEqual(['10.0.0.0-10.255.255.255']);
  });
});
