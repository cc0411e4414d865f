/**
 * Cases where we deliberately differ from netpol-analyzer. Each names the reason and applies the
 * reference's convention (to the input text or to the resources), so the test proves that the
 * difference is exactly that reason and nothing else.
 */
import type { ManifestInput } from '../../src/model';
import type { ClusterResources } from '../../src/model/types';

export interface Divergence {
  readonly reason: string;
  readonly asReference: {
    readonly inputs?: (inputs: ManifestInput[]) => ManifestInput[];
    readonly resources?: (resources: ClusterResources) => ClusterResources;
  };
}

function replaceInText(search: string, replacement: string) {
  return (inputs: ManifestInput[]) => inputs.map((i) => ({ ...i, text: i.text.split(search).join(replacement) }));
}

/**
 * The reference does not validate object names; the API server rejects a NetworkPolicy whose name
 * is not a DNS subdomain (underscores), so we leave such a policy out and report it.
 */
function invalidPolicyName(name: string): Divergence {
  return {
    reason: `the API server rejects the policy name "${name}" (not a DNS subdomain), so we leave the policy out`,
    asReference: { inputs: replaceInText(`name: ${name}`, `name: ${name.replace(/_/g, '-')}`) },
  };
}

/**
 * The reference reads a Deployment's pods from its template whatever its selector says; the API
 * server rejects a Deployment whose selector does not match its template's labels, so we leave it
 * out and report it. As the reference: the selector made to match (`app: bar`, the template's).
 */
function selectorMissesTemplate(deployment: string): Divergence {
  return {
    reason: `Deployment ${deployment}'s selector (app: ${deployment}) does not match its pod template's labels (app: bar), which the API server rejects, so we leave the Deployment out`,
    asReference: { inputs: replaceInText(`app: ${deployment}`, 'app: bar') },
  };
}

/** The cluster-wide cases whose Deployment `sensitive` or `monitoring` selects none of its own pods. */
const SELECTOR_MISSES_TEMPLATE = {
  anp_test_1_deny_traffic_at_cluster_level: 'sensitive',
  anp_test_2_allow_traffic_at_cluster_level: 'monitoring',
  anp_test_ingress_egress_intersection: 'monitoring',
} as const;

export const DIVERGENCES: Readonly<Record<string, Divergence>> = {
  ...Object.fromEntries(
    Object.entries(SELECTOR_MISSES_TEMPLATE).flatMap(([id, deployment]) => [
      [id, selectorMissesTemplate(deployment)],
      [`cnp/${id}`, selectorMissesTemplate(deployment)],
    ]),
  ),
  example_pods_w_same_owner_and_labels_gap_with_good_match_expression: invalidPolicyName('use_common_labels_same_values'),
  example_pods_w_same_owner_and_labels_gap_with_good_match_expression2: invalidPolicyName(
    'use_match_exp_with_all_gap_values_of_app',
  ),
  example_pods_w_same_owner_and_labels_gap_with_policy_selector_not_in_gap: invalidPolicyName('use_common_labels_same_values'),
  netpol_named_port_test_2: {
    reason:
      'Deployment pod-a has a container port without containerPort (the field is misspelt "containerport"), which the API server rejects, so we leave the Deployment out',
    asReference: { inputs: replaceInText('containerport: 3535', 'containerPort: 3535') },
  },
};
