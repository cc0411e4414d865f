/** The toolbar's "Open files…": a picker for one or many files, then the import dialog. */
import { useRef, type ChangeEvent } from 'react';
import { LazyImportDialog } from './LazyImportDialog';
import { useImport } from './useImport';
import './import.css';

export function OpenFiles() {
  const input = useRef<HTMLInputElement>(null);
  const { pending, offer, choose, dismiss } = useImport();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared, so picking the same file again is a change too.
    event.target.value = '';
    void offer(files);
  };
  return (
    <>
      <button
        type="button"
        className="button"
        title="Open YAML or JSON files (or drop them anywhere on the page)"
        onClick={() => input.current?.click()}
      >
        Open files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".yaml,.yml,.json,text/yaml,application/json"
        hidden
        onChange={onChange}
        aria-label="Open YAML or JSON files"
        data-testid="open-files-input"
      />
      {pending && <LazyImportDialog pending={pending} onChoose={choose} onClose={dismiss} />}
    </>
  );
}
