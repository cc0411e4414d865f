import { describe, expect, it } from 'vitest';
import { isStrictSubset, parseCidr, parseIp } from './cidr';

function cidr(text: string) {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.reason}`);
  return result;
}

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8', 4, 0x0a000000n, 0x0affffffn],
    ['0.0.0.0/0', '0.0.0.0/0', 4, 0n, 0xffffffffn],
    ['192.168.1.7/32', '192.168.1.7/32', 4, 0xc0a80107n, 0xc0a80107n],
    ['2001:db8::/32', '2001:db8::/32', 6, 0x20010db8n << 96n, (0x20010db8n << 96n) | ((1n << 96n) - 1n)],
    ['::/0', '::/0', 6, 0n, (1n << 128n) - 1n],
    ['::1/128', '::1/128', 6, 1n, 1n],
  ] as const)('reads %s as %s', (text, canonical, family, first, last) => {
    expect(cidr(text).cidr).toEqual({ family, first, last, text: canonical });
  });

  it('masks host bits and says so', () => {
    const result = cidr('10.1.2.3/8');
    expect(result.cidr.text).toBe('10.0.0.0/8');
    expect(result.hostBitsSet).toBe(true);
    expect(cidr('10.0.0.0/8').hostBitsSet).toBe(false);
    expect(cidr('2001:db8::1/64').cidr.text).toBe('2001:db8::/64');
  });

  it('reads IPv4-mapped IPv6 with a prefix of 96 or more as IPv4, non-standard', () => {
    const result = cidr('::ffff:10.0.0.0/104');
    expect(result.cidr).toEqual({ family: 4, first: 0x0a000000n, last: 0x0affffffn, text: '10.0.0.0/8' });
    expect(result.nonStandard).toBe(true);
    expect(cidr('::ffff:0a00:0000/104').cidr.text).toBe('10.0.0.0/8');
  });

  it('accepts leading zeros (read as decimal) as non-standard', () => {
    const result = cidr('010.000.001.000/024');
    expect(result.cidr.text).toBe('10.0.1.0/24');
    expect(result.nonStandard).toBe(true);
    expect(cidr('10.0.1.0/24').nonStandard).toBe(false);
  });

  it.each([
    ['10.0.0.0', 'prefix-length'],
    ['10.0.0/8', 'not an IPv4 address'],
    ['10.0.0.256/8', 'not an IPv4 address'],
    ['10.0.0.0/33', 'from 0 to 32'],
    ['10.0.0.0/-1', 'from 0 to 32'],
    ['10.0.0.0/8/8', 'from 0 to 32'],
    ['2001:db8::/129', 'from 0 to 128'],
    ['2001:db8::1::/64', 'not an IPv6 address'],
    ['1:2:3:4:5:6:7:8:9/64', 'not an IPv6 address'],
    ['1:2:3:4:5:6:7:8::/64', 'not an IPv6 address'],
    ['fe80::1%eth0/64', 'not an IPv6 address'],
    ['12345::/16', 'not an IPv6 address'],
    ['1.2.3.4::/64', 'not an IPv6 address'],
    ['', 'prefix-length'],
    [' 10.0.0.0/8', 'not an IPv4 address'],
  ])('rejects %j', (text, reason) => {
    const result = parseCidr(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('parseIp', () => {
  it('reads IPv4, IPv6 and embedded IPv4', () => {
    expect(parseIp('10.244.1.17')).toEqual({ family: 4, value: 0x0af40111n, nonStandard: false });
    expect(parseIp('fd00:10:244:1::17')?.value).toBe(0xfd000010024400010000000000000017n);
    expect(parseIp('::1.2.3.4')).toEqual({ family: 6, value: 0x01020304n, nonStandard: false });
    expect(parseIp('1:2:3:4:5:6:1.2.3.4')?.value).toBe(0x00010002000300040005000601020304n);
  });

  it('reads IPv4-mapped addresses as IPv4', () => {
    expect(parseIp('::ffff:192.168.0.1')).toEqual({ family: 4, value: 0xc0a80001n, nonStandard: true });
  });

  it.each(['10.0.0', '10.0.0.0/8', '::ffff:1.2.3', 'x', '1::2::3', '::1.2.3.4:5'])('rejects %j', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});

describe('isStrictSubset', () => {
  const of = (text: string) => cidr(text).cidr;
  it('needs the same family, containment and a smaller size', () => {
    expect(isStrictSubset(of('10.1.0.0/16'), of('10.0.0.0/8'))).toBe(true);
    expect(isStrictSubset(of('10.0.0.0/8'), of('10.0.0.0/8'))).toBe(false);
    expect(isStrictSubset(of('11.0.0.0/16'), of('10.0.0.0/8'))).toBe(false);
    expect(isStrictSubset(of('10.0.0.0/7'), of('10.0.0.0/8'))).toBe(false);
    expect(isStrictSubset(of('::/128'), of('0.0.0.0/0'))).toBe(false);
  });
});
