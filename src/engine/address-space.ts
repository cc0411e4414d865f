/**
 * External endpoints: the disjoint address ranges that the policies' ipBlocks carve out of the
 * address space. Every cidr and except boundary of every ipBlock (ingress and egress alike) is a
 * cut; the pieces between cuts are the external endpoints. Each piece is then either wholly inside
 * or wholly outside every ipBlock, so matching a piece against a block is a containment test.
 *
 * The IPv4 space is always present (with no ipBlocks it is one endpoint, 0.0.0.0-255.255.255.255);
 * the IPv6 space only when some ipBlock is IPv6, so IPv4-only clusters are not cluttered with it,
 * or when asked (`AnalyzerOptions.addressFamilies`): comparing two evaluations needs the addresses
 * one of them names to be in both.
 */
import { addressText } from '../model/address-text';
import type { Cidr, IpBlockPeer, IpRange } from '../model/types';

const SPACE: Record<4 | 6, IpRange> = {
  4: { family: 4, first: 0n, last: (1n << 32n) - 1n },
  6: { family: 6, first: 0n, last: (1n << 128n) - 1n },
};

const ascending = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** An IP address family. */
export type AddressFamily = 4 | 6;

/**
 * Splits each family's space at every boundary of the given blocks: IPv4, and IPv6 when a block
 * names it or `families` asks for it.
 */
export function carveAddressSpace(
  blocks: readonly IpBlockPeer[],
  families: readonly AddressFamily[] = [],
): IpRange[] {
  const cidrs: Cidr[] = blocks.flatMap((block) => [block.cidr, ...block.except]);
  const ipv6 = families.includes(6) || cidrs.some((c) => c.family === 6);
  const carved: readonly AddressFamily[] = ipv6 ? [4, 6] : [4];
  return carved.flatMap((family) => {
    const space = SPACE[family];
    // A cut at x means a new range starts at x.
    const cuts = new Set<bigint>([space.first]);
    for (const cidr of cidrs) {
      if (cidr.family !== family) continue;
      cuts.add(cidr.first);
      if (cidr.last < space.last) cuts.add(cidr.last + 1n);
    }
    const starts = [...cuts].sort(ascending);
    return starts.map((first, i) => ({
      family,
      first,
      last: i + 1 < starts.length ? starts[i + 1]! - 1n : space.last,
    }));
  });
}

/**
 * The pieces two or more carvings of the address space have in common: every family's space cut at
 * every range start of any of them (each input is a `carveAddressSpace` result, so each of its
 * ranges is a run of consecutive pieces). Two evaluations that carve the outside differently are
 * compared piece by piece: what one says of a range it says of each piece of it.
 */
export function commonPieces(carvings: readonly (readonly IpRange[])[]): IpRange[] {
  const ranges = carvings.flat();
  return ([4, 6] as const).flatMap((family) => {
    const own = ranges.filter((range) => range.family === family);
    if (own.length === 0) return [];
    const starts = [...new Set(own.map((range) => range.first))].sort(ascending);
    const end = SPACE[family].last;
    return starts.map((first, i) => ({ family, first, last: i + 1 < starts.length ? starts[i + 1]! - 1n : end }));
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
