/** The truth table's traffic, as chosen in its bar, read as the engine's query. */
import { describe, expect, it } from 'vitest';
import type { MatrixTraffic } from '../../store/types';
import { matrixFileName, trafficQuery } from './traffic';

describe('the chosen traffic', () => {
  it.each<[MatrixTraffic, ReturnType<typeof trafficQuery>]>([
    [{ protocol: 'any', port: '' }, { valid: true, query: undefined }],
    [{ protocol: 'any', port: '80' }, { valid: true, query: undefined }],
    [{ protocol: 'TCP', port: '' }, { valid: true, query: { protocol: 'TCP' } }],
    [{ protocol: 'UDP', port: ' 53 ' }, { valid: true, query: { protocol: 'UDP', port: 53 } }],
    [{ protocol: 'SCTP', port: '65535' }, { valid: true, query: { protocol: 'SCTP', port: 65535 } }],
    [{ protocol: 'TCP', port: '0' }, { valid: false }],
    [{ protocol: 'TCP', port: '65536' }, { valid: false }],
    [{ protocol: 'TCP', port: '8o' }, { valid: false }],
    [{ protocol: 'TCP', port: '1e3' }, { valid: false }],
    // A saved view from another version: an unknown protocol reads as any.
    [{ protocol: 'ICMP' as MatrixTraffic['protocol'], port: '1' }, { valid: true, query: undefined }],
  ])('%j → %j', (traffic, expected) => {
    expect(trafficQuery(traffic)).toEqual(expected);
  });

  it('names the download after it', () => {
    expect(matrixFileName({ protocol: 'TCP', port: 80 }, 'md')).toBe('truth-table-tcp-80.md');
    expect(matrixFileName({ protocol: 'UDP' }, 'csv')).toBe('truth-table-udp.csv');
    expect(matrixFileName(undefined, 'md')).toBe('truth-table-all.md');
  });
});
