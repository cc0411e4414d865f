/** What the user asked to export, and how it is handed over. */
import type { ExportScope } from '../../model/write';

/** A `.yaml` file, the clipboard, or a zip of one file per policy with a kustomization. */
export type Delivery = 'download' | 'copy' | 'zip';

export interface ExportRequest {
  readonly scope: ExportScope;
  readonly delivery: Delivery;
}
