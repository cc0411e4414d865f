/**
 * Address ranges as people write them: the fewest CIDR blocks covering an inclusive range.
 * External endpoints come from the engine as `first-last` ranges; labels read better as CIDRs.
 */
import { addressText } from '../../engine';
import type { IpRange } from '../../model/types';

const BITS = { 4: 32, 6: 128 } as const;

/** The CIDR blocks exactly covering `range`, in address order. */
export function rangeToCidrs(range: IpRange): string[] {
  const bits = BITS[range.family];
  const out: string[] = [];
  let first = range.first;
  while (first <= range.last) {
    // The largest block aligned at `first` that does not pass `last`.
    let size = 0;
    while (size < bits) {
      const next = BigInt(size + 1);
      const aligned = (first & ((1n << next) - 1n)) === 0n;
      if (!aligned || first + (1n << next) - 1n > range.last) break;
      size++;
    }
    out.push(`${addressText(range.family, first)}/${bits - size}`);
    first += 1n << BigInt(size);
  }
  return out;
}
