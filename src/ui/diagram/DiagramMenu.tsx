/**
 * The toolbar's "Diagram" menu: the graph as PNG or SVG (as shown: theme, selection, highlights)
 * for slides and docs, and the connectivity as Graphviz DOT. Says what an image will hold before
 * it is made: the whole graph, or only the part on screen of a large one.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStoreApi } from '../../store/react';
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
  const popupId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [frame, setFrame] = useState<Frame>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  // A press anywhere else closes the menu, as menus do.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const toggle = () => {
    if (!open) {
      setFrame(planImage(store.getState())?.frame);
      setError(undefined);
    }
    setOpen(!open);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Handled here: Escape must not also clear the selection the image is meant to show.
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  };
  const download = async (format: DiagramFormat) => {
    setBusy(true);
    setError(undefined);
    try {
      await exportDiagram(format, store.getState());
      setOpen(false);
    } catch (e) {
      setError(`Could not make the file: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="diagram-menu" ref={container} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={popupId}
        onClick={toggle}
        data-testid="diagram-button"
      >
        Diagram ▾
      </button>
      {open && (
        <div id={popupId} className="diagram-menu-popup" role="group" aria-label="Download the diagram" data-testid="diagram-menu">
          <p className="diagram-menu-scope" data-testid="diagram-scope">
            {scopeText(frame)}
          </p>
          {ITEMS.map(({ format, label, detail }) => (
            <button
              key={format}
              type="button"
              className="diagram-menu-item"
              disabled={busy || (format !== 'dot' && !frame)}
              onClick={() => void download(format)}
              data-testid={`diagram-${format}`}
            >
              <span className="diagram-menu-label">{label}</span>
              <span className="diagram-menu-detail">{detail}</span>
            </button>
          ))}
          {busy && <p className="diagram-menu-scope">Making the file…</p>}
          {error && (
            <p className="diagram-menu-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
