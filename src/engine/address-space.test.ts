import { describe, expect, it } from 'vitest';
import { blockContainsRange, carveAddressSpace, commonPieces, rangeText } from './address-space';
import type { Cidr, IpBlockPeer } from '../model/types';

function v4(text: string): Cidr {
  const [addr, len] = text.split('/');
  const value = addr!.split('.').reduce((acc, part) => (acc << 8n) + BigInt(part), 0n);
  const size = 1n << BigInt(32 - Number(len));
  return { family: 4, first: value, last: value + size - 1n, text };
}

const block = (cidr: string, ...except: string[]): IpBlockPeer => ({ cidr: v4(cidr), except: except.map(v4) });

describe('carving the address space', () => {
  it('is the whole IPv4 space without ipBlocks', () => {
    expect(carveAddressSpace([]).map(rangeText)).toEqual(['0.0.0.0-255.255.255.255']);
  });

  it('cuts at every cidr and except boundary', () => {
    const ranges = carveAddressSpace([block('10.0.0.0/8', '10.1.0.0/16')]).map(rangeText);
    expect(ranges).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.0.255.255',
      '10.1.0.0-10.1.255.255',
      '10.2.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
    ]);
  });

  it('matches a piece against a block by containment, excepts excluded', () => {
    const b = block('10.0.0.0/8', '10.1.0.0/16');
    const inside = carveAddressSpace([b]).filter((range) => blockContainsRange(b, range)).map(rangeText);
    expect(inside).toEqual(['10.0.0.0-10.0.255.255', '10.2.0.0-10.255.255.255']);
  });

  it('adds the IPv6 space only when a block is IPv6, in RFC 5952 text', () => {
    const v6: Cidr = { family: 6, first: 0x20010db8n << 96n, last: (0x20010db8n << 96n) + (1n << 96n) - 1n, text: '2001:db8::/32' };
    const ranges = carveAddressSpace([{ cidr: v6, except: [] }]).map(rangeText);
    expect(ranges).toEqual([
      '0.0.0.0-255.255.255.255',
      '::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
      '2001:db9::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
  });

  it('adds the IPv6 space when asked, without any IPv6 block', () => {
    expect(carveAddressSpace([block('10.0.0.0/8')], [6]).map(rangeText)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
      '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
  });

  it('gives the pieces carvings have in common: each range of each a run of them', () => {
    const a = carveAddressSpace([block('10.0.0.0/8')]);
    const b = carveAddressSpace([block('10.0.0.0/16')], [6]);
    expect(commonPieces([a, b]).map(rangeText)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.0.255.255',
      '10.1.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
      '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
    expect(commonPieces([a, a])).toEqual(a);
  });
});
