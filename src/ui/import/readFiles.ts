/** Reads picked or dropped files and screens each: the text of those that may be imported. */
import { screenFileSize, screenFileText, type ScreenedFile } from './screen';

/** Reads `files` in order; a file too large to fit is refused without being read. */
export function readFiles(files: readonly File[]): Promise<ScreenedFile[]> {
  return Promise.all(files.map(readOne));
}

async function readOne(file: File): Promise<ScreenedFile> {
  const early = screenFileSize(file.size);
  if (early) return { name: file.name, refusal: early };
  let text: string;
  try {
    text = await file.text();
  } catch {
    // A dropped folder arrives as a File whose reading fails.
    return { name: file.name, refusal: { kind: 'unreadable' } };
  }
  const refusal = screenFileText(file.name, text);
  return refusal ? { name: file.name, refusal } : { name: file.name, text };
}
