/**
 * The `connectivity` command's output formats. All render the same data: endpoints and the
 * connections between them (absent pairs are denied). Each yields its output line by line, so
 * millions of pairs stream out instead of becoming one string too long for V8.
 */
import { describeConnections, renderDot, type Analysis, type Endpoint } from '../engine';

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
      return renderDot(analysis);
  }
}
