/**
 * "Expect allowed / denied" on a pair: the expectation the graph writes down. Allowed pins what
 * the pair allows now (its ports, or every port when everything is); denied means nothing at all.
 */
import { PROTOCOLS, type ExpectedVerdict } from '../../model/types';
import type { WrittenExpectation } from '../../model/write/expectation-edit';
import { isAllConnections, type ConnectionSet } from '../../engine';

/** `TCP/80`, `TCP/8000-8080`, `UDP` (every UDP port) for each range the set allows. */
export function portsWritten(set: ConnectionSet): string[] {
  return PROTOCOLS.flatMap((protocol) => {
    const ranges = set[protocol];
    if (ranges.length === 1 && ranges[0]![0] === 1 && ranges[0]![1] === 65535) return [protocol];
    return ranges.map(([lo, hi]) => (lo === hi ? `${protocol}/${lo}` : `${protocol}/${lo}-${hi}`));
  });
}

export function pairExpectation(from: string, to: string, expect: ExpectedVerdict, allowed: ConnectionSet): WrittenExpectation {
  const ports = expect === 'allowed' && !isAllConnections(allowed) ? portsWritten(allowed) : [];
  return { from, to, expect, ...(ports.length > 0 && { ports }) };
}
