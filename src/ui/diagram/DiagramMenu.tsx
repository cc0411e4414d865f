/**
 * The toolbar's "Diagram" menu: the graph as PNG or SVG (as shown: theme, selection, highlights)
 * for slides and docs, and the connectivity as Graphviz DOT. Says what an image will hold before
 * it is made: the whole graph, or only the part on screen of a large one.
 */
import { useState } from 'react';
import { useAppStoreApi } from '../../store/react';
import { MenuItem, ToolbarMenu } from '../app/ToolbarMenu';
import type { DiagramFormat } from './fileNames';
import { exportDiagram, planImage } from './exportDiagram';
import type { Frame } from './frame';
import './diagram.css';

const ITEMS: readonly { format: DiagramFormat; label: string; detail: string }[] = [
  { format: 'png', label: 'PNG image', detail: 'for slides' },
  { format: 'svg', label: 'SVG image', detail: 'scales without blur; opens in browsers' },
  { format: 'dot', label: 'DOT (Graphviz)', detail: 'every endpoint and connection' },
];

function scopeText(frame: Frame | undefined): string {
  if (!frame) return 'The graph is empty: there is no image to make.';
  // No-break spaces: the size never wraps across lines.
  const size = `${frame.width}\u00a0×\u00a0${frame.height}\u00a0px`;
  return frame.scope === 'whole'
    ? `Images: the whole graph as shown, ${size}.`
    : `Images: only the part on screen (${size}) — a graph this large is drawn only where you look. DOT has all of it.`;
}

export function DiagramMenu() {
  const store = useAppStoreApi();
  const [frame, setFrame] = useState<Frame>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const onOpen = () => {
    setFrame(planImage(store.getState())?.frame);
    setError(undefined);
  };
  const download = async (format: DiagramFormat, close: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      await exportDiagram(format, store.getState());
      close();
    } catch (e) {
      setError(`Could not make the file: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  // Escape closes the menu only: it must not also clear the selection the image is meant to show.
  return (
    <ToolbarMenu label="Diagram" buttonTestId="diagram-button" popupLabel="Download the diagram" popupTestId="diagram-menu" onOpen={onOpen}>
      {(close) => (
        <>
          <p className="diagram-menu-scope" data-testid="diagram-scope">
            {scopeText(frame)}
          </p>
          {ITEMS.map(({ format, label, detail }) => (
            <MenuItem
              key={format}
              label={label}
              detail={detail}
              testId={`diagram-${format}`}
              disabled={busy || (format !== 'dot' && !frame)}
              onChoose={() => void download(format, close)}
            />
          ))}
          {busy && <p className="diagram-menu-scope">Making the file…</p>}
          {error && (
            <p className="diagram-menu-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </ToolbarMenu>
  );
}
