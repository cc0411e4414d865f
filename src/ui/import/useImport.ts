/**
 * The import flow shared by the toolbar's picker and the page's drop zone: files offered → read
 * and screened → a pending import the user settles (replace, add, or nothing).
 */
import { useCallback, useState } from 'react';
import { useAppStoreApi } from '../../store/react';
import { prepareImport, type PendingImport } from './pending';
import type { ImportMode } from './plan';
import { readFiles } from './readFiles';

export interface ImportFlow {
  readonly pending: PendingImport | null;
  /** Reads and screens `files`, then waits for `choose` or `dismiss`. */
  offer(files: readonly File[]): Promise<void>;
  choose(mode: ImportMode): void;
  dismiss(): void;
}

export function useImport(): ImportFlow {
  const store = useAppStoreApi();
  const [pending, setPending] = useState<PendingImport | null>(null);

  const offer = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const screened = await readFiles(files);
      setPending(prepareImport(store.getState().readText(), screened));
    },
    [store],
  );

  const choose = useCallback(
    (mode: ImportMode) => {
      const plan = pending?.plans?.[mode];
      if (!plan || !('text' in plan)) return;
      const { actions } = store.getState();
      // Replacing opens other work (fresh layout, no selection) and keeps the replaced work as a
      // restore point; the editor's undo history has it too. Adding keeps the picture and places
      // the new workloads.
      if (mode === 'replace') actions.replaceText(plan.text, 'file');
      else actions.setText(plan.text);
      setPending(null);
    },
    [pending, store],
  );

  const dismiss = useCallback(() => setPending(null), []);
  return { pending, offer, choose, dismiss };
}
