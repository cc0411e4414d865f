/** The main thread's side of the export worker (export.worker.ts): one worker, started on first use. */
import type { PreparedExport } from './prepare';
import type { ExportRequest } from './request';

export interface ExportAsk {
  readonly id: number;
  readonly text: string;
  readonly request: ExportRequest;
}

export interface ExportReply {
  readonly id: number;
  readonly prepared?: PreparedExport;
  readonly error?: string;
}

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<
  number,
  { resolve: (prepared: PreparedExport) => void; reject: (error: Error) => void }
>();

function exportWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }: MessageEvent<ExportReply>) => {
    const ask = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.prepared) ask?.resolve(data.prepared);
    else ask?.reject(new Error(data.error ?? 'no answer'));
  };
  worker.onerror = (event) => {
    // The worker could not start (or threw outside a request): fail what waits, start afresh next time.
    for (const ask of waiting.values()) ask.reject(new Error(event.message || 'the export worker failed'));
    waiting.clear();
    worker?.terminate();
    worker = undefined;
  };
  return worker;
}

/** Starts the worker ahead of a request, so its code is loaded when the user picks an export. */
export function warmExportWorker(): void {
  exportWorker();
}

/** `prepareExport` (prepare.ts), run in the worker. */
export function prepareInWorker(text: string, request: ExportRequest): Promise<PreparedExport> {
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    exportWorker().postMessage({ id, text, request } satisfies ExportAsk);
  });
}
