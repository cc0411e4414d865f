/// <reference lib="webworker" />
/**
 * Entry of the lesson Web Worker: reads one lesson file and answers its predictions, then the
 * page ends it. A worker of its own keeps the YAML parser and the analyser out of the page's
 * scripts (a module loaded on demand would share chunks with the page, and come with its first
 * load); the evaluation worker stays busy with the student's text.
 */
import { readLessonFile } from './readLessonFile';

self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage(readLessonFile(event.data));
};
