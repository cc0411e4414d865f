/**
 * Analyses for the graph layer's unit tests, made by the model and the engine from YAML: the
 * classic example (fixtures/classic/nginx.yaml: nginx isolated for ingress, TCP 80 from everyone;
 * the clients open), and a policy whose ipBlocks carve the outside world into ranges.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../engine';
import type { Analysis, EndpointId } from '../../engine/types';
import { parseManifests } from '../../model';

const CLASSIC = readFileSync(new URL('../../../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');
/** The app's cluster-wide example: Admin Deny, Pass and Accept, a Baseline default deny, one NetworkPolicy. */
export const GUARDRAILS = readFileSync(new URL('../../../public/examples/cluster-guardrails.yaml', import.meta.url), 'utf8');

export const NGINX = 'default/nginx-pod-with-label[Pod]' as EndpointId;
export const CLIENT = 'default/client[Pod]' as EndpointId;
/** The client in the other namespace, team-b (labelled team=b). */
export const OTHER = 'team-b/other-client[Pod]' as EndpointId;
export const ANY_V4 = '0.0.0.0-255.255.255.255' as EndpointId;

function analysisOf(text: string): Analysis {
  const { resources, diagnostics } = parseManifests([{ file: 'test.yaml', text }]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`test graph YAML has errors: ${errors.map((d) => d.message).join('; ')}`);
  return analyze(resources);
}

/** The classic example: nginx accepts TCP 80 from all; client, other-client and the outside talk freely otherwise. */
export function defaultGraph(): Analysis {
  return analysisOf(CLASSIC);
}

/** Workloads of the guardrails example (GUARDRAILS). */
export const LEDGER = 'payments/ledger[Deployment]' as EndpointId;
export const SHOP = 'tenant-b/shop[Deployment]' as EndpointId;
export const WEB_A = 'tenant-a/web[Deployment]' as EndpointId;
export const PROMETHEUS = 'monitoring/prometheus[Deployment]' as EndpointId;
export const COREDNS = 'kube-system/coredns[Deployment]' as EndpointId;

/** The guardrails example: protect-payments (Admin 10), tenants-decide (20), platform-only (30), default-deny (Baseline). */
export function guardrailsGraph(): Analysis {
  return analysisOf(GUARDRAILS);
}

/** Ranges 0.0.0.0–9.255.255.255 and 11.0.0.0–255.255.255.255 reach web on TCP 443 (one node); 10.0.0.0/8 on TCP 22. */
export const WEB = 'default/web[Pod]' as EndpointId;

/** Three outside ranges: two the graph must merge (same connectivity), one it must not. */
export function carvedExternals(): Analysis {
  return analysisOf(`apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default, labels: {app: web}}
spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
      ports: [{port: 443}]
    - from: [{ipBlock: {cidr: 10.0.0.0/8}}]
      ports: [{port: 22}]
`);
}
