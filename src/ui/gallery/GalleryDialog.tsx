/**
 * The gallery's dialog: every example and lesson as a card with its title and what it shows,
 * under headings, with a filter focused on opening. A card, or Enter in the filter (the first card
 * shown), opens it; Escape or Close closes. Loaded when first opened (Gallery.tsx), so the list and
 * its descriptions stay out of the page's first load. Mounted open: closing unmounts it, so each
 * opening starts from every card.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { codeSpans, filterGallery, GALLERY, type GalleryEntry } from './entries';
import { useChooseEntry } from './useChooseEntry';
import './gallery.css';

/** A description with its `code` spans set as code. */
function Description({ text, id }: { text: string; id: string }) {
  return (
    <span className="gallery-card-description" id={id}>
      {codeSpans(text).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}
    </span>
  );
}

function Card({ entry, onChoose }: { entry: GalleryEntry; onChoose: () => void }) {
  const id = `gallery-${entry.value}`;
  return (
    <li>
      <button
        type="button"
        className="gallery-card"
        onClick={onChoose}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        data-testid={id}
      >
        <span className="gallery-card-title" id={`${id}-title`}>
          {entry.title}
        </span>
        <Description text={entry.description} id={`${id}-description`} />
      </button>
    </li>
  );
}

export default function GalleryDialog({ onClosed }: { onClosed: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const filter = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const sections = useMemo(() => filterGallery(GALLERY, query), [query]);
  const choose = useChooseEntry();

  useEffect(() => {
    const d = dialog.current!;
    d.showModal();
    filter.current!.focus();
    d.addEventListener('close', onClosed);
    return () => d.removeEventListener('close', onClosed);
  }, [onClosed]);

  const pick = (value: string) => {
    dialog.current!.close();
    void choose(value);
  };
  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = sections[0]?.entries[0];
    if (event.key !== 'Enter' || !first) return;
    event.preventDefault();
    pick(first.value);
  };

  return (
    <dialog ref={dialog} className="app-dialog gallery-dialog" aria-labelledby="gallery-title" data-testid="gallery">
      <div className="gallery-head">
        <h2 id="gallery-title">Examples and lessons</h2>
        <input
          ref={filter}
          // Not type="search": there Escape clears the field, and the dialog should close.
          type="text"
          className="gallery-filter"
          aria-label="Filter examples and lessons"
          placeholder="Filter: egress, namespace, port…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onFilterKey}
          data-testid="gallery-filter"
        />
        <form method="dialog">
          <button className="button">Close</button>
        </form>
      </div>
      <p className="muted gallery-note">Opening one replaces the editor’s text; your work is kept as a restore point.</p>
      {sections.map((section) => (
        <section key={section.heading} className="gallery-section" aria-label={section.heading}>
          <h3>{section.heading}</h3>
          {section.note && <p className="muted gallery-section-note">{section.note}</p>}
          <ul className="gallery-cards">
            {section.entries.map((entry) => (
              <Card key={entry.value} entry={entry} onChoose={() => pick(entry.value)} />
            ))}
          </ul>
        </section>
      ))}
      {sections.length === 0 && <p data-testid="gallery-empty">No example or lesson matches “{query}”.</p>}
    </dialog>
  );
}
