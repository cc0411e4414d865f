/**
 * The search (Ctrl+K, or the toolbar's Search): a dialog with one combobox over the workloads,
 * namespaces and policies of the graph. Choosing one closes the dialog and shows it (`useChoose`).
 * The combobox is in the page only while the dialog is open, so each search starts empty.
 */
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useAppState } from '../../store/react';
import { useActionManager } from '../commands/context';
import { Combobox } from '../combobox/Combobox';
import { searchEntries, type SearchEntry } from './entries';
import { useChoose } from './useChoose';
import './search.css';

function SearchBox({ onChosen }: { onChosen: () => void }) {
  const analysis = useAppState((s) => s.evaluated.analysis);
  const entries = useMemo(() => searchEntries(analysis), [analysis]);
  const choose = useChoose();
  const onChoose = (entry: SearchEntry) => {
    // Closed first (and at once): closing gives the focus back, then a chosen policy takes it to the editor.
    onChosen();
    choose(entry.target);
  };
  return (
    <Combobox
      label="Search workloads, namespaces and policies"
      labelHidden
      options={entries}
      onChoose={onChoose}
      alwaysOpen
      rows={12}
      placeholder="Name, namespace/name, kind or label (app=web)"
      emptyText="Nothing of that name or label."
      testId="search"
    />
  );
}

/** A press on the backdrop: it lands on the dialog element itself, outside its box. */
function outside(event: MouseEvent<HTMLDialogElement>): boolean {
  const box = event.currentTarget.getBoundingClientRect();
  const { clientX: x, clientY: y } = event;
  return event.target === event.currentTarget && (x < box.left || x > box.right || y < box.top || y > box.bottom);
}

export function SearchDialog() {
  const manager = useActionManager();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => manager.onEffect('openSearch', () => setOpen((o) => !o)), [manager]);
  useEffect(() => {
    const d = dialog.current!;
    if (open && !d.open) {
      d.showModal();
      d.querySelector('input')?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="app-dialog search-dialog"
      aria-label="Search"
      data-testid="search-dialog"
      // Escape: at once, in its own key press (the close event comes a task later, when a quick
      // Ctrl+K would find the search still open and close it instead of opening it afresh).
      onCancel={() => setOpen(false)}
      onClose={() => setOpen(false)}
      onMouseDown={(event) => outside(event) && setOpen(false)}
    >
      {open && (
        <SearchBox
          onChosen={() => {
            dialog.current?.close();
            setOpen(false);
          }}
        />
      )}
    </dialog>
  );
}
