/**
 * A cluster-wide policy as plain data to compare: what it means, not where it is written. Two
 * policies with equal shapes are evaluated alike, whatever their kind or version.
 */
import type { ClusterPolicyResource } from '../types';

export type PolicyShape = { readonly [field: string]: unknown };

/**
 * `policy` without its kind and source locations, addresses as text (their bigints as decimal
 * strings), and a port range of one port as that port (v1alpha1's `portRange` 80-80 means port 80).
 */
export function clusterPolicyShape(policy: ClusterPolicyResource): PolicyShape {
  const { kind: _kind, location: _location, nameLocation: _name, ...meaning } = policy;
  return JSON.parse(
    JSON.stringify(meaning, (key, value: unknown) => {
      if (key === 'location') return undefined;
      if (typeof value === 'bigint') return value.toString();
      if (isSinglePortRange(value)) {
        const { endPort: _end, ...port } = value;
        return port;
      }
      return value;
    }),
  ) as PolicyShape;
}

function isSinglePortRange(value: unknown): value is { readonly port: number; readonly endPort: number } {
  if (typeof value !== 'object' || value === null) return false;
  const port = value as { kind?: unknown; port?: unknown; endPort?: unknown };
  return port.kind === 'number' && port.endPort !== undefined && port.endPort === port.port;
}
