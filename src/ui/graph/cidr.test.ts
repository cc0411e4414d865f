import { describe, expect, it } from 'vitest';
import { rangeToCidrs } from './cidr';

const v4 = (a: string) => a.split('.').reduce((acc, part) => (acc << 8n) + BigInt(part), 0n);

describe('rangeToCidrs', () => {
  it('writes the whole IPv4 space as one block', () => {
    expect(rangeToCidrs({ family: 4, first: 0n, last: (1n << 32n) - 1n })).toEqual(['0.0.0.0/0']);
  });

  it('covers an unaligned range with the fewest blocks', () => {
    expect(rangeToCidrs({ family: 4, first: v4('10.0.0.1'), last: v4('10.0.0.6') })).toEqual([
      '10.0.0.1/32',
      '10.0.0.2/31',
      '10.0.0.4/31',
      '10.0.0.6/32',
    ]);
  });

  it('writes the space around an except as the blocks a person would', () => {
    expect(rangeToCidrs({ family: 4, first: v4('11.0.0.0'), last: v4('255.255.255.255') })).toEqual([
      '11.0.0.0/8',
      '12.0.0.0/6',
      '16.0.0.0/4',
      '32.0.0.0/3',
      '64.0.0.0/2',
      '128.0.0.0/1',
    ]);
  });

  it('handles IPv6', () => {
    expect(rangeToCidrs({ family: 6, first: 0n, last: (1n << 128n) - 1n })).toEqual(['::/0']);
  });
});
