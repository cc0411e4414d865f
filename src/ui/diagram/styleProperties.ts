/**
 * The CSS properties a diagram image copies from the page. html-to-image copies every computed
 * property of every element by default (about 400 of them): megabytes of SVG for seven nodes. The
 * graph's look needs only these: what our stylesheet and React Flow's set, and what lays them out.
 */

/** What the graph's SVG (edges, arrowheads, labels) is styled with, by class. */
export const SVG_PROPERTIES = [
  'display',
  'visibility',
  'opacity',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

const BOX = [
  'display',
  'position',
  'top',
  'right',
  'bottom',
  'left',
  'z-index',
  'box-sizing',
  'width',
  'height',
  'min-width',
  'min-height',
  'max-width',
  'max-height',
  ...['top', 'right', 'bottom', 'left'].flatMap((side) => [`margin-${side}`, `padding-${side}`]),
  'overflow-x',
  'overflow-y',
  'transform',
  'transform-origin',
  'translate',
  'vertical-align',
];

const FLEX_AND_GRID = [
  'flex-direction',
  'flex-wrap',
  'flex-grow',
  'flex-shrink',
  'flex-basis',
  'align-items',
  'align-self',
  'justify-content',
  'row-gap',
  'column-gap',
  'grid-template-columns',
  'grid-template-rows',
  'grid-column-start',
  'grid-column-end',
  'grid-row-start',
  'grid-row-end',
];

const PAINT = [
  'visibility',
  'opacity',
  'background-color',
  'background-image',
  ...['top', 'right', 'bottom', 'left'].flatMap((side) => [`border-${side}-width`, `border-${side}-style`, `border-${side}-color`]),
  ...['top-left', 'top-right', 'bottom-right', 'bottom-left'].map((corner) => `border-${corner}-radius`),
  'box-shadow',
  'clip-path',
];

const TEXT = [
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-overflow',
  'white-space-collapse',
  'text-wrap-mode',
  'overflow-wrap',
  'word-break',
  'text-decoration-line',
  'text-transform',
  'list-style-type',
  'list-style-position',
  'direction',
  // For ::before and ::after, which html-to-image copies as elements.
  'content',
];

/** What html-to-image copies of each HTML element (and of each `<svg>` element itself). */
export const HTML_PROPERTIES: readonly string[] = [...new Set([...BOX, ...FLEX_AND_GRID, ...PAINT, ...TEXT, ...SVG_PROPERTIES])];
