/**
 * Policies as a folder for a repository: `<namespace>/<name>.yaml` each, cluster-wide ones (which
 * have no namespace) as `cluster/<kind>-<name>.yaml`, and a kustomization listing them. Expectation
 * documents go to `checks/<name>.yaml`, for `netpol-canvas check` in CI, and stay out of the
 * kustomization: kubectl has no such kind.
 */
import { isExpectations, kustomizationText, type ExportedObject } from '../../model/write';

export interface RepoFile {
  readonly path: string;
  readonly text: string;
}

export function repoFiles(objects: readonly ExportedObject[]): RepoFile[] {
  const used = new Set<string>();
  const fileOf = (object: ExportedObject): RepoFile => {
    const name = segment(object.name ?? 'unnamed');
    const base = isExpectations(object)
      ? `checks/${name}`
      : object.namespace === undefined
        ? `cluster/${segment((object.kind ?? 'object').toLowerCase())}-${name}`
        : `${segment(object.namespace)}/${name}`;
    // Two objects with one identity (the export warned) still get a file each.
    let path = `${base}.yaml`;
    for (let n = 2; used.has(path); n++) path = `${base}-${n}.yaml`;
    used.add(path);
    return { path, text: object.text };
  };
  const policies = objects.filter((o) => !isExpectations(o)).map(fileOf);
  const checks = objects.filter(isExpectations).map(fileOf);
  return [...policies, { path: 'kustomization.yaml', text: kustomizationText(policies.map((f) => f.path)) }, ...checks];
}

/**
 * A name as one path segment. Valid Kubernetes names pass unchanged; an invalid one exported
 * anyway (`../x`, `a/b`) cannot leave its folder or make one.
 */
function segment(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^\.*$/.test(safe) ? `_${safe}` : safe;
}
