/**
 * The `connectivity` command's output formats. All render the same data: endpoints and the
 * connections between them (absent pairs are denied). Each yields its output line by line, so
 * millions of pairs stream out instead of becoming one string too long for V8.
 */
import { describeConnections, type Analysis, type Endpoint } from '../engine';

export const FORMATS = ['txt', 'json', 'md', 'csv', 'dot'] as const;
export type Format = (typeof FORMATS)[number];

function endpointJson(endpoint: Endpoint) {
  return endpoint.type === 'external'
    ? { id: endpoint.id, kind: endpoint.kind }
    : { id: endpoint.id, kind: endpoint.kind, namespace: endpoint.namespace, name: endpoint.name };
}

/** One JSON document, `{"endpoints":[…],"connections":[…]}`, one connection per line. */
function* json(analysis: Analysis): Generator<string> {
  yield `{"endpoints":${JSON.stringify(analysis.endpoints.map(endpointJson))},"connections":[`;
  const last = analysis.connections.length - 1;
  for (const [i, { from, to, allowed }] of analysis.connections.entries()) {
    const connection = { from, to, allowed: { TCP: allowed.TCP, UDP: allowed.UDP, SCTP: allowed.SCTP } };
    yield JSON.stringify(connection) + (i < last ? ',' : '');
  }
  yield ']}';
}

function* txt(analysis: Analysis): Generator<string> {
  for (const c of analysis.connections) yield `${c.from} => ${c.to} : ${describeConnections(c.allowed)}`;
}

function* md(analysis: Analysis): Generator<string> {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  yield '| source | destination | allowed connections |';
  yield '|---|---|---|';
  for (const c of analysis.connections) yield `| ${escape(c.from)} | ${escape(c.to)} | ${describeConnections(c.allowed)} |`;
}

function* csv(analysis: Analysis): Generator<string> {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  yield 'source,destination,allowed connections';
  for (const c of analysis.connections) yield [c.from, c.to, describeConnections(c.allowed)].map(quote).join(',');
}

/** Graphviz: one cluster per namespace, external ranges on their own, edges labelled with ports. */
function* dot(analysis: Analysis): Generator<string> {
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
  yield* ['digraph connectivity {', '  node [shape=ellipse];', ...clusters.filter(Boolean), ...external];
  for (const c of analysis.connections) yield `  ${q(c.from)} -> ${q(c.to)} [label=${q(describeConnections(c.allowed))}];`;
  yield '}';
}

/** The output of `format`, line by line (without line ends). */
export function renderConnectivity(analysis: Analysis, format: Format): Iterable<string> {
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
