/**
 * Lesson files, fetched and read once per page and shared by everything that shows the lesson
 * (the panel, the graph's cover): `useLessonFile(id)` re-renders when the file is ready.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { lessonFile } from './lessons';
import type { LessonFileRead, ReadyLesson } from './readLessonFile';

export type LessonFileState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly ready: ReadyLesson }
  | { readonly state: 'failed'; readonly problem: string };

const LOADING: LessonFileState = { state: 'loading' };
const files = new Map<string, LessonFileState>();
const listeners = new Set<() => void>();

function settle(id: string, state: LessonFileState): void {
  files.set(id, state);
  for (const listener of listeners) listener();
}

/** The lesson ready to teach, fetched and read now unless it was before (a failed load is tried again). */
export async function loadLesson(id: string): Promise<LessonFileState> {
  const known = files.get(id);
  if (known && known.state !== 'failed') return known.state === 'ready' ? known : waitFor(id);
  settle(id, LOADING);
  try {
    const read = await readInWorker(await lessonFile(id));
    settle(id, 'ready' in read ? { state: 'ready', ready: read.ready } : { state: 'failed', problem: read.problem });
  } catch (error) {
    settle(id, { state: 'failed', problem: error instanceof Error ? error.message : String(error) });
  }
  return files.get(id)!;
}

/** Reads a lesson file in a worker of its own (lesson.worker.ts), ended once it has answered. */
function readInWorker(text: string): Promise<LessonFileRead> {
  const worker = new Worker(new URL('./lesson.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<LessonFileRead>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LessonFileRead>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(`The lesson could not be read: ${event.message}`));
    worker.postMessage(text);
  }).finally(() => worker.terminate());
}

/** Resolves when a load already under way settles. */
function waitFor(id: string): Promise<LessonFileState> {
  return new Promise((resolve) => {
    const listener = () => {
      const state = files.get(id)!;
      if (state.state === 'loading') return;
      listeners.delete(listener);
      resolve(state);
    };
    listeners.add(listener);
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The lesson of `id` (loading it on first use); null outside lesson mode. */
export function useLessonFile(id: string | null): LessonFileState | null {
  const state = useSyncExternalStore(subscribe, () => (id === null ? null : (files.get(id) ?? null)));
  useEffect(() => {
    if (id !== null) void loadLesson(id);
  }, [id]);
  return id === null ? null : (state ?? LOADING);
}
