/**
 * The Diagram menu's downloads, opened as files: PNG (header and pixels decoded here), SVG (parsed
 * by the browser's XML parser) and DOT (read by test/support/dot.ts and compared with the engine).
 * Images show the graph as on screen — theme, selection — and the whole graph unless React Flow
 * draws only the part in view (over 300 nodes): then the part on screen, and they say so.
 */
import type { Page } from '@playwright/test';
import { generateCluster } from '../bench/generate-cluster';
import { analyze, describeConnections } from '../src/engine';
import { parseManifests } from '../src/model';
import { pngPixelRatio, wholeGraphFrame } from '../src/ui/diagram/frame';
import { parseDot } from '../test/support/dot';
import { expect, IDS, test } from './fixtures';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header: the IHDR chunk comes first, its size at bytes 16–23. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

type Rgb = readonly [number, number, number];

const rgbOf = (css: string): Rgb => {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css.trim());
  const numbers = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : (css.match(/\d+/g) ?? []).map(Number);
  expect(numbers.length, `a colour: ${css}`).toBeGreaterThanOrEqual(3);
  return [numbers[0]!, numbers[1]!, numbers[2]!];
};

/** Decodes a PNG in the page: its top-left pixel, and how many pixels are (nearly) `colour`. */
function pngPixels(page: Page, bytes: Buffer, colour: Rgb): Promise<{ corner: Rgb; matching: number }> {
  return page.evaluate(
    async ({ base64, colour }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let matching = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const near = [0, 1, 2].every((c) => Math.abs(pixels[i + c]! - colour[c]!) <= 6);
        if (near && pixels[i + 3] === 255) matching++;
      }
      return { corner: [pixels[0]!, pixels[1]!, pixels[2]!] as const, matching };
    },
    { base64: bytes.toString('base64'), colour },
  );
}

interface SvgContents {
  readonly root: string;
  readonly width: number;
  readonly height: number;
  readonly text: string;
  /** The text of each edge label, as drawn. */
  readonly edgeLabels: string[];
  /** `data-id` of each graph node drawn, and its classes. */
  readonly nodes: Record<string, string>;
  /** Inline opacity and stroke of each edge line, by edge id. */
  readonly edgeLines: Record<string, { opacity: string; stroke: string }>;
  readonly background: string;
}

/** Parses an SVG download with the browser's XML parser (which throws nothing: it reports). */
function readSvg(page: Page, bytes: Buffer): Promise<SvgContents | string> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    if (error) return `not XML: ${error.textContent}`;
    const svg = doc.documentElement;
    const framed = svg.querySelector('foreignObject > *') as HTMLElement | null;
    return {
      root: `${svg.namespaceURI} ${svg.localName}`,
      width: Number(svg.getAttribute('width')),
      height: Number(svg.getAttribute('height')),
      text: svg.textContent ?? '',
      edgeLabels: [...svg.querySelectorAll('.edge-label text')].map((t) => t.textContent ?? ''),
      nodes: Object.fromEntries([...svg.querySelectorAll('.react-flow__node')].map((n) => [n.getAttribute('data-id'), n.getAttribute('class')])),
      edgeLines: Object.fromEntries(
        [...svg.querySelectorAll<SVGElement>('.react-flow__edge')].map((e) => {
          const line = e.querySelector<SVGElement>('.react-flow__edge-path')!;
          return [e.getAttribute('data-id'), { opacity: line.style.opacity, stroke: line.style.stroke }];
        }),
      ),
      background: framed?.style.backgroundColor ?? '',
    };
  }, bytes.toString('utf8'));
}

async function svgOf(page: Page, bytes: Buffer): Promise<SvgContents> {
  const svg = await readSvg(page, bytes);
  if (typeof svg === 'string') throw new Error(svg);
  return svg;
}

