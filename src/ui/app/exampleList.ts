/**
 * The examples of the gallery: ids, titles, descriptions and headings. Data only (no bundler
 * import), so Node tests and the e2e specs read the same list; examples.ts loads their texts. The
 * first is the editor's default content. Ids are public: share links and tests name examples by
 * them, so an example is renamed by its title only.
 */

/** The gallery's headings, in the order they are shown (the order a class meets them). */
export const EXAMPLE_SECTIONS = [
  'Basics',
  'Namespaces',
  'Rules and ports',
  'Egress',
  'Whole apps',
  'Cluster-wide',
] as const;

export type ExampleSection = (typeof EXAMPLE_SECTIONS)[number];

export interface Example {
  readonly id: string;
  readonly title: string;
  /** One or two sentences a student reads before opening it: what it shows, and what to look at. */
  readonly description: string;
  readonly section: ExampleSection;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'nginx',
    title: 'nginx on port 80 (the classic first policy)',
    description: 'One policy selects the nginx pod: only TCP 80 gets in, from anywhere. Everything else is unrestricted.',
    section: 'Basics',
  },
  {
    id: 'deny-all-to-app',
    title: 'Deny all traffic to an app',
    description: 'A policy with no ingress rule: nothing reaches the web app, from any pod or from outside.',
    section: 'Basics',
  },
  {
    id: 'limit-traffic-to-app',
    title: 'Limit traffic to an app',
    description: 'The bookstore API accepts only the bookstore’s own pods, chosen by label; the coffee shop stays out.',
    section: 'Basics',
  },
  {
    id: 'allow-all-to-app',
    title: 'Allow all traffic to an app',
    description: 'A namespace denies by default; an empty rule `- {}` opens one app to everyone. Policies add up.',
    section: 'Basics',
  },
  {
    id: 'namespace-default-deny',
    title: 'Default deny in a namespace',
    description: '`podSelector: {}` with no rule: nothing reaches staging’s pods, while production is untouched.',
    section: 'Basics',
  },
  {
    id: 'deny-other-namespaces',
    title: 'Deny traffic from other namespaces',
    description: 'team-a’s pods accept each other and nobody else: a podSelector alone means “this namespace”.',
    section: 'Namespaces',
  },
  {
    id: 'allow-all-namespaces',
    title: 'Allow traffic from all namespaces',
    description: '`namespaceSelector: {}` matches every pod of the cluster, but no address outside it.',
    section: 'Namespaces',
  },
  {
    id: 'allow-one-namespace',
    title: 'Allow traffic from one namespace',
    description: 'The database accepts only namespaces labelled purpose=production: prod gets in, dev does not.',
    section: 'Namespaces',
  },
  {
    id: 'allow-pods-from-namespace',
    title: 'Allow some pods from another namespace',
    description: 'namespaceSelector AND podSelector in one peer: only the monitoring pods of “operations” get in.',
    section: 'Namespaces',
  },
  {
    id: 'allow-external',
    title: 'Allow external clients',
    description: 'A rule with ports and no `from` lets the outside world in on 80 and 443; the API behind stays internal.',
    section: 'Namespaces',
  },
  {
    id: 'only-certain-ports',
    title: 'Allow only certain ports',
    description: 'Users reach port 5000, monitoring reaches 9100, and the debug port 6060 is closed to everyone.',
    section: 'Rules and ports',
  },
  {
    id: 'multiple-selectors',
    title: 'Multiple selectors in one rule',
    description: 'Three peers in one rule are ORed: three services reach Redis, the frontend matches none of them.',
    section: 'Rules and ports',
  },
  {
    id: 'and-vs-or',
    title: 'AND vs OR, side by side',
    description: 'Two policies that differ by one dash: one peer with two selectors (AND) beside two peers (OR).',
    section: 'Rules and ports',
  },
  {
    id: 'named-ports-and-ranges',
    title: 'Named ports and port ranges',
    description: 'One named port opens 8080 on one app and 9090 on another; endPort opens a range of 100 ports.',
    section: 'Rules and ports',
  },
  {
    id: 'deny-egress-from-app',
    title: 'Deny egress from an app',
    description: 'The sandbox may open no connection at all (not even DNS), yet still accepts them.',
    section: 'Egress',
  },
  {
    id: 'default-deny-egress',
    title: 'Default deny egress in a namespace',
    description: 'No pod of “locked” may connect anywhere; others may still connect to them.',
    section: 'Egress',
  },
  {
    id: 'deny-external-egress',
    title: 'Deny external egress, keep the cluster and DNS',
    description: 'An app may reach every pod, cluster DNS included, but no address outside the cluster.',
    section: 'Egress',
  },
  {
    id: 'default-deny',
    title: 'DNS egress with default deny, then the API',
    description: 'Deny both ways in a namespace, then open DNS, the API to the web tier, and the web to everyone.',
    section: 'Egress',
  },
  {
    id: 'egress-ipblock',
    title: 'Egress to outside addresses (ipBlock)',
    description: 'A job reaches the internet on HTTPS except private ranges, and a partner network on SSH too.',
    section: 'Egress',
  },
  {
    id: 'upstream-test-model',
    title: 'The upstream test model (x, y, z × a, b, c)',
    description: 'Kubernetes’ own e2e cluster: 9 pods serving 80 and 81 on TCP, UDP and SCTP, with one policy on x/a.',
    section: 'Whole apps',
  },
  {
    id: 'shop',
    title: 'A multi-service shop',
    description: 'Ingress, storefront, catalog, cart, checkout, two databases, monitoring and DNS, each with its policies.',
    section: 'Whole apps',
  },
  {
    id: 'cluster-guardrails',
    title: 'Cluster-wide guardrails: Admin Deny, Pass, Baseline default deny',
    description: 'ClusterNetworkPolicies above and below the namespaces’ own policies: protect, delegate, default deny.',
    section: 'Cluster-wide',
  },
  {
    id: 'anp-migration',
    title: 'From AdminNetworkPolicy (v1alpha1) to ClusterNetworkPolicy',
    description: 'The same guardrails in both API versions: swap them and watch the graph stay the same.',
    section: 'Cluster-wide',
  },
];

