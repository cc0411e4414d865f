/** The header: the gallery of examples and lessons, file in and out, and the main commands with their shortcuts. */
import type { ReactNode } from 'react';
import { useActions, useAppState } from '../../store/react';
import { useActionManager } from '../commands/context';
import { OpenFiles } from '../import/OpenFiles';
import { DiagramMenu } from '../diagram/DiagramMenu';
import { ExportMenu } from '../export/ExportMenu';
import { RestorePoints } from '../keep/RestorePoints';
import { SaveStatus } from '../keep/SaveStatus';
import { ShareButton } from '../keep/ShareButton';
import { SearchButton } from '../search/SearchButton';
import { Gallery } from '../gallery/Gallery';

/**
 * A named command as a button. With an `icon`, the button shows it and keeps `children` as its
 * accessible name: the toolbar holds a dozen controls on a 1280-pixel projector.
 */
function CommandButton({ name, children, icon, pressed }: { name: string; children: string; icon?: ReactNode; pressed?: boolean }) {
  const manager = useActionManager();
  const action = manager.list().find((a) => a.name === name)!;
  return (
    <button
      type="button"
      className={icon ? 'button button-icon' : 'button'}
      title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
      aria-label={icon ? children : undefined}
      aria-keyshortcuts={action.shortcut}
      aria-pressed={pressed}
      onClick={() => manager.execute(name)}
    >
      {icon ?? children}
    </button>
  );
}

/** A projection screen on its stand: presentation mode (no symbol font has one everywhere). */
function ScreenIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" className="toolbar-icon">
      <rect x="1.5" y="2" width="15" height="10" rx="1" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M9 12v4M5.5 16h7" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

export function Toolbar() {
  const actions = useActions();
  const presentation = useAppState((s) => s.view.presentation);

  return (
    <header className="toolbar">
      <div className="app-title-block">
        <h1 className="app-title">Netpol Canvas</h1>
        <SaveStatus />
      </div>
      <Gallery />
      <button type="button" className="button" onClick={() => actions.replaceText('', 'new')} data-testid="new-button">
        New
      </button>
      <OpenFiles />
      <ExportMenu />
      <DiagramMenu />
      <ShareButton />
      <RestorePoints />
      <span className="toolbar-spacer" />
      <SearchButton />
      <CommandButton name="fitView">Fit</CommandButton>
      <CommandButton name="relayout">Re-layout</CommandButton>
      <CommandButton name="togglePresentation" pressed={presentation} icon={<ScreenIcon />}>
        Presentation mode
      </CommandButton>
      <CommandButton name="toggleTheme" icon="◐">
        Theme
      </CommandButton>
      <CommandButton name="toggleHelp" icon="?">
        Shortcuts
      </CommandButton>
    </header>
  );
}
