/**
 * Connectivity as a Graphviz digraph: one cluster per namespace, external ranges as dashed boxes,
 * one edge per allowed connection labelled with its ports (`describeConnections`). The CLI's
 * `--format dot` and the app's "Diagram → DOT" both print this, so the two cannot disagree.
 */
import { describeConnections } from './describe';
import type { StreamedAnalysis, WorkloadEndpoint } from './types';

/**
 * A DOT quoted string. DOT unescapes only `\"`; doubling backslashes keeps a trailing backslash
 * from escaping the closing quote (no endpoint id has one, but a label could).
 */
const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const quote = (text: string) => `"${escape(text)}"`;
/** A label of several lines: `\n` is DOT's own line break (centred) inside a label. */
const lines = (...texts: string[]) => `"${texts.map(escape).join('\\n')}"`;

/**
 * The lines of the digraph (without line ends), so a huge analysis streams out line by line; an
 * `Analysis` or a `StreamedAnalysis`.
 */
export function* renderDot(analysis: Pick<StreamedAnalysis, 'endpoints' | 'connections'>): Generator<string> {
  yield 'digraph connectivity {';
  yield '  node [shape=ellipse];';
  const byNamespace = new Map<string, WorkloadEndpoint[]>();
  for (const endpoint of analysis.endpoints) {
    if (endpoint.type !== 'workload') continue;
    const members = byNamespace.get(endpoint.namespace) ?? [];
    if (members.length === 0) byNamespace.set(endpoint.namespace, members);
    members.push(endpoint);
  }
  let cluster = 0;
  for (const [namespace, members] of byNamespace) {
    yield `  subgraph cluster_${cluster++} {`;
    yield `    label=${quote(namespace)};`;
    for (const e of members) yield `    ${quote(e.id)} [label=${lines(e.name, `[${e.kind}]`)}];`;
    yield '  }';
  }
  for (const e of analysis.endpoints) if (e.type === 'external') yield `  ${quote(e.id)} [shape=box, style=dashed];`;
  for (const c of analysis.connections) yield `  ${quote(c.from)} -> ${quote(c.to)} [label=${quote(describeConnections(c.allowed))}];`;
  yield '}';
}
