/**
 * External endpoints: the disjoint address ranges that the policies' ipBlocks carve out of the
 * address space. Every cidr and except boundary of every ipBlock (ingress and egress alike) is a
 * cut; the pieces between cuts are the external endpoints. Each piece is then either wholly inside
 * or wholly outside every ipBlock, so matching a piece against a block is a containment test.
 *
 * The IPv4 space is always present (with no ipBlocks it is one endpoint, 0.0.0.0-255.255.255.255);
 * the IPv6 space only when some ipBlock is IPv6, so IPv4-only clusters are not cluttered with it.
 */
import { addressText } from '../model/address-text';
import type { Cidr, IpBlockPeer, IpRange } from '../model/types';

const SPACE: Record<4 | 6, IpRange> = {
  4: { family: 4, first: 0n, last: (1n << 32n) - 1n },
  6: { family: 6, first: 0n, last: (1n << 128n) - 1n },
};

/** Splits each family's space at every boundary of the given blocks. */
export function carveAddressSpace(blocks: readonly IpBlockPeer[]): IpRange[] {
  const cidrs: Cidr[] = blocks.flatMap((block) => [block.cidr, ...block.except]);
  const families: (4 | 6)[] = cidrs.some((c) => c.family === 6) ? [4, 6] : [4];
  return families.flatMap((family) => {
    const space = SPACE[family];
    // A cut at x means a new range starts at x.
    const cuts = new Set<bigint>([space.first]);
    for (const cidr of cidrs) {
      if (cidr.family !== family) continue;
      cuts.add(cidr.first);
      if (cidr.last < space.last) cuts.add(cidr.last + 1n);
    }
    const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return starts.map((first, i) => ({
      family,
      first,
      last: i + 1 < starts.length ? starts[i + 1]! - 1n : space.last,
    }));
  });
}

function within(inner: IpRange, outer: IpRange): boolean {
  return inner.family === outer.family && inner.first >= outer.first && inner.last <= outer.last;
}

/** Whether every address of `range` is in the block's cidr and in none of its excepts. */
export function blockContainsRange(block: IpBlockPeer, range: IpRange): boolean {
  return within(range, block.cidr) && !block.except.some((except) => overlaps(except, range));
}

function overlaps(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

// ---- text -------------------------------------------------------------------------------------

/** `first-last`, the external endpoint's id and the CLI's spelling of a range. */
export function rangeText(range: IpRange): string {
  return `${addressText(range.family, range.first)}-${addressText(range.family, range.last)}`;
}
