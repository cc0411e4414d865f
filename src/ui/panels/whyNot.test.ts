import { describe, expect, it } from 'vitest';
import { portQuery } from './WhyNot';

describe('portQuery', () => {
  it('reads a blank port as any port of the protocol', () => {
    expect(portQuery('UDP', '  ')).toEqual({ protocol: 'UDP' });
  });

  it('reads a port number', () => {
    expect(portQuery('TCP', ' 443 ')).toEqual({ protocol: 'TCP', port: 443 });
  });

  it('refuses what is not a port', () => {
    for (const text of ['0', '65536', '80.5', 'http', '-1']) expect(portQuery('TCP', text), text).toBeUndefined();
  });
});
