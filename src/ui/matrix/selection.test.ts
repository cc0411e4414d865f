/**
 * The selection between the graph and the truth table: a cell selects the very edge the graph
 * draws for its pair (outside ranges merged into one node included), and a selection of the graph
 * lights the rows, columns and cell of what it stands for.
 */
import { describe, expect, it } from 'vitest';
import { toFlow } from '../graph/toFlow';
import { bundleId, edgeId, externalNodeId, namespaceNodeId } from '../graph/ids';
import { ANY_V4, CLIENT, NGINX, OTHER, WEB, carvedExternals, defaultGraph } from '../graph/testGraph';
import type { Analysis, EndpointId } from '../../engine/types';
import { cellSelection, graphNodeOf, highlightOf } from './selection';

const indexOf = (analysis: Analysis, id: string) => analysis.endpoints.findIndex((e) => e.id === id);
const sorted = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b);

describe('a cell selects the edge the graph draws for its pair', () => {
  it.each([
    ['the classic example', defaultGraph],
    ['outside ranges the graph merges', carvedExternals],
  ])('%s: every allowed pair', (_name, graph) => {
    const analysis = graph();
    const drawn = new Set(toFlow(analysis, { deniedFor: null }).edges.map((e) => e.id));
    for (const { from, to } of analysis.connections) {
      const selection = cellSelection(analysis, indexOf(analysis, from), indexOf(analysis, to));
      expect(selection).toMatchObject({ kind: 'edge', from, to });
      expect(drawn.has(selection.id), `${from} → ${to}: ${selection.id} is drawn`).toBe(true);
    }
  });

  it('names merged ranges by their shared node, and a range alone by itself', () => {
    const analysis = carvedExternals();
    const ranges = analysis.endpoints.filter((e) => e.type === 'external');
    expect(ranges.map((e) => e.id)).toEqual(['0.0.0.0-9.255.255.255', '10.0.0.0-10.255.255.255', '11.0.0.0-255.255.255.255']);
    const merged = externalNodeId([ranges[0]!.id, ranges[2]!.id]);
    expect(ranges.map((e) => graphNodeOf(analysis, e))).toEqual([merged, ranges[1]!.id, merged]);
    expect(cellSelection(analysis, indexOf(analysis, ranges[2]!.id), indexOf(analysis, WEB)).id).toBe(edgeId(merged, WEB));
  });
});

describe('the graph selection, on the table', () => {
  const analysis = defaultGraph();
  const [client, nginx, other, world] = [CLIENT, NGINX, OTHER, ANY_V4].map((id) => indexOf(analysis, id));

  it('nothing selected: nothing lit', () => {
    const lit = highlightOf(null, analysis);
    expect([lit.rows.size, lit.cols.size, lit.cell]).toEqual([0, 0, undefined]);
  });

  it('a workload: its row and its column', () => {
    const lit = highlightOf({ kind: 'node', id: OTHER }, analysis);
    expect([sorted(lit.rows), sorted(lit.cols), lit.cell]).toEqual([[other], [other], undefined]);
  });

  it('a namespace: the rows and columns of its workloads', () => {
    const lit = highlightOf({ kind: 'node', id: namespaceNodeId('default') }, analysis);
    expect([sorted(lit.rows), sorted(lit.cols)]).toEqual([
      [client, nginx],
      [client, nginx],
    ]);
  });

  it('merged outside ranges: each of their rows and columns', () => {
    const carved = carvedExternals();
    const ranges = carved.endpoints.filter((e) => e.type === 'external').map((e) => e.id);
    const lit = highlightOf({ kind: 'node', id: externalNodeId([ranges[0]!, ranges[2]!]) }, carved);
    expect(sorted(lit.rows)).toEqual([ranges[0]!, ranges[2]!].map((id) => indexOf(carved, id)));
  });

  it('an edge: its cell, the row of its source and the column of its target', () => {
    const lit = highlightOf({ kind: 'edge', id: edgeId(CLIENT, NGINX), from: CLIENT, to: NGINX }, analysis);
    expect([sorted(lit.rows), sorted(lit.cols), lit.cell]).toEqual([[client], [nginx], [client, nginx]]);
  });

  it('a bundle: the cell of the pair it names, the rows and columns of all it stands for', () => {
    const bundle = {
      kind: 'edge' as const,
      id: bundleId(namespaceNodeId('default'), ANY_V4, 'All'),
      from: CLIENT,
      to: ANY_V4 as EndpointId,
      members: [
        [CLIENT, ANY_V4],
        [NGINX, ANY_V4],
      ] as const,
    };
    const lit = highlightOf(bundle, analysis);
    expect([sorted(lit.rows), sorted(lit.cols), lit.cell]).toEqual([[client, nginx], [world], [client, world]]);
  });

  it('a pair the analysis no longer has: nothing', () => {
    const gone = 'default/gone[Pod]' as EndpointId;
    const lit = highlightOf({ kind: 'edge', id: edgeId(gone, NGINX), from: gone, to: NGINX }, analysis);
    expect([sorted(lit.rows), sorted(lit.cols), lit.cell]).toEqual([[], [nginx], undefined]);
  });
});
