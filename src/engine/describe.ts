/**
 * Short spellings of port sets, shared by the CLI's formats, the UI's edge labels and messages:
 * `TCP 80,UDP 53`, `TCP 8080-8090`, `All Connections`.
 */
import { PROTOCOLS, type Protocol } from '../model/types';
import { isAllConnections } from './portset';
import type { ConnectionSet, PortSet } from './types';

export const ALL_CONNECTIONS_TEXT = 'All Connections';

export function describePorts(ports: PortSet): string {
  return ports.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}-${hi}`)).join(',');
}

/** Protocols in alphabetical order (SCTP, TCP, UDP), as the reference analyser prints them. */
const PROTOCOL_ORDER: readonly Protocol[] = [...PROTOCOLS].sort();

export function describeConnections(set: ConnectionSet): string {
  if (isAllConnections(set)) return ALL_CONNECTIONS_TEXT;
  return PROTOCOL_ORDER.filter((p) => set[p].length > 0)
    .map((p) => `${p} ${describePorts(set[p])}`)
    .join(',');
}
