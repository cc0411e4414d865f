/** The CLI's help texts. */
export const MAIN_HELP = `netpol-canvas — evaluate Kubernetes network policies offline: NetworkPolicy
(networking.k8s.io/v1) and the cluster-wide policies of network-policy-api: ClusterNetworkPolicy
(policy.networking.k8s.io/v1alpha2, tiers Admin and Baseline), AdminNetworkPolicy and
BaselineAdminNetworkPolicy (v1alpha1)

Usage:
  netpol-canvas connectivity [--format txt|json|md|csv|dot] PATH...
  netpol-canvas connectivity --format matrix|matrix-csv [--port P] [--protocol TCP|UDP|SCTP] PATH...
  netpol-canvas explain --from ID --to ID [--port P] [--protocol TCP|UDP|SCTP] PATH...
  netpol-canvas check [--format txt|json|junit] PATH...
  netpol-canvas diff [--format txt|json|md] OLD_PATH NEW_PATH
  netpol-canvas convert --to v1alpha2 [--force] PATH...
  netpol-canvas COMMAND --help

PATH is a file, a directory (read recursively: *.yaml, *.yml, *.json) or - for standard input.
Endpoint ids: ns/name[Kind] for workloads, first-last address ranges for external addresses.
Policy ids: ns/name for NetworkPolicies, Kind/name for cluster-wide ones (ClusterNetworkPolicy/x).
Exit codes: 0 success (explain: allowed), 1 denied (explain), an expectation failed (check),
connectivity differs (diff) or not converted exactly (convert), 2 bad usage or nothing could be read.
`;

export const CONNECTIVITY_HELP = `Usage: netpol-canvas connectivity [--format txt|json|md|csv|dot] [--verbose] PATH...
       netpol-canvas connectivity --format matrix|matrix-csv [--port P] [--protocol TCP|UDP|SCTP] PATH...

Lists every ordered pair of distinct endpoints with the connections allowed between them, as
every tier decides them: Admin cluster-wide policies, then NetworkPolicies, then Baseline ones.
Pairs that are not listed are fully denied. The matrix formats are the truth table instead: a row
per source, a column per destination, a cell per pair saying whether the chosen traffic is allowed.

Options:
  --format F   txt (default): one line per pair, "a => b : TCP 80,UDP 53" or "All Connections"
               json: {"endpoints":[…],"policies":[…],"connections":[{"from","to","allowed":{"TCP":[[lo,hi]],…}}]}
                 each policy: {"id","kind","name","tier","selects":[endpoint ids]}, plus "namespace"
                 (NetworkPolicy) or "priority" (cluster-wide); tier is Admin, NetworkPolicy or Baseline
               md, csv: a table; dot: a Graphviz digraph
               matrix: the truth table in Markdown, after a legend line: ✓ allowed, ✗ denied,
                 ◐ partly allowed (some of the ports), blank for an endpoint and itself or two
                 outside ranges (traffic that never touches the cluster is not decided)
               matrix-csv: a first row of destination ids (after an empty cell), then a row per
                 source: its id, then allowed, denied, partial or nothing per destination
  --port P     matrix formats: the traffic is this port (TCP unless --protocol says otherwise)
  --protocol P matrix formats: TCP, UDP or SCTP; alone, every port of it
               (without --port and --protocol: every port of every protocol)
  --verbose    also print informational diagnostics (ignored kinds, masked CIDRs, …)
  --help       this text

Diagnostics go to standard error as file:line:col: severity: message [code]; a comment
# netpol-canvas: ignore <code> in a policy's document silences a note on that policy.
`;

export const EXPLAIN_HELP = `Usage: netpol-canvas explain --from ID --to ID [--port P] [--protocol TCP|UDP|SCTP] PATH...

Says whether traffic from one endpoint to another is allowed, and why: for each side, the
Admin-tier rules in the order consulted, the NetworkPolicies that isolate it and their rules,
then the Baseline-tier rules, with what each does for this pair and its file:line:col.

Options:
  --from ID      source endpoint, e.g. default/frontend[Deployment] or 0.0.0.0-9.255.255.255
  --to ID        destination endpoint
  --port P       a port number (without it: any port)
  --protocol P   TCP (default), UDP or SCTP
  --verbose      also print informational diagnostics
  --help         this text

Exit codes: 0 allowed, 1 denied, 2 bad usage, unknown endpoint or nothing could be read.
`;