/** What the page draws, read from the DOM here: node ids, edge labels, and the graph's size at zoom 1. */
function drawn(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = Number(/scale\(([^)]+)\)/.exec(viewport.style.transform)![1]);
    const rects = [...document.querySelectorAll('.react-flow__node, .react-flow__edge')].map((e) => e.getBoundingClientRect());
    const left = Math.min(...rects.map((r) => r.left));
    const right = Math.max(...rects.map((r) => r.right));
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return {
      nodes: [...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id')!).sort(),
      edgeLabels: [...document.querySelectorAll('.edge-label text')].map((t) => t.textContent ?? '').sort(),
      bounds: { x: 0, y: 0, width: (right - left) / zoom, height: (bottom - top) / zoom },
      background: getComputedStyle(document.querySelector('.graph-view > .react-flow')!).backgroundColor,
      strong: getComputedStyle(document.querySelector('.app')!).getPropertyValue('--edge-strong'),
    };
  });
}

test('PNG and SVG hold the whole graph at its natural size, with every name and port label as text', async ({ page, diagram }) => {
  const shown = await drawn(page);
  const expected = wholeGraphFrame(shown.bounds);
  await diagram.open();
  await expect(diagram.scope()).toContainText('the whole graph');

  const png = await diagram.download('png');
  expect(png.name).toBe('network-policies-graph.png');
  const size = pngSize(png.bytes);
  const ratio = pngPixelRatio(expected);
  expect(ratio).toBe(2);
  expect(Math.abs(size.width - expected.width * ratio)).toBeLessThanOrEqual(2);
  expect(Math.abs(size.height - expected.height * ratio)).toBeLessThanOrEqual(2);
  expect(png.bytes.length).toBeGreaterThan(10_000);

  const file = await diagram.download('svg');
  expect(file.name).toBe('network-policies-graph.svg');
  const svg = await svgOf(page, file.bytes);
  expect(svg.root).toBe('http://www.w3.org/2000/svg svg');
  expect(svg.width * ratio).toBe(size.width);
  expect(svg.height * ratio).toBe(size.height);
  expect(Object.keys(svg.nodes).sort()).toEqual(shown.nodes);
  for (const name of ['nginx-pod-with-label', 'other-client', 'client', 'External addresses', 'team-b', 'default']) {
    expect(svg.text).toContain(name);
  }
  expect(svg.edgeLabels.sort()).toEqual(shown.edgeLabels);
  expect(svg.edgeLabels).toContain('TCP 80');

  // Zoomed in, part of the graph is off screen; the image still holds all of it, at the same size.
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  const zoomedIn = await svgOf(page, (await diagram.download('svg')).bytes);
  expect([zoomedIn.width, zoomedIn.height]).toEqual([svg.width, svg.height]);
  expect(Object.keys(zoomedIn.nodes).sort()).toEqual(shown.nodes);
});

test('the images follow the theme: light or dark background', async ({ page, diagram }) => {
  const light = await drawn(page);
  expect(rgbOf(light.background)).toEqual([255, 255, 255]);
  const lightPng = await pngPixels(page, (await diagram.download('png')).bytes, [0, 0, 0]);
  expect(lightPng.corner).toEqual(rgbOf(light.background));

  await page.getByRole('button', { name: 'Theme' }).click();
  const dark = await drawn(page);
  const [r, g, b] = rgbOf(dark.background);
  expect(r + g + b, `dark background ${dark.background}`).toBeLessThan(150);
  const darkPng = await pngPixels(page, (await diagram.download('png')).bytes, [0, 0, 0]);
  expect(darkPng.corner).toEqual(rgbOf(dark.background));
  const darkSvg = await svgOf(page, (await diagram.download('svg')).bytes);
  expect(rgbOf(darkSvg.background)).toEqual(rgbOf(dark.background));
});

