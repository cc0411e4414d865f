/** What a failing pair's explanation is asked about (check.ts queryFor). */
import { describe, expect, it } from 'vitest';
import { ALL_CONNECTIONS, NO_CONNECTIONS } from '../engine';
import { queryFor } from './check';

describe('queryFor', () => {
  it('asks about everything when every port is wrong, else the first protocol and port', () => {
    expect(queryFor(ALL_CONNECTIONS)).toBeUndefined();
    expect(queryFor({ ...NO_CONNECTIONS, TCP: [[1, 65535]] })).toEqual({ protocol: 'TCP' });
    expect(queryFor({ ...NO_CONNECTIONS, TCP: [[81, 90]], UDP: [[53, 53]] })).toEqual({ protocol: 'TCP', port: 81 });
    expect(queryFor({ ...NO_CONNECTIONS, UDP: [[53, 53]] })).toEqual({ protocol: 'UDP', port: 53 });
  });
});
