/// <reference lib="webworker" />
/** Entry of the evaluation Web Worker: one session, serving the main thread. */
import { serveSession } from './sessionHost';

serveSession(self as unknown as DedicatedWorkerGlobalScope & Parameters<typeof serveSession>[0]);
