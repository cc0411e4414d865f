/**
 * IP addresses as text: dotted decimal for IPv4, RFC 5952 for IPv6. Pure and free of imports, so
 * that the engine can share it with the model (which must not import the engine).
 */

/** Canonical text of an address held as a number: `10.0.0.1`, `2001:db8::1`. */
export function addressText(family: 4 | 6, value: bigint): string {
  return family === 4 ? ipv4Text(value) : ipv6Text(value);
}

function ipv4Text(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** RFC 5952: lowercase, no leading zeros, the longest run (the first on a tie) of 2+ zero groups as `::`. */
function ipv6Text(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1; // a single zero group is not compressed
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
