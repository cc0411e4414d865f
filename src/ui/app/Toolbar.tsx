/** The header: examples, file in and out, and the main commands with their shortcuts. */
import { useRef, type ChangeEvent } from 'react';
import { useActions, useAppStoreApi } from '../../store/react';
import { useActionManager } from '../commands/context';
import { EXAMPLES, exampleText } from './examples';

function CommandButton({ name, children }: { name: string; children: string }) {
  const manager = useActionManager();
  const action = manager.list().find((a) => a.name === name)!;
  return (
    <button
      type="button"
      className="button"
      title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
      aria-keyshortcuts={action.shortcut}
      onClick={() => manager.execute(name)}
    >
      {children}
    </button>
  );
}

export function Toolbar() {
  const actions = useActions();
  const store = useAppStoreApi();
  const fileInput = useRef<HTMLInputElement>(null);

  const onExample = async (event: ChangeEvent<HTMLSelectElement>) => {
    const id = event.target.value;
    event.target.value = '';
    actions.load(await exampleText(id));
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) actions.load(await file.text());
    event.target.value = '';
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([store.getState().readText()], { type: 'application/yaml' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'network-policies.yaml' });
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <header className="toolbar">
      <h1 className="app-title">Netpol Canvas</h1>
      <label className="toolbar-field">
        <span className="visually-hidden">Load an example</span>
        <select onChange={onExample} defaultValue="" data-testid="example-select">
          <option value="" disabled>
            Load an example…
          </option>
          {EXAMPLES.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={() => fileInput.current?.click()}>
        Open file…
      </button>
      <input ref={fileInput} type="file" accept=".yaml,.yml,.json,text/yaml" hidden onChange={onFile} aria-label="Open a YAML file" />
      <button type="button" className="button" onClick={download}>
        Download YAML
      </button>
      <span className="toolbar-spacer" />
      <CommandButton name="fitView">Fit</CommandButton>
      <CommandButton name="relayout">Re-layout</CommandButton>
      <CommandButton name="toggleTheme">Theme</CommandButton>
      <CommandButton name="toggleHelp">Shortcuts</CommandButton>
    </header>
  );
}
