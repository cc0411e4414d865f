/**
 * The cluster that hid connections (issue: bundles of one namespace and one hub got one id when
 * their ports differed): 26 Deployments in `shop`, half of them allowed only DNS egress (TCP and
 * UDP 53), beside a DNS pod in kube-system and the outside world. Into the DNS pod, `shop` then
 * has two bundles: `All ×13` and `TCP 53,UDP 53 ×13`.
 */
export function shopCluster(): string {
  const deployments = Array.from({ length: 26 }, (_, i) => {
    const egress = i % 2 === 0 ? 'open' : 'dns';
    return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: d${i}}}\n  template:\n    metadata: {labels: {app: d${i}, egress: ${egress}}}\n    spec: {containers: [{name: c, image: i}]}\n`;
  });
  const dnsOnly = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: dns-only, namespace: shop}\nspec:\n  podSelector: {matchLabels: {egress: dns}}\n  policyTypes: [Egress]\n  egress:\n  - ports:\n    - {protocol: UDP, port: 53}\n    - {protocol: TCP, port: 53}\n`;
  const dns = `apiVersion: v1\nkind: Pod\nmetadata: {name: dns, namespace: kube-system, labels: {app: dns}}\nspec: {containers: [{name: c, image: i}]}\n`;
  return [...deployments, dnsOnly, dns].join('---\n');
}
