/**
 * Synthetic microservice clusters for benchmarks: namespaces of ~20 workloads, each namespace with
 * a default-deny for both directions, DNS egress to kube-system, and per-workload allow policies
 * (pod + namespace selectors, named and ranged ports); some workloads reach external ipBlocks.
 * Deterministic: the same size always gives the same YAML.
 */

const WORKLOADS_PER_NAMESPACE = 20;

/** Small seeded PRNG (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Workload {
  readonly namespace: string;
  readonly name: string;
  readonly tier: string;
}

function namespaceYaml(name: string, team: string): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    team: ${team}
`;
}

function deploymentYaml(w: Workload): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${w.name}
  namespace: ${w.namespace}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${w.name}
  template:
    metadata:
      labels:
        app: ${w.name}
        tier: ${w.tier}
    spec:
      containers:
        - name: main
          image: example/${w.name}:1.0
          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
            - name: grpc
              containerPort: 50051
`;
}

function defaultDenyYaml(namespace: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: ${namespace}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;
}

function dnsEgressYaml(namespace: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
  namespace: ${namespace}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
`;
}

/** `from`/`to` entries naming each caller by namespace AND pod labels. */
function peerList(workloads: readonly Workload[]): string {
  return workloads
    .map(
      (w) => `        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ${w.namespace}
          podSelector:
            matchLabels:
              app: ${w.name}`,
    )
    .join('\n');
}

function allowYaml(w: Workload, callers: readonly Workload[], external: boolean): string {
  const peers = peerList(callers);
  const externalEgress = external
    ? `
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]
      ports:
        - port: 443`
    : '';
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-${w.name}
  namespace: ${w.namespace}
spec:
  podSelector:
    matchLabels:
      app: ${w.name}
  ingress:
    - from:
${peers}
      ports:
        - port: http
        - port: 9000
          endPort: 9100
    - from:
        - podSelector:
            matchExpressions:
              - key: tier
                operator: In
                values: [monitoring]
      ports:
        - port: metrics
  egress:
    - to:
${peers}
      ports:
        - port: grpc
        - protocol: TCP
          port: 8080${externalEgress}
`;
}

/** A cluster of about `size` workloads (plus kube-dns), as one multi-document YAML text. */
export function generateCluster(size: number, seed = 42): string {
  const next = random(seed);
  const namespaceCount = Math.max(1, Math.round(size / WORKLOADS_PER_NAMESPACE));
  const tiers = ['web', 'api', 'data', 'monitoring'];
  const workloads: Workload[] = Array.from({ length: size }, (_, i) => ({
    namespace: `team-${i % namespaceCount}`,
    name: `svc-${i}`,
    tier: tiers[Math.floor(next() * tiers.length)]!,
  }));
  const docs: string[] = [namespaceYaml('kube-system', 'platform')];
  docs.push(
    deploymentYaml({ namespace: 'kube-system', name: 'coredns', tier: 'infra' }).replace(
      /app: coredns\n        tier/,
      'app: coredns\n        k8s-app: kube-dns\n        tier',
    ),
  );
  for (let n = 0; n < namespaceCount; n++) {
    docs.push(namespaceYaml(`team-${n}`, `team-${n % 7}`), defaultDenyYaml(`team-${n}`), dnsEgressYaml(`team-${n}`));
  }
  for (const w of workloads) {
    const callers = Array.from({ length: 3 }, () => workloads[Math.floor(next() * workloads.length)]!);
    docs.push(deploymentYaml(w), allowYaml(w, callers, next() < 0.1));
  }
  return docs.join('---\n');
}
