/**
 * Which objects are read, by kind and apiVersion. A supported kind in a third-party API group
 * (Calico's `projectcalico.org/v3` NetworkPolicy, say) is a different resource and is ignored. In
 * one of Kubernetes' own groups at any other group/version (`extensions/v1beta1`, `apps/v1` for a
 * CronJob, `policy.networking.k8s.io/v1alpha1` for a ClusterNetworkPolicy), the API server has no
 * such resource, so it is rejected.
 */
import type { ClusterPolicyKind, WorkloadKind } from './types';
import { say } from './messages';

export type SupportedKind = WorkloadKind | 'Namespace' | 'NetworkPolicy' | ClusterPolicyKind | 'ConnectivityExpectations';

const API_VERSIONS: Readonly<Record<SupportedKind, string>> = {
  Namespace: 'v1',
  Pod: 'v1',
  ReplicationController: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  // network-policy-api: v0.2.0 serves only v1alpha2 ClusterNetworkPolicy; the v1alpha1 kinds it
  // replaced are served by the v0.1.x CRDs, which still run in clusters.
  ClusterNetworkPolicy: 'policy.networking.k8s.io/v1alpha2',
  AdminNetworkPolicy: 'policy.networking.k8s.io/v1alpha1',
  BaselineAdminNetworkPolicy: 'policy.networking.k8s.io/v1alpha1',
  // Ours: what should and should not talk, checked against the rest (model/expectations.ts).
  ConnectivityExpectations: 'netpol-canvas/v1alpha1',
};

export type KindDecision =
  | { readonly action: 'read'; readonly kind: SupportedKind }
  | { readonly action: 'ignore'; readonly message: string }
  | {
      readonly action: 'reject';
      readonly code: 'missing-api-version' | 'unsupported-api-version';
      readonly message: string;
    };

/** Whether to read, ignore (info) or reject (error) an object of this kind and apiVersion. */
export function decideKind(kind: string, apiVersion: string | undefined): KindDecision {
  if (!Object.hasOwn(API_VERSIONS, kind)) return { action: 'ignore', message: say.ignoredKind(kind) };
  const supported = kind as SupportedKind;
  const expected = API_VERSIONS[supported];
  if (apiVersion === undefined || apiVersion === '') {
    return { action: 'reject', code: 'missing-api-version', message: say.missingApiVersion(kind, expected) };
  }
  if (apiVersion === expected) return { action: 'read', kind: supported };
  if (isKubernetesGroup(groupOf(apiVersion))) {
    return {
      action: 'reject',
      code: 'unsupported-api-version',
      message: say.notServed(kind, apiVersion, expected),
    };
  }
  return { action: 'ignore', message: say.otherApi(kind, apiVersion, expected) };
}

/** Built-in groups have no dot (`apps`, `batch`, the core group ``) or end in `.k8s.io`. */
function isKubernetesGroup(group: string): boolean {
  return !group.includes('.') || group.endsWith('.k8s.io');
}

/** `apps` for `apps/v1`, `` (the core group) for `v1`. */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
