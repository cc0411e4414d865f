/**
 * The formats stream: each writes a connection's line before it reads the next connection (json
 * holds one line back, to know whether a comma follows), so a streamed analysis is never held
 * whole. And json stays one valid document for any number of connections.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './load';
import { FORMATS, renderConnectivity, type Connectivity } from './formats';

const PODS = ['a', 'b', 'c', 'd']
  .map((name) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: x\n  labels: {app: ${name}}\n`)
  .join('---\n');

/** The analysis of four pods, its connections read through a counter. */
function counted(): { readonly analysis: Connectivity; readonly read: () => number } {
  const { analysis } = evaluate([{ file: 'pods.yaml', text: PODS }]);
  let read = 0;
  const connections = {
    *[Symbol.iterator]() {
      for (const connection of analysis.connections) {
        read++;
        yield connection;
      }
    },
  };
  return { analysis: { ...analysis, connections }, read: () => read };
}

describe('connectivity formats', () => {
  it.each(FORMATS)('%s writes each connection before it reads far ahead', (format) => {
    const { analysis, read } = counted();
    const total = evaluate([{ file: 'pods.yaml', text: PODS }]).analysis.connections.length;
    // More connections than any format has lines before them, so reading all first shows.
    expect(total).toBeGreaterThan(12);
    let lines = 0;
    for (const _ of renderConnectivity(analysis, format)) {
      lines++;
      expect(read()).toBeLessThanOrEqual(lines + 1);
    }
    expect(read()).toBe(total);
  });

  it('json is one valid document with 0, 1 or many connections', () => {
    const { analysis } = evaluate([{ file: 'pods.yaml', text: PODS }]);
    for (const connections of [[], analysis.connections.slice(0, 1), analysis.connections]) {
      const text = [...renderConnectivity({ ...analysis, connections }, 'json')].join('\n');
      expect(JSON.parse(text).connections).toHaveLength(connections.length);
    }
  });
});