test('the images show the current highlight', async ({ page, graph, diagram }) => {
  const { strong } = await drawn(page);
  const before = await pngPixels(page, (await diagram.download('png')).bytes, rgbOf(strong));
  expect(before.matching).toBeLessThan(50);

  await graph.node(IDS.client).click();
  await expect(graph.node(IDS.client)).toHaveClass(/selected/);
  const after = await pngPixels(page, (await diagram.download('png')).bytes, rgbOf(strong));
  expect(after.matching).toBeGreaterThan(2000);

  const svg = await svgOf(page, (await diagram.download('svg')).bytes);
  expect(svg.nodes[IDS.client]).toMatch(/\bselected\b/);
  expect(svg.nodes[IDS.nginx]).not.toMatch(/\bselected\b/);
  const touching = (id: string) => id.startsWith(`${IDS.client}->`) || id.endsWith(`->${IDS.client}`);
  const lines = Object.entries(svg.edgeLines);
  expect(lines.length).toBeGreaterThan(4);
  for (const [id, line] of lines) {
    if (touching(id)) expect(rgbOf(line.stroke), id).toEqual(rgbOf(strong));
    else expect(Number(line.opacity), id).toBeLessThan(0.5);
  }
  // Escape in the menu closes it, not the selection the image shows.
  await diagram.open();
  await page.keyboard.press('Escape');
  await expect(diagram.menu()).toBeHidden();
  await expect(graph.node(IDS.client)).toHaveClass(/selected/);
});

test('DOT is a digraph with every endpoint and every connection, labelled with its ports', async ({ page, diagram }) => {
  const dot = await diagram.download('dot');
  expect(dot.name).toBe('network-policies.dot');
  const graph = parseDot(dot.bytes.toString('utf8'));
  const text = await page.evaluate(() => window.__netpolTest!.getText());
  const analysis = analyze(parseManifests([{ file: 'classic.yaml', text }]).resources);
  expect(graph.directed).toBe(true);
  expect([...graph.nodes.keys()].sort()).toEqual(analysis.endpoints.map((e) => e.id).sort());
  expect(graph.edges.map((e) => `${e.from} -> ${e.to}: ${e.attributes.label}`).sort()).toEqual(
    analysis.connections.map((c) => `${c.from} -> ${c.to}: ${describeConnections(c.allowed)}`).sort(),
  );
  expect(graph.edges.find((e) => e.from === IDS.other && e.to === IDS.nginx)?.attributes.label).toBe('TCP 80');
});

test('an image of a large graph is the part on screen, and the menu and file name say so', async ({ page, graph, diagram }) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), generateCluster(400));
  // It opens with its namespaces collapsed; every one open, it has over 400 nodes.
  await expect(graph.namespace('kube-system')).toBeVisible({ timeout: 60_000 });
  await graph.expandAll();
  await expect(graph.node('kube-system/coredns[Deployment]')).toBeVisible({ timeout: 60_000 });
  // The panes settle a moment after a large load (the graph's narrows by a few pixels).
  const paneSize = async () => {
    const box = (await page.locator('.graph-view > .react-flow').boundingBox())!;
    return { width: box.width, height: box.height };
  };
  let pane = await paneSize();
  await expect
    .poll(async () => {
      const before = await paneSize();
      await page.waitForTimeout(700);
      pane = await paneSize();
      return pane.width === before.width && pane.height === before.height;
    })
    .toBe(true);
  const shown = await drawn(page);
  expect(shown.nodes.length).toBeLessThan(100);

  await diagram.open();
  await expect(diagram.scope()).toContainText('only the part on screen');
  const png = await diagram.download('png');
  expect(png.name).toBe('network-policies-graph-visible-part.png');
  const ratio = pngPixelRatio(pane);
  expect(pngSize(png.bytes)).toEqual({ width: Math.round(pane.width) * ratio, height: Math.round(pane.height) * ratio });

  const svg = await svgOf(page, (await diagram.download('svg')).bytes);
  expect([svg.width, svg.height]).toEqual([Math.round(pane.width), Math.round(pane.height)]);
  expect(Object.keys(svg.nodes).sort()).toEqual(shown.nodes);
  expect(svg.text).toContain('coredns');
  expect(await paneSize()).toEqual(pane);
});
