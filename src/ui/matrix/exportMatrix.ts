/**
 * The truth table as a download, written by the engine's renderer (the CLI's `--format matrix`
 * and `matrix-csv`, line for line). Two thousand endpoints are four million cells: the lines are
 * made in slices between which the page stays responsive, and handed to the Blob as parts.
 */
import { matrixCsv, matrixMarkdown, type TruthTable } from '../../engine';
import { saveFile } from '../app/saveFile';
import { matrixFileName } from './traffic';

export type MatrixFileFormat = 'md' | 'csv';

/** How long one slice of lines may take before the page gets a turn. */
const SLICE_MS = 30;

const TYPES: Readonly<Record<MatrixFileFormat, string>> = { md: 'text/markdown', csv: 'text/csv' };

export async function exportMatrix(table: TruthTable, format: MatrixFileFormat): Promise<void> {
  const lines = format === 'md' ? matrixMarkdown(table) : matrixCsv(table);
  const parts: string[] = [];
  let sliceStart = performance.now();
  for (const line of lines) {
    parts.push(line, '\n');
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve));
      sliceStart = performance.now();
    }
  }
  saveFile(new Blob(parts, { type: `${TYPES[format]};charset=utf-8` }), matrixFileName(table.query, format));
}
