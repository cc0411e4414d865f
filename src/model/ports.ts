/**
 * Protocols and port numbers, shared by NetworkPolicy ports and container ports.
 */
import { PROTOCOLS, type Protocol } from './types';
import type { YNode } from './tree';
import type { Issues } from './issues';
import { asInteger, asString } from './reader';
import { isPortNumber, portNameProblem } from './names';
import { say } from './messages';

const PROTOCOL_SET: ReadonlySet<string> = new Set(PROTOCOLS);

/** `TCP`, `UDP` or `SCTP` (case-sensitive, like the API server); `undefined` when absent. */
export function readProtocol(node: YNode | undefined, path: string, issues: Issues): Protocol | undefined {
  const text = asString(node, path, issues);
  if (text === undefined || node === undefined) return undefined;
  if (PROTOCOL_SET.has(text)) return text as Protocol;
  issues.error(
    node.range,
    'invalid-protocol',
    say.invalid(path, text, `is not supported: use ${PROTOCOLS.join(', ')}`),
  );
  return undefined;
}

/** An integer port from 1 to 65535; `undefined` when absent or invalid (reported). */
export function readPortNumber(node: YNode | undefined, path: string, issues: Issues): number | undefined {
  const port = asInteger(node, path, issues);
  if (port === undefined || node === undefined) return undefined;
  if (isPortNumber(port)) return port;
  issues.error(node.range, 'invalid-port', say.invalid(path, port, 'must be between 1 and 65535'));
  return undefined;
}

/** A port name (IANA_SVC_NAME) such as `http`; reported when invalid. */
export function checkPortName(name: string, node: YNode, path: string, issues: Issues): void {
  const problem = portNameProblem(name);
  if (problem)
    issues.error(
      node.range,
      'invalid-port-name',
      say.invalid(path, name, `is not a valid port name: ${problem}`),
    );
}
