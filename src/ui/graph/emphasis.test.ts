import { describe, expect, it } from 'vitest';
import type { PolicyId } from '../../engine/types';
import { applyEmphasis, createEmphasisCache } from './emphasis';
import { edgeId } from './ids';
import { toFlow } from './toFlow';
import { ANY_V4, CLIENT, NGINX, OTHER, defaultGraph } from './testGraph';

const model = () => toFlow(defaultGraph(), { deniedFor: null });
const strong = (m: ReturnType<typeof applyEmphasis>) =>
  m.edges.filter((e) => e.data!.emphasis === 'strong').map((e) => e.id).sort();

describe('applyEmphasis', () => {
  it('changes nothing when nothing is focused', () => {
    const m = model();
    const out = applyEmphasis(m, null, undefined);
    out.nodes.forEach((n, i) => expect(n).toBe(m.nodes[i]));
    out.edges.forEach((e, i) => expect(e).toBe(m.edges[i]));
  });

  it('strengthens the edges of the selected node and dims the others', () => {
    const out = applyEmphasis(model(), { kind: 'node', id: OTHER }, undefined);
    expect(strong(out)).toEqual(
      [edgeId(OTHER, NGINX), edgeId(OTHER, CLIENT), edgeId(OTHER, ANY_V4), edgeId(NGINX, OTHER), edgeId(CLIENT, OTHER), edgeId(ANY_V4, OTHER)].sort(),
    );
    expect(out.nodes.find((n) => n.id === OTHER)!.selected).toBe(true);
    expect(out.edges.find((e) => e.id === edgeId(CLIENT, NGINX))!.data!.emphasis).toBe('dim');
  });

  it('shows a policy footprint: its pods marked, its edges strong', () => {
    const footprint = {
      policy: 'default/nginx-network-policy' as PolicyId,
      selects: [NGINX],
      connections: [[CLIENT, NGINX] as const, [ANY_V4, NGINX] as const],
    };
    const out = applyEmphasis(model(), null, footprint);
    expect(strong(out)).toEqual([edgeId(ANY_V4, NGINX), edgeId(CLIENT, NGINX)]);
    expect(out.nodes.filter((n) => n.className === 'is-policy-target').map((n) => n.id)).toEqual([NGINX]);
  });

  it('prefers the selection over the footprint', () => {
    const footprint = { policy: 'x' as PolicyId, selects: [NGINX], connections: [] };
    const id = edgeId(CLIENT, NGINX);
    const out = applyEmphasis(model(), { kind: 'edge', id, from: CLIENT, to: NGINX }, footprint);
    expect(strong(out)).toEqual([id]);
    expect(out.nodes.some((n) => n.className)).toBe(false);
  });
});

describe('emphasis cache', () => {
  it('returns the same emphasised objects while the focus is the same', () => {
    const m = model();
    const cache = createEmphasisCache();
    const selection = { kind: 'node' as const, id: OTHER };
    const first = applyEmphasis(m, selection, undefined, cache);
    const again = applyEmphasis(m, { ...selection }, undefined, cache);
    again.edges.forEach((e, i) => expect(e).toBe(first.edges[i]));
    expect(again.nodes.find((n) => n.id === OTHER)).toBe(first.nodes.find((n) => n.id === OTHER));
  });
});
