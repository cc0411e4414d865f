/// <reference lib="webworker" />
/**
 * Entry of the export's Web Worker. The export needs the `yaml` package, the schema validators
 * and fflate; the main thread's code reaches the model's parser (through the evaluation session's
 * imports), so a lazily imported module sharing them would be bundled into a chunk the first load
 * fetches. A worker is bundled on its own: nothing of it loads before the first export, and a
 * large export does not stop the editor.
 */
import { prepareExport } from './prepare';
import type { ExportReply, ExportAsk } from './exportWorker';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = ({ data }: MessageEvent<ExportAsk>) => {
  let reply: ExportReply;
  try {
    reply = { id: data.id, prepared: prepareExport(data.text, data.request) };
  } catch (error) {
    reply = { id: data.id, error: error instanceof Error ? error.message : String(error) };
  }
  const bytes = reply.prepared?.output.data;
  scope.postMessage(reply, bytes instanceof Uint8Array ? [bytes.buffer] : []);
};
