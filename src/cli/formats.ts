/**
 * The `connectivity` command's output formats. All render the same data: endpoints and the
 * connections between them (absent pairs are denied), as every tier decided them; json also lists
 * the policies. Each yields its output line by line as it reads the connections, so millions of
 * pairs stream out (from `analyzeStream`) instead of being held, or becoming one string too long
 * for V8.
 */
import {
  describeConnections,
  matrixCsv,
  matrixMarkdown,
  renderDot,
  tierName,
  truthTable,
  type Endpoint,
  type PolicySummary,
  type PortQuery,
  type StreamedAnalysis,
} from '../engine';

/** What the formats read: an `Analysis` or a `StreamedAnalysis`. */
export type Connectivity = Pick<StreamedAnalysis, 'endpoints' | 'policies' | 'connections'>;

export const FORMATS = ['txt', 'json', 'md', 'csv', 'dot'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The truth table's formats: a cell for every ordered pair, about one traffic (`--port`,
 * `--protocol`; neither: everything). Written row by row; the connections are read once, into a
 * lookup of the pairs with something allowed.
 */
export const MATRIX_FORMATS = ['matrix', 'matrix-csv'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export function renderMatrix(analysis: Connectivity, format: MatrixFormat, query?: PortQuery): Iterable<string> {
  const table = truthTable(analysis, query);
  return format === 'matrix' ? matrixMarkdown(table) : matrixCsv(table);
}

function endpointJson(endpoint: Endpoint) {
  return endpoint.type === 'external'
    ? { id: endpoint.id, kind: endpoint.kind }
    : { id: endpoint.id, kind: endpoint.kind, namespace: endpoint.namespace, name: endpoint.name };
}

/**
 * A policy and the endpoints it selects (a NetworkPolicy's podSelector, a cluster-wide policy's
 * subject). The tier as the API names it; a cluster-wide policy's priority in its tier (a
 * BaselineAdminNetworkPolicy has none and is read as 0: there is only one).
 */
function policyJson({ ref, selects }: PolicySummary) {
  return {
    id: ref.id,
    kind: ref.kind,
    name: ref.name,
    ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }),
    tier: tierName(ref.tier),
    ...(ref.tier === 'networkPolicy' || ref.priority === undefined ? {} : { priority: ref.priority }),
    selects,
  };
}

/**
 * One JSON document, `{"endpoints":[…],"policies":[…],"connections":[…]}`, one connection per line.
 * `policies` came later than the other two: readers of the first two keep working.
 */
function* json(analysis: Connectivity): Generator<string> {
  const endpoints = JSON.stringify(analysis.endpoints.map(endpointJson));
  yield `{"endpoints":${endpoints},"policies":${JSON.stringify(analysis.policies.map(policyJson))},"connections":[`;
  // Each line but the last ends with a comma: a line goes out once the next one is known.
  let held: string | undefined;
  for (const { from, to, allowed } of analysis.connections) {
    if (held !== undefined) yield `${held},`;
    held = JSON.stringify({ from, to, allowed: { TCP: allowed.TCP, UDP: allowed.UDP, SCTP: allowed.SCTP } });
  }
  if (held !== undefined) yield held;
  yield ']}';
}

function* txt(analysis: Connectivity): Generator<string> {
  for (const c of analysis.connections) yield `${c.from} => ${c.to} : ${describeConnections(c.allowed)}`;
}

function* md(analysis: Connectivity): Generator<string> {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  yield '| source | destination | allowed connections |';
  yield '|---|---|---|';
  for (const c of analysis.connections) yield `| ${escape(c.from)} | ${escape(c.to)} | ${describeConnections(c.allowed)} |`;
}

function* csv(analysis: Connectivity): Generator<string> {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  yield 'source,destination,allowed connections';
  for (const c of analysis.connections) yield [c.from, c.to, describeConnections(c.allowed)].map(quote).join(',');
}

/** The output of `format`, line by line (without line ends). */
export function renderConnectivity(analysis: Connectivity, format: Format): Iterable<string> {
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
