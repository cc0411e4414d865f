/** An address range as the fewest CIDRs that cover exactly it (what an ipBlock `except` can say). */
import { addressText } from '../model/address-text';
import type { IpRange } from '../model/types';

export function rangeCidrs(range: IpRange): string[] {
  const bits = range.family === 4 ? 32 : 128;
  const cidrs: string[] = [];
  let first = range.first;
  while (first <= range.last) {
    // The largest block that starts at `first` (aligned) and ends within the range.
    let size = 0;
    while (size < bits) {
      const next = size + 1;
      const mask = (1n << BigInt(next)) - 1n;
      if ((first & mask) !== 0n || first + mask > range.last) break;
      size = next;
    }
    cidrs.push(`${addressText(range.family, first)}/${bits - size}`);
    first += 1n << BigInt(size);
  }
  return cidrs;
}
