/** Hands a file to the browser's downloads (the one place that does: export, diagrams, share). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  // The download reads the URL after this task: revoking it at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A YAML text as a download. */
export function saveYaml(text: string, name = 'network-policies.yaml'): void {
  saveFile(new Blob([text], { type: 'application/yaml' }), name);
}
