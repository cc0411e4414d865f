import { describe, expect, it } from 'vitest';
import type { EndpointId } from '../../engine/types';
import { NO_CHANGES } from '../../store/evaluation/comparison';
import { compareTabLabel } from './CompareTab';
import { baselineWords, changeSummary } from './wording';

describe('Compare in words', () => {
  it('says which baseline, and how much changed', () => {
    expect(baselineWords({ origin: 'example', at: 0, pin: 1 }, '10:42')).toBe('the example as opened at 10:42');
    expect(changeSummary(NO_CHANGES)).toBe('Nothing changed since.');
    const listing = (listed: number, changedPairs = listed) => ({ ...NO_CHANGES, changedPairs, pairs: Array(listed).fill(undefined) });
    expect(changeSummary(listing(1))).toBe('1 pair changed.');
    expect(changeSummary({ ...listing(3), endpointsRemoved: ['a/b[Pod]' as EndpointId] })).toBe('3 pairs changed, 1 endpoint removed.');
    const many = listing(2000, 2500);
    expect(changeSummary(many)).toBe('2500 pairs changed. The first 2000 are listed and marked on the graph.');
    expect([compareTabLabel(null), compareTabLabel(NO_CHANGES), compareTabLabel(many)]).toEqual(['Compare', 'Compare', 'Compare (2500)']);
  });
});