export const CONVERT_HELP = `Usage: netpol-canvas convert --to v1alpha2 [--force] [--verbose] PATH...

Rewrites every AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1)
as a ClusterNetworkPolicy (v1alpha2): AdminNetworkPolicy → tier Admin, same priority;
BaselineAdminNetworkPolicy → tier Baseline, priority 10 (0 when a Baseline ClusterNetworkPolicy of
priority 10 or less would otherwise come first); Allow → Accept; ports → protocols item by item;
a portRange of one port → that port number; podSelector: {} added where a pods selector had none.
Every other document is written byte for byte; comments in converted documents are kept.

Standard output: the manifests only, one YAML stream for a file or for kubectl apply -f -.
  One PATH file: that file, converted. Several files: each after a "# Source: <path>" line,
  with --- between files, in the order read (directories sorted).
Standard error: notes on what was written beyond the mapping, the policies not converted and why
  (an object the evaluation leaves out, one the v1alpha2 CRD would reject, a name a
  ClusterNetworkPolicy already has, YAML aliases in its spec: each is written as it was), then the
  proof: the connectivity of the inputs and of the output, compared pair by pair —
  "connectivity unchanged: N pairs compared", or each differing pair with both connection sets and
  the explanation of each (rules of the output placed as <stdout>:line:col).
Input without v1alpha1 policies (already v1alpha2, or none at all) is written unchanged, with a note.

Options:
  --to v1alpha2   the target version (the only one)
  --force         write the output even when connectivity changed
  --verbose       also print the input's warnings and notes, and each converted policy
  --help          this text

Exit codes: 0 converted (or nothing to convert) and connectivity unchanged; 1 a policy not
converted (the rest is written) or connectivity changed (nothing written without --force);
2 bad usage or nothing could be read.
`;

export const CHECK_HELP = `Usage: netpol-canvas check [--format txt|json|junit] [--verbose] PATH...

Evaluates the manifests in PATH and checks every ConnectivityExpectations document among them
(apiVersion netpol-canvas/v1alpha1): for every matched pair of distinct endpoints, "expect: allowed"
holds when every listed port is allowed, "expect: denied" when none is, "only" when no other source
reaches the destination on those ports. A pattern that matches no endpoint fails.

Options:
  --format F   txt (default): PASS/FAIL per expectation with file:line:col, the failing pairs and
                 ports, and the explanation of the first ones
               json: {"passed":N,"failed":M,"results":[{"document","index","at","expectation","passed",
                 "pairs","failedPairs","unmatched":[{"role"}],"failing":[{"from","to","allowed","offending",
                 "explanation":[lines]}]}]}; failing lists at most 100 pairs, failedPairs counts them all
               junit: JUnit XML, a testsuite per document and a testcase per expectation
  --verbose    also print informational diagnostics
  --help       this text

Exit codes: 0 every expectation holds, 1 one fails, 2 bad usage, nothing read, no expectations, or an
error in the input (an object kubectl would refuse or an expectation that cannot be read: the checks
still run on the rest and are printed, but do not count as passing).
`;

export const DIFF_HELP = `Usage: netpol-canvas diff [--format txt|json|md] [--verbose] OLD_PATH NEW_PATH

Compares the connectivity of the manifests in OLD_PATH with that of NEW_PATH (each a file, a
directory or -) and lists every ordered pair of endpoints whose allowed ports differ, with the ports
added and removed. Endpoints are matched by id; an endpoint only one side has is listed as added or
removed, and its pairs count as added or removed. Outside addresses are matched by address: both
sides' ranges are cut at the boundaries of both, so a range is listed as narrowly as it changed
(egress to 0.0.0.0/0 except 10.0.0.0/8, then to 0.0.0.0/0: one pair, 10.0.0.0-10.255.255.255).

Options:
  --format F   txt (default): a line per pair, then a summary line:
                 "added:   a => b : TCP 5432", "removed: a => b : All Connections",
                 "changed: a => b : TCP 80 → TCP 80,443 (added TCP 443)"; "connectivity unchanged"
               json: {"endpoints":{"added":[ids],"removed":[ids]},
                 "changes":[{"kind","from","to","before","after","added","removed"}],
                 "summary":{"equal","pairs","added","removed","changed"}}; kind is added (nothing was
                 allowed), removed (nothing is) or changed; each port set {"TCP":[[lo,hi]],"UDP":[…],"SCTP":[…]}
               md: a Markdown table (change, source, destination, added, removed), for a PR comment
  --verbose    also print informational diagnostics
  --help       this text

Exit codes: 0 the same connectivity, 1 it differs, 2 bad usage, nothing read from a PATH, or an error
in either input (an object kubectl would refuse: the comparison would not be what a cluster does).
`;
