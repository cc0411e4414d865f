import { describe, expect, it } from 'vitest';
import { ALL_CONNECTIONS, NO_CONNECTIONS } from '../../engine';
import { pairExpectation, portsWritten } from './expectPair';

describe('the expectation a pair writes down', () => {
  it('spells ports as expectations read them', () => {
    expect(portsWritten({ ...NO_CONNECTIONS, TCP: [[80, 80], [8000, 8080]], UDP: [[1, 65535]] })).toEqual(['TCP/80', 'TCP/8000-8080', 'UDP']);
  });

  it('allowed pins the ports allowed now; everything and denied need none', () => {
    const tcp80 = { ...NO_CONNECTIONS, TCP: [[80, 80] as const] };
    expect(pairExpectation('a/x[Pod]', 'a/y[Pod]', 'allowed', tcp80)).toEqual({ from: 'a/x[Pod]', to: 'a/y[Pod]', expect: 'allowed', ports: ['TCP/80'] });
    expect(pairExpectation('a/x[Pod]', 'a/y[Pod]', 'allowed', ALL_CONNECTIONS)).toEqual({ from: 'a/x[Pod]', to: 'a/y[Pod]', expect: 'allowed' });
    expect(pairExpectation('a/x[Pod]', 'a/y[Pod]', 'denied', tcp80)).toEqual({ from: 'a/x[Pod]', to: 'a/y[Pod]', expect: 'denied' });
  });
});
