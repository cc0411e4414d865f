/** The header: examples, file in and out, and the main commands with their shortcuts. */
import type { ChangeEvent } from 'react';
import { useActions } from '../../store/react';
import { useActionManager } from '../commands/context';
import { OpenFiles } from '../import/OpenFiles';
import { DiagramMenu } from '../diagram/DiagramMenu';
import { ExportMenu } from '../export/ExportMenu';
import { EXAMPLES, exampleText } from './examples';
import { RestorePoints } from '../keep/RestorePoints';
import { SaveStatus } from '../keep/SaveStatus';
import { ShareButton } from '../keep/ShareButton';
import { SearchButton } from '../search/SearchButton';
import { LessonOptions, lessonChoice } from '../lessons/LessonOptions';
import { useOpenLesson } from '../lessons/useOpenLesson';

/**
 * A named command as a button. With an `icon`, the button shows it and keeps `children` as its
 * accessible name: the toolbar holds a dozen controls on a 1280-pixel projector.
 */
function CommandButton({ name, children, icon }: { name: string; children: string; icon?: string }) {
  const manager = useActionManager();
  const action = manager.list().find((a) => a.name === name)!;
  return (
    <button
      type="button"
      className={icon ? 'button button-icon' : 'button'}
      title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
      aria-label={icon ? children : undefined}
      aria-keyshortcuts={action.shortcut}
      onClick={() => manager.execute(name)}
    >
      {icon ?? children}
    </button>
  );
}

export function Toolbar() {
  const actions = useActions();
  const openLesson = useOpenLesson();

  const onExample = async (event: ChangeEvent<HTMLSelectElement>) => {
    const id = event.target.value;
    event.target.value = '';
    const lesson = lessonChoice(id);
    if (lesson !== undefined) return openLesson(lesson);
    actions.replaceText(await exampleText(id), 'example');
  };

  return (
    <header className="toolbar">
      <div className="app-title-block">
        <h1 className="app-title">Netpol Canvas</h1>
        <SaveStatus />
      </div>
      <label className="toolbar-field">
        <span className="visually-hidden">Load an example or a lesson</span>
        <select onChange={onExample} defaultValue="" data-testid="example-select">
          <option value="" disabled>
            Examples…
          </option>
          <optgroup label="Examples">
            {EXAMPLES.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </optgroup>
          <LessonOptions />
        </select>
      </label>
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
      <CommandButton name="toggleTheme" icon="◐">
        Theme
      </CommandButton>
      <CommandButton name="toggleHelp" icon="?">
        Shortcuts
      </CommandButton>
    </header>
  );
}
