/**
 * The toolbar's "Export" menu: the NetworkPolicies (first: what "export" means here) or everything
 * in the editor, kubectl-ready, as a file or on the clipboard; the policies also as a zip for a
 * repository. Below the button, the status of the last export.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ExportScope } from '../../model/write';
import type { Delivery } from './request';
import { useExport } from './ExportContext';
import './export.css';

interface Item {
  readonly scope: ExportScope;
  readonly delivery: Delivery;
  readonly label: string;
  readonly detail: string;
  readonly testId: string;
}

const POLICIES: ExportScope = { kind: 'policies' };
const EVERYTHING: ExportScope = { kind: 'everything' };

const GROUPS: readonly { readonly title: string; readonly items: readonly Item[] }[] = [
  {
    title: 'NetworkPolicies',
    items: [
      {
        scope: POLICIES,
        delivery: 'download',
        label: 'Download .yaml',
        detail: 'one file, ready for kubectl apply -f',
        testId: 'export-policies-download',
      },
      {
        scope: POLICIES,
        delivery: 'copy',
        label: 'Copy',
        detail: 'the same YAML, to the clipboard',
        testId: 'export-policies-copy',
      },
      {
        scope: POLICIES,
        delivery: 'zip',
        label: 'Download .zip',
        detail: 'a file per policy and a kustomization.yaml',
        testId: 'export-policies-zip',
      },
    ],
  },
  {
    title: 'Everything in the editor',
    items: [
      {
        scope: EVERYTHING,
        delivery: 'download',
        label: 'Download .yaml',
        detail: 'workloads and namespaces too',
        testId: 'export-everything-download',
      },
      {
        scope: EVERYTHING,
        delivery: 'copy',
        label: 'Copy',
        detail: 'to the clipboard',
        testId: 'export-everything-copy',
      },
    ],
  },
];

export function ExportMenu() {
  const { start, preload, status } = useExport();
  const popupId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

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
    if (!open) preload();
    setOpen(!open);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Handled here, so the app's Escape (clear the selection) does not run too.
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  };
  const choose = (item: Item) => {
    setOpen(false);
    start({ scope: item.scope, delivery: item.delivery });
  };

  return (
    <div className="export-menu" ref={container} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={popupId}
        onClick={toggle}
        data-testid="export-button"
      >
        Export ▾
      </button>
      {open && (
        <div
          id={popupId}
          className="export-menu-popup"
          role="group"
          aria-label="Export YAML"
          data-testid="export-menu"
        >
          {GROUPS.map((group) => (
            <div key={group.title} className="export-menu-group" role="group" aria-label={group.title}>
              <p className="export-menu-title">{group.title}</p>
              {group.items.map((item) => (
                <button
                  key={item.testId}
                  type="button"
                  className="export-menu-item"
                  onClick={() => choose(item)}
                  data-testid={item.testId}
                >
                  <span className="export-menu-label">{item.label}</span>
                  <span className="export-menu-detail">{item.detail}</span>
                </button>
              ))}
            </div>
          ))}
          <p className="export-menu-note">
            Namespaces are written out, comments kept; NetworkPolicies are checked against the Kubernetes
            schema first.
          </p>
        </div>
      )}
      {status && !open && (
        <p className={`export-status export-status-${status.tone}`} role="status" data-testid="export-status">
          {status.message}
        </p>
      )}
    </div>
  );
}
