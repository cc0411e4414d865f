/**
 * What html-to-image copies: a copy of React Flow's viewport, framed and zoomed for the image, in
 * a box of the image's size. The box sits beside the graph (so the theme's, React Flow's and our
 * styles apply to it exactly as on screen), but off-screen, and only while the image is made.
 */
import type { Frame, Scope } from './frame';
import type { GraphOnScreen } from './measure';
import { SVG_PROPERTIES } from './styleProperties';

/** How far off-screen the box sits, past its own width. */
const OFFSCREEN = 1000;

/**
 * The box's classes: React Flow's root's (colour mode, …). The graph hides labels when zoomed out
 * (`zoomed-out`); a whole-graph image is drawn at its natural size, so it shows them, while an
 * image of the part on screen shows it as it is.
 */
export function stageClassName(rootClassName: string, scope: Scope): string {
  const classes = rootClassName.split(/\s+/).filter((c) => c && !(scope === 'whole' && c === 'zoomed-out'));
  return [...classes, 'diagram-stage'].join(' ');
}

/**
 * html-to-image (1.11.12 and later) copies an `<svg>` deeply, without the computed styles of what
 * is inside (its issue #516): edges, arrowheads and labels would lose the colours our stylesheet
 * gives them by class. They get them inline here.
 */
function inlineSvgStyles(root: Element): void {
  for (const element of root.querySelectorAll<SVGElement>('svg *')) {
    const computed = getComputedStyle(element);
    for (const property of SVG_PROPERTIES) element.style.setProperty(property, computed.getPropertyValue(property));
  }
}

export interface Stage {
  readonly element: HTMLElement;
  remove(): void;
}

export function buildStage(graph: GraphOnScreen, frame: Frame): Stage {
  const stage = document.createElement('div');
  stage.className = stageClassName(graph.root.className, frame.scope);
  stage.setAttribute('aria-hidden', 'true');
  Object.assign(stage.style, {
    position: 'fixed',
    left: `${-frame.width - OFFSCREEN}px`,
    top: '0',
    width: `${frame.width}px`,
    height: `${frame.height}px`,
    overflow: 'hidden',
    pointerEvents: 'none',
  });
  const copy = graph.viewportElement.cloneNode(true) as HTMLElement;
  const { x, y, zoom } = frame.viewport;
  copy.style.transform = `translate(${x}px, ${y}px) scale(${zoom})`;
  // Tests and panels find the graph's elements by test id: the copy must not answer for them.
  for (const element of copy.querySelectorAll('[data-testid]')) element.removeAttribute('data-testid');
  stage.append(copy);
  graph.root.after(stage);
  inlineSvgStyles(copy);
  return { element: stage, remove: () => stage.remove() };
}

/** html-to-image styles the copy of the box: put it where the image starts. */
export const STAGE_IN_IMAGE: Partial<CSSStyleDeclaration> = { position: 'relative', left: '0', top: '0' };
