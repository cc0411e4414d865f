import { describe, expect, it } from 'vitest';
import { Placements, combine } from './combine';
import { parseDocument } from './document';

const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: a}\nspec: {containers: [{name: c, image: i}]}\n`;

describe('combine with Placements', () => {
  const web = parseDocument(pod('web'));
  const db = parseDocument(pod('db'));

  it('gives an unchanged, unmoved document its previous objects back', () => {
    const placements = new Placements();
    const first = combine([{ file: 'f', startLine: 1, parsed: web }, { file: 'f', startLine: 5, parsed: db }], placements);
    const second = combine([{ file: 'f', startLine: 1, parsed: web }, { file: 'f', startLine: 5, parsed: db }], placements);
    expect(second.resources.workloads[0]).toBe(first.resources.workloads[0]);
    expect(second.resources.workloads[1]).toBe(first.resources.workloads[1]);
  });

  it('places a moved document afresh, at its new lines', () => {
    const placements = new Placements();
    const first = combine([{ file: 'f', startLine: 5, parsed: db }], placements);
    const moved = combine([{ file: 'f', startLine: 9, parsed: db }], placements);
    expect(moved.resources.workloads[0]).not.toBe(first.resources.workloads[0]);
    expect(moved.resources.workloads[0]!.location.range.startLine).toBe(first.resources.workloads[0]!.location.range.startLine + 4);
  });

  it('without Placements, places every document afresh', () => {
    const once = combine([{ file: 'f', startLine: 1, parsed: web }]);
    const again = combine([{ file: 'f', startLine: 1, parsed: web }]);
    expect(again.resources.workloads[0]).not.toBe(once.resources.workloads[0]);
    expect(again.resources).toEqual(once.resources);
  });
});
