import { describe, expect, it } from 'vitest';
import type { EndpointId } from '../../engine/types';
import { edgeTarget } from './useGraphGestures';
import { carvedExternals } from '../graph/testGraph';
import { menuItems, partyChoice, workloadTarget, type GestureTarget } from './menu';
import { partyOfOption, partyOptions } from './partyOptions';

const WEB = { type: 'workload', namespace: 'shop', name: 'web', kind: 'Deployment', labels: { app: 'web' } } as const;
const labels = (target: GestureTarget) => menuItems(target).map((item) => item.label);

describe('the graph’s context menu', () => {
  it('offers a workload allow both ways, isolate, labels and delete, each through a form', () => {
    const items = menuItems({ kind: 'workload', workload: WEB, id: 'shop/web[Deployment]' as EndpointId });
    expect(items.map((i) => i.label)).toEqual(['Allow traffic to…', 'Allow traffic from…', 'Isolate…', 'Edit labels…', 'Delete workload…']);
    expect(items[0]).toMatchObject({ form: { kind: 'allow', from: { party: WEB, name: 'shop/web' } } });
    expect(items[1]).toMatchObject({ form: { kind: 'allow', to: { party: WEB } } });
    expect(items[4]).toMatchObject({ form: { kind: 'confirm', question: 'Delete Deployment shop/web?', gesture: { kind: 'deleteWorkload', workload: WEB } } });
  });

  it('offers a namespace isolation, a new workload in it, and its deletion with everything in it', () => {
    const items = menuItems({ kind: 'namespace', name: 'shop', labels: {} });
    expect(items.map((i) => i.label)).toEqual([
      'Allow traffic to…',
      'Allow traffic from…',
      'Isolate namespace…',
      'Add a workload here…',
      'Edit labels…',
      'Delete namespace…',
    ]);
    expect(items[3]).toMatchObject({ form: { kind: 'addWorkload', namespace: 'shop' } });
    expect(items[5]).toMatchObject({ form: { question: 'Delete namespace shop and every object in it?', gesture: { kind: 'deleteNamespace', name: 'shop' } } });
  });

  it('offers outside addresses only allowing, a connection its blocking at once, the empty graph new objects', () => {
    expect(labels({ kind: 'outside', cidr: '10.0.0.0/8', name: '10.0.0.0/8' })).toEqual(['Allow traffic to…', 'Allow traffic from…']);
    const from = 'a/b[Pod]' as EndpointId;
    const to = 'a/c[Pod]' as EndpointId;
    expect(menuItems({ kind: 'edge', from, to, name: 'b → c' })).toEqual([{ label: 'Block this connection', gesture: { kind: 'block', from, to } }]);
    expect(labels({ kind: 'pane' })).toEqual(['Add a namespace…', 'Add a workload…']);
  });

  it('offers blocking on connections only: not on bundles, aggregates, denied pairs or marks drawn beside them', () => {
    const data = { from: 'a/b[Pod]' as EndpointId, to: 'a/c[Pod]' as EndpointId, kind: 'ports' as const, label: 'TCP 80' };
    expect(edgeTarget({ data })).toMatchObject({ kind: 'edge' });
    expect(edgeTarget({ data: { ...data, kind: 'all', label: 'All' } })).toMatchObject({ kind: 'edge' });
    expect(edgeTarget({ data: { ...data, members: [['x', 'y']] } })).toBeUndefined();
    expect(edgeTarget({ data: { ...data, pairs: [] } })).toBeUndefined();
    expect(edgeTarget({ data: { ...data, kind: 'denied' } })).toBeUndefined();
    expect(edgeTarget({ data: { ...data, kind: 'expected' } })).toBeUndefined();
  });
});

describe('the allow form’s ends', () => {
  it('reads an option back as the party the menu offers for the same end, named the same way', () => {
    const analysis = carvedExternals();
    const options = partyOptions(analysis);
    expect(new Set(analysis.endpoints.map((e) => e.type))).toEqual(new Set(['workload', 'external']));
    for (const endpoint of analysis.endpoints) {
      const option = options.find((o) => o.id === endpoint.id)!;
      const outside = { kind: 'outside' as const, cidr: endpoint.id, name: option.label };
      const target = endpoint.type === 'workload' ? workloadTarget(endpoint) : outside;
      expect(partyOfOption(analysis, option)).toEqual(partyChoice(target));
    }
    const workload = analysis.endpoints.find((e) => e.type === 'workload')!;
    expect(partyOfOption(analysis, options.find((o) => o.id === workload.id)!)!.name).toBe(`${workload.namespace}/${workload.name}`);
    const namespace = options.find((o) => o.id === `namespace:${workload.namespace}`)!;
    const party = { type: 'namespace', name: workload.namespace };
    expect(partyOfOption(analysis, namespace)).toEqual({ party, name: `namespace ${workload.namespace}` });
    expect(partyOfOption(analysis, { id: 'gone', label: 'gone', searchable: { name: 'gone', kind: 'Pod' } })).toBeUndefined();
  });
});
