/**
 * A toolbar button that opens a popup of choices below it, as menus do: a press elsewhere or
 * Escape closes it, and Escape then gives the focus back to the button (handled here, so the
 * app's Escape, which clears the selection, does not run too). Items are `MenuItem`s.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface ToolbarMenuProps {
  readonly label: string;
  readonly buttonTestId: string;
  /** The popup's accessible name and test id. */
  readonly popupLabel: string;
  readonly popupTestId: string;
  /** Runs as the menu opens (measure, preload). */
  readonly onOpen?: () => void;
  /** The popup's content; `close` closes it. */
  readonly children: (close: () => void) => ReactNode;
  /** Shown below the button while the menu is closed (a status line). */
  readonly closedNote?: ReactNode;
}

export function ToolbarMenu({ label, buttonTestId, popupLabel, popupTestId, onOpen, children, closedNote }: ToolbarMenuProps) {
  const popupId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const toggle = () => {
    if (!open) onOpen?.();
    setOpen(!open);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="toolbar-menu" ref={container} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={popupId}
        onClick={toggle}
        data-testid={buttonTestId}
      >
        {label} ▾
      </button>
      {open && (
        <div id={popupId} className="toolbar-menu-popup" role="group" aria-label={popupLabel} data-testid={popupTestId}>
          {children(() => setOpen(false))}
        </div>
      )}
      {!open && closedNote}
    </div>
  );
}

/** One choice of a toolbar menu: what it does, and a line on what it gives. */
export function MenuItem({ label, detail, testId, disabled, onChoose }: {
  readonly label: string;
  readonly detail: string;
  readonly testId: string;
  readonly disabled?: boolean;
  readonly onChoose: () => void;
}) {
  return (
    <button type="button" className="toolbar-menu-item" disabled={disabled} onClick={onChoose} data-testid={testId}>
      <span className="toolbar-menu-label">{label}</span>
      <span className="toolbar-menu-detail">{detail}</span>
    </button>
  );
}
