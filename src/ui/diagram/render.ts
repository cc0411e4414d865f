/**
 * Images of the graph on screen, made by html-to-image (React Flow's documented way) from a
 * stage (stage.ts). html-to-image is loaded on first use: nobody who never exports pays for it.
 */
import { pngPixelRatio, type Frame } from './frame';
import type { GraphOnScreen } from './measure';
import { buildStage, STAGE_IN_IMAGE } from './stage';
import { HTML_PROPERTIES } from './styleProperties';

/** html-to-image returns an SVG as a `data:` URL of its percent-encoded text. */
export function svgTextOfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:image/svg+xml') || comma < 0) throw new Error('not an SVG data URL');
  return decodeURIComponent(dataUrl.slice(comma + 1));
}

export async function renderImage(format: 'png' | 'svg', graph: GraphOnScreen, frame: Frame): Promise<Blob> {
  const { toBlob, toSvg } = await import('html-to-image');
  const stage = buildStage(graph, frame);
  try {
    // Our fonts are the system's: skipping font embedding also leaves Monaco's icon font out.
    const options = {
      width: frame.width,
      height: frame.height,
      skipFonts: true,
      includeStyleProperties: [...HTML_PROPERTIES],
      style: STAGE_IN_IMAGE,
    };
    if (format === 'svg') return new Blob([svgTextOfDataUrl(await toSvg(stage.element, options))], { type: 'image/svg+xml' });
    const png = await toBlob(stage.element, { ...options, pixelRatio: pngPixelRatio(frame) });
    if (!png) throw new Error('the browser could not encode the PNG');
    return png;
  } finally {
    stage.remove();
  }
}
