/** The truth table's traffic as chosen (view.matrix) → the engine's query, and file names for it. Pure. */
import { PROTOCOLS, type Protocol } from '../../model/types';
import type { PortQuery } from '../../engine/types';
import type { MatrixTraffic } from '../../store/types';

/** The query a choice stands for (none: every port of every protocol), or `invalid` while the port is not 1–65535. */
export type TrafficQuery = { readonly valid: true; readonly query: PortQuery | undefined } | { readonly valid: false };

/** A saved view may come from another version: a protocol we do not know reads as any. */
export function chosenProtocol(traffic: MatrixTraffic): Protocol | 'any' {
  return PROTOCOLS.includes(traffic.protocol as Protocol) ? traffic.protocol : 'any';
}

export function trafficQuery(traffic: MatrixTraffic): TrafficQuery {
  const protocol = chosenProtocol(traffic);
  if (protocol === 'any') return { valid: true, query: undefined };
  const text = String(traffic.port ?? '').trim();
  if (text === '') return { valid: true, query: { protocol } };
  const port = Number(text);
  return /^\d+$/.test(text) && port >= 1 && port <= 65535 ? { valid: true, query: { protocol, port } } : { valid: false };
}

/** `truth-table-tcp-80.md`, `truth-table-udp.csv`, `truth-table-all.md`. */
export function matrixFileName(query: PortQuery | undefined, format: 'md' | 'csv'): string {
  if (query === undefined) return `truth-table-all.${format}`;
  const protocol = query.protocol.toLowerCase();
  return `truth-table-${query.port === undefined ? protocol : `${protocol}-${query.port}`}.${format}`;
}
