import { describe, expect, it } from 'vitest';
import type { DocumentId } from '../../model/source';
import type { Expectation } from '../../model/types';
import type { EndpointId, ExpectationResult } from '../../engine';
import type { Check } from '../../store/evaluation/protocol';
import { checkGroups, checksSummary, checksTabLabel, whyNotOf } from './checkList';

const AT = { document: 0 as DocumentId, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
const NONE = { TCP: [], UDP: [], SCTP: [] };

function check(document: string, index: number, failing = 0): Check {
  const expectation: Expectation = {
    from: { type: 'endpoint', id: 'x/a[Pod]', location: AT },
    to: { type: 'endpoint', id: 'x/b[Pod]', location: AT },
    expect: 'denied',
    index,
    location: AT,
  };
  const tcp80 = { ...NONE, TCP: [[80, 80] as const] };
  const pair = { from: 'x/a[Pod]' as EndpointId, to: 'x/b[Pod]' as EndpointId, allowed: tcp80, offending: tcp80 };
  const result: ExpectationResult = {
    expectation,
    passed: failing === 0,
    unmatched: [],
    pairs: 1,
    failing: failing > 0 ? [pair] : [],
    failedPairs: failing,
  };
  return { document, result };
}

describe('the Checks tab', () => {
  it('groups the checks by document, in order, each with its sentence and reasons', () => {
    const groups = checkGroups([check('shop', 0), check('shop', 1, 1), check('db', 0)]);
    expect(groups.map((g) => [g.document, g.rows.length])).toEqual([
      ['shop', 2],
      ['db', 1],
    ]);
    expect(groups[0]!.rows[1]!.text).toBe('x/a[Pod] → x/b[Pod]: denied on every port');
    expect(groups[0]!.rows[1]!.reasons).toEqual(['x/a[Pod] → x/b[Pod]: TCP 80 allowed']);
  });

  it('says how many hold, on the tab and above the list', () => {
    expect(checksTabLabel([check('a', 0), check('a', 1)])).toBe('Checks ✓');
    expect(checksTabLabel([check('a', 0, 1), check('a', 1, 3)])).toBe('Checks (2 ✗)');
    expect(checksSummary([check('a', 0), check('a', 1, 1)])).toBe('1 of 2 expectations hold.');
    expect(checksSummary([check('a', 0)])).toBe('The expectation holds.');
  });

  it('asks "Why not?" about the first traffic a pair gets wrong', () => {
    expect(whyNotOf(check('a', 0, 1).result.failing[0]!)).toEqual({ from: 'x/a[Pod]', to: 'x/b[Pod]', protocol: 'TCP', port: '80' });
  });
});
