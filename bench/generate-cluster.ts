/**
 * Synthetic microservice clusters for benchmarks: namespaces of ~20 workloads, each namespace with
 * a default-deny for both directions, DNS egress to kube-system, and per-workload allow policies
 * (pod + namespace selectors, named and ranged ports); some workloads reach external ipBlocks.
 * With `guardrails`, cluster-wide policies in both tiers on top (see guardrailsYaml).
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

/**
 * A platform team's ClusterNetworkPolicies over every namespace: an Admin Accept-then-Deny around
 * team-0, an Admin Accept of metrics from monitoring pods (a named port), an Admin Pass between the
 * namespaces of one team, an Admin Deny of SMTP egress to pods and the whole IPv4 space, and a
 * Baseline default deny of ingress from pods outside kube-system.
 */
function guardrailsYaml(): string {
  const cnp = (name: string, tier: string, priority: number, subject: string, rules: string) => `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: ${name}
spec:
  tier: ${tier}
  priority: ${priority}
  subject:
${subject}
${rules}`;
  const everyNamespace = '    namespaces: {}';
  return [
    cnp(
      'protect-team-0',
      'Admin',
      10,
      '    namespaces:\n      matchLabels:\n        kubernetes.io/metadata.name: team-0',
      `  ingress:
    - action: Accept
      from:
        - namespaces:
            matchLabels:
              kubernetes.io/metadata.name: team-0
    - action: Deny
      from:
        - namespaces: {}
`,
    ),
    cnp(
      'metrics',
      'Admin',
      20,
      everyNamespace,
      `  ingress:
    - action: Accept
      from:
        - pods:
            namespaceSelector: {}
            podSelector:
              matchLabels:
                tier: monitoring
      protocols:
        - destinationNamedPort: metrics
`,
    ),
    cnp(
      'same-team',
      'Admin',
      30,
      '    namespaces:\n      matchLabels:\n        team: team-1',
      `  ingress:
    - action: Pass
      from:
        - namespaces:
            matchLabels:
              team: team-1
`,
    ),
    cnp(
      'no-smtp',
      'Admin',
      40,
      everyNamespace,
      `  egress:
    - action: Deny
      to:
        - namespaces: {}
        - networks: [0.0.0.0/0]
      protocols:
        - tcp:
            destinationPort:
              number: 25
`,
    ),
    cnp(
      'default-deny',
      'Baseline',
      10,
      '    namespaces:\n      matchExpressions:\n        - {key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system]}',
      `  ingress:
    - action: Deny
      from:
        - namespaces: {}
`,
    ),
  ].join('---\n');
}

/**
 * A cluster of about `size` workloads (plus kube-dns), as one multi-document YAML text; with
 * `guardrails`, the cluster-wide policies of guardrailsYaml too.
 */
export function generateCluster(size: number, seed = 42, { guardrails = false } = {}): string {
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
  if (guardrails) docs.push(guardrailsYaml());
  return docs.join('---\n');
}
