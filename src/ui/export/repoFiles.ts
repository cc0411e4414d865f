/**
 * Policies as a folder for a repository: `<namespace>/<name>.yaml` each, cluster-wide ones (which
 * have no namespace) as `cluster/<kind>-<name>.yaml`, and a kustomization listing them.
 */
import { kustomizationText, type ExportedObject } from '../../model/write';

export interface RepoFile {
  readonly path: string;
  readonly text: string;
}

export function repoFiles(policies: readonly ExportedObject[]): RepoFile[] {
  const used = new Set<string>();
  const files = policies.map((policy) => {
    const name = segment(policy.name ?? 'unnamed');
    const base =
      policy.namespace === undefined
        ? `cluster/${segment((policy.kind ?? 'object').toLowerCase())}-${name}`
        : `${segment(policy.namespace)}/${name}`;
    // Two policies with one identity (the export warned) still get a file each.
    let path = `${base}.yaml`;
    for (let n = 2; used.has(path); n++) path = `${base}-${n}.yaml`;
    used.add(path);
    return { path, text: policy.text };
  });
  return [...files, { path: 'kustomization.yaml', text: kustomizationText(files.map((f) => f.path)) }];
}

/**
 * A name as one path segment. Valid Kubernetes names pass unchanged; an invalid one exported
 * anyway (`../x`, `a/b`) cannot leave its folder or make one.
 */
function segment(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^\.*$/.test(safe) ? `_${safe}` : safe;
}
