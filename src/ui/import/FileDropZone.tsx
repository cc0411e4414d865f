/**
 * Files dropped anywhere on the page go to the import dialog. The browser's own reaction to a
 * dropped file is to open it in place of the app, losing the text: file drags are taken at the
 * window, in the capture phase, before the editor (Monaco would insert the file's path) or
 * anything else sees them. Other drags (text into the editor) pass through.
 */
import { useEffect, useState } from 'react';
import { LazyImportDialog } from './LazyImportDialog';
import { useImport } from './useImport';
import './import.css';

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/** A modal dialog (shortcuts, an import being settled) holds the page: a drop then opens nothing. */
const pageBusy = (): boolean => document.querySelector('dialog:modal') !== null;

export function FileDropZone() {
  const { pending, offer, choose, dismiss } = useImport();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; the drag is over the page while
    // more have been entered than left.
    let depth = 0;
    const take = (event: DragEvent): boolean => {
      if (!carriesFiles(event)) return false;
      event.preventDefault();
      event.stopPropagation();
      return true;
    };
    const onEnter = (event: DragEvent) => {
      if (!take(event)) return;
      depth++;
      setDragging(!pageBusy());
    };
    const onLeave = (event: DragEvent) => {
      if (!take(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (take(event)) event.dataTransfer!.dropEffect = pageBusy() ? 'none' : 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!take(event)) return;
      depth = 0;
      setDragging(false);
      if (!pageBusy()) void offer([...event.dataTransfer!.files]);
    };
    const listeners = [
      ['dragenter', onEnter],
      ['dragleave', onLeave],
      ['dragover', onOver],
      ['drop', onDrop],
    ] as const;
    for (const [type, listener] of listeners) window.addEventListener(type, listener, { capture: true });
    return () => {
      for (const [type, listener] of listeners) window.removeEventListener(type, listener, { capture: true });
    };
  }, [offer]);

  return (
    <>
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <p className="drop-overlay-message">Drop YAML or JSON files to open them</p>
        </div>
      )}
      {pending && <LazyImportDialog pending={pending} onChoose={choose} onClose={dismiss} />}
    </>
  );
}
