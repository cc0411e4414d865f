import { describe, expect, it } from 'vitest';
import { addressText } from './address-text';
import { parseCidr, parseIp } from './cidr';

describe('addressText', () => {
  it.each([
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // first of two equal runs
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // the longest run
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group stays
    ['0:0:0:0:0:0:0:0', '::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['FE80:0000:0000:0000:0000:0000:0000:0ABC', 'fe80::abc'],
    ['010.0.0.255', '10.0.0.255'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
  ])('writes %s as %s (dotted decimal, RFC 5952)', (text, canonical) => {
    const ip = parseIp(text);
    expect(ip && addressText(ip.family, ip.value)).toBe(canonical);
  });

  it('is what CIDRs are written with', () => {
    expect(parseCidr('2001:DB8:0:0:0:0:0:0/32')).toMatchObject({ cidr: { text: '2001:db8::/32' } });
  });
});
