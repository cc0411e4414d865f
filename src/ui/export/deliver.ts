/** The export's effects: hand a file to the browser's downloads, or text to the clipboard. */
import { saveFile } from '../app/saveFile';
import type { ExportOutput } from './prepare';

export async function deliver(output: ExportOutput, copy: boolean): Promise<void> {
  if (copy) await navigator.clipboard.writeText(output.data as string);
  else saveFile(new Blob([output.data as BlobPart], { type: output.mediaType }), output.fileName);
}
