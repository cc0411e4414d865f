/** The small decisions of the Diagram downloads around the frame: names, classes, SVG text. */
import { describe, expect, it } from 'vitest';
import { diagramFileName } from './fileNames';
import { svgTextOfDataUrl } from './render';
import { stageClassName } from './stage';

describe('diagramFileName', () => {
  it('says when an image holds only the part on screen', () => {
    expect(diagramFileName('png')).toBe('network-policies-graph.png');
    expect(diagramFileName('svg', 'whole')).toBe('network-policies-graph.svg');
    expect(diagramFileName('png', 'visible')).toBe('network-policies-graph-visible-part.png');
    expect(diagramFileName('dot')).toBe('network-policies.dot');
  });
});

describe('stageClassName', () => {
  it("keeps React Flow's classes, and the hidden labels only for an image of the screen", () => {
    expect(stageClassName('react-flow dark zoomed-out', 'whole')).toBe('react-flow dark diagram-stage');
    expect(stageClassName('react-flow dark zoomed-out', 'visible')).toBe('react-flow dark zoomed-out diagram-stage');
    expect(stageClassName(' react-flow  light ', 'whole')).toBe('react-flow light diagram-stage');
  });
});

describe('svgTextOfDataUrl', () => {
  it('decodes the percent-encoded text html-to-image returns', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>TCP 80 → #1 100%</text></svg>';
    expect(svgTextOfDataUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)).toBe(svg);
  });

  it('refuses anything else', () => {
    expect(() => svgTextOfDataUrl('data:image/png;base64,iVBORw0KGgo=')).toThrow();
  });
});
