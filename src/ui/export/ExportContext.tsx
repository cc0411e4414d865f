/**
 * Runs exports for every place that starts one (the toolbar menu, a policy in the node panel, the
 * editor's context menu) and holds what they show: the problems that block an export, and a
 * status line. The export itself (prepare.ts) runs in a worker started on first use.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useAppStoreApi } from '../../store/react';
import { selectCursorPolicy } from '../../store/selectors';
import type { PreparedExport } from './prepare';
import type { ExportRequest } from './request';
import { deliver } from './deliver';
import { registerEditorExportActions } from './editorActions';
import { prepareInWorker, warmExportWorker } from './exportWorker';
import { deliveredSentence, exportedWhat, failedSentence, noPolicyAtCursor, scopeOfPolicy, nothingSentence } from './words';

/** An export that found problems, and the text revision it read. */
export interface BlockedExport {
  readonly prepared: PreparedExport;
  readonly revision: number;
}

export interface ExportStatus {
  readonly tone: 'working' | 'done' | 'failed';
  readonly message: string;
}

interface ExportApi {
  readonly start: (request: ExportRequest) => void;
  /** Loads the export code ahead of a click (the menu opening). */
  readonly preload: () => void;
  readonly blocked: BlockedExport | null;
  /** Delivers the blocked export as it is. */
  readonly exportAnyway: () => void;
  readonly dismiss: () => void;
  readonly status: ExportStatus | null;
}

const ExportContext = createContext<ExportApi | null>(null);

export function useExport(): ExportApi {
  const api = useContext(ExportContext);
  if (!api) throw new Error('useExport outside <ExportProvider>');
  return api;
}

/** How long a status line stays. */
const STATUS_MS = 8000;

export function ExportProvider({ children }: { children: ReactNode }) {
  const store = useAppStoreApi();
  const [blocked, setBlocked] = useState<BlockedExport | null>(null);
  const [status, setStatus] = useState<ExportStatus | null>(null);

  const hand = useCallback(async ({ request, output, count, clusterCount, expectationsCount }: PreparedExport) => {
    try {
      await deliver(output, request.delivery === 'copy');
      const what = exportedWhat(request.scope, count, clusterCount);
      setStatus({ tone: 'done', message: deliveredSentence(request.delivery, what, output.fileName, expectationsCount) });
    } catch (error) {
      setStatus({ tone: 'failed', message: failedSentence(error) });
    }
  }, []);

  const start = useCallback(
    async (request: ExportRequest) => {
      const { readText, revision } = store.getState();
      setStatus({ tone: 'working', message: 'Exporting…' });
      try {
        const prepared = await prepareInWorker(readText(), request);
        if (prepared.problems.length > 0) {
          setStatus(null);
          setBlocked({ prepared, revision });
        } else if (prepared.count === 0) {
          setStatus({ tone: 'failed', message: nothingSentence(request.scope) });
        } else {
          await hand(prepared);
        }
      } catch (error) {
        setStatus({ tone: 'failed', message: failedSentence(error) });
      }
    },
    [store, hand],
  );

  useEffect(
    () =>
      registerEditorExportActions((delivery) => {
        const policy = selectCursorPolicy(store.getState());
        if (!policy) setStatus({ tone: 'failed', message: noPolicyAtCursor });
        else
          void start({
            scope: scopeOfPolicy(policy.ref),
            delivery,
          });
      }),
    [store, start],
  );

  useEffect(() => {
    if (!status || status.tone === 'working') return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const api = useMemo<ExportApi>(
    () => ({
      start: (request) => void start(request),
      preload: warmExportWorker,
      blocked,
      exportAnyway: () => {
        if (blocked) void hand(blocked.prepared);
        setBlocked(null);
      },
      dismiss: () => setBlocked(null),
      status,
    }),
    [start, hand, blocked, status],
  );
  return <ExportContext.Provider value={api}>{children}</ExportContext.Provider>;
}
