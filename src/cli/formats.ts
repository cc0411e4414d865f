/**
 * The `connectivity` command's output formats. All render the same data: endpoints and the
 * connections between them (absent pairs are denied).
 */
import { describeConnections, type Analysis, type Endpoint } from '../engine';

export const FORMATS = ['txt', 'json', 'md', 'csv', 'dot'] as const;
export type Format = (typeof FORMATS)[number];

function endpointJson(endpoint: Endpoint) {
  return endpoint.type === 'external'
    ? { id: endpoint.id, kind: endpoint.kind }
    : { id: endpoint.id, kind: endpoint.kind, namespace: endpoint.namespace, name: endpoint.name };
}

function json(analysis: Analysis): string {
  return JSON.stringify({
    endpoints: analysis.endpoints.map(endpointJson),
    connections: analysis.connections.map(({ from, to, allowed }) => ({
      from,
      to,
      allowed: { TCP: allowed.TCP, UDP: allowed.UDP, SCTP: allowed.SCTP },
    })),
  });
}

function txt(analysis: Analysis): string {
  return analysis.connections.map((c) => `${c.from} => ${c.to} : ${describeConnections(c.allowed)}`).join('\n');
}

function md(analysis: Analysis): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| source | destination | allowed connections |',
    '|---|---|---|',
    ...analysis.connections.map((c) => `| ${escape(c.from)} | ${escape(c.to)} | ${describeConnections(c.allowed)} |`),
  ].join('\n');
}

function csv(analysis: Analysis): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [
    'source,destination,allowed connections',
    ...analysis.connections.map((c) => [c.from, c.to, describeConnections(c.allowed)].map(quote).join(',')),
  ].join('\n');
}

/** Graphviz: one cluster per namespace, external ranges on their own, edges labelled with ports. */
function dot(analysis: Analysis): string {
  const q = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const clusters = analysis.namespaces.map((ns, i) => {
    const members = analysis.endpoints.filter((e) => e.type === 'workload' && e.namespace === ns.name);
    if (members.length === 0) return '';
    const nodes = members.map((e) => `    ${q(e.id)} [label=${q(e.type === 'workload' ? `${e.name}\n[${e.kind}]` : e.id)}];`);
    return [`  subgraph cluster_${i} {`, `    label=${q(ns.name)};`, ...nodes, '  }'].join('\n');
  });
  const external = analysis.endpoints
    .filter((e) => e.type === 'external')
    .map((e) => `  ${q(e.id)} [shape=box, style=dashed];`);
  const edges = analysis.connections.map(
    (c) => `  ${q(c.from)} -> ${q(c.to)} [label=${q(describeConnections(c.allowed))}];`,
  );
  return ['digraph connectivity {', '  node [shape=ellipse];', ...clusters.filter(Boolean), ...external, ...edges, '}'].join(
    '\n',
  );
}

export function renderConnectivity(analysis: Analysis, format: Format): string {
  switch (format) {
    case 'json':
      return json(analysis);
    case 'txt':
      return txt(analysis);
    case 'md':
      return md(analysis);
    case 'csv':
      return csv(analysis);
    case 'dot':
      return dot(analysis);
  }
}
