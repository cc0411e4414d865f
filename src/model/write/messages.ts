/** The sentences of the export's own problems (schema problems are worded by the caller's checker). */
export const exportSays = {
  unreadable: (reason: string): string =>
    `kubectl could not read this document, so it is left out of the export: ${reason}`,
  missingName: (kind: string): string =>
    `metadata.name: required — kubectl cannot apply a ${kind} without a name`,
  duplicate: (kind: string, id: string): string =>
    `a second ${kind} ${id}: the graph shows the first one, but kubectl apply would leave this one in place of it`,
};
