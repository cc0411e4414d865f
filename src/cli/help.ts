/** The CLI's help texts. */
export const MAIN_HELP = `netpol-canvas — evaluate Kubernetes NetworkPolicies (networking.k8s.io/v1) offline

Usage:
  netpol-canvas connectivity [--format txt|json|md|csv|dot] PATH...
  netpol-canvas explain --from ID --to ID [--port P] [--protocol TCP|UDP|SCTP] PATH...
  netpol-canvas COMMAND --help

PATH is a file, a directory (read recursively: *.yaml, *.yml, *.json) or - for standard input.
Endpoint ids: ns/name[Kind] for workloads, first-last address ranges for external addresses.
Exit codes: 0 success (explain: allowed), 1 denied (explain), 2 bad usage or nothing could be read.
`;

export const CONNECTIVITY_HELP = `Usage: netpol-canvas connectivity [--format txt|json|md|csv|dot] [--verbose] PATH...

Lists every ordered pair of distinct endpoints with the connections allowed between them.
Pairs that are not listed are fully denied.

Options:
  --format F   txt (default): one line per pair, "a => b : TCP 80,UDP 53" or "All Connections"
               json: {"endpoints":[…],"connections":[{"from","to","allowed":{"TCP":[[lo,hi]],…}}]}
               md, csv: a table; dot: a Graphviz digraph
  --verbose    also print informational diagnostics (ignored kinds, masked CIDRs, …)
  --help       this text

Diagnostics go to standard error as file:line:col: severity: message.
`;

export const EXPLAIN_HELP = `Usage: netpol-canvas explain --from ID --to ID [--port P] [--protocol TCP|UDP|SCTP] PATH...

Says whether traffic from one endpoint to another is allowed, and why: which policies isolate
each side and what each of their rules does for this pair, with file:line:col of every rule.

Options:
  --from ID      source endpoint, e.g. default/frontend[Deployment] or 0.0.0.0-9.255.255.255
  --to ID        destination endpoint
  --port P       a port number (without it: any port)
  --protocol P   TCP (default), UDP or SCTP
  --verbose      also print informational diagnostics
  --help         this text

Exit codes: 0 allowed, 1 denied, 2 bad usage, unknown endpoint or nothing could be read.
`;
