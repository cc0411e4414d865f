/**
 * NetworkPolicy ingress/egress rules: peers (selectors or ipBlock) and ports, validated as
 * networking/validation's ValidateNetworkPolicyPeer, ValidateIPBlock and ValidateNetworkPolicyPort.
 * Absent and empty lists stay distinct (`undefined` vs `[]`): the engine gives them meaning.
 */
import type { Cidr, IpBlockPeer, PolicyPeer, PolicyPort, PolicyRule } from './types';
import type { YNode } from './tree';
import type { Issues } from './issues';
import { asInteger, asItemMap, asList, asMap, asString, checkFields, defined, valueOf } from './reader';
import { readSelector } from './selector';
import { checkPortName, readPortNumber, readProtocol } from './ports';
import { isStrictSubset, parseCidr } from './cidr';
import { isPortNumber } from './names';
import { say } from './messages';

const PEER_FIELDS: ReadonlySet<string> = new Set(['podSelector', 'namespaceSelector', 'ipBlock']);
const IP_BLOCK_FIELDS: ReadonlySet<string> = new Set(['cidr', 'except']);
const PORT_FIELDS: ReadonlySet<string> = new Set(['protocol', 'port', 'endPort']);

/** `spec.ingress` (peers under `from`) or `spec.egress` (peers under `to`). */
export function readRules(
  node: YNode | undefined,
  path: string,
  peersKey: 'from' | 'to',
  issues: Issues,
): PolicyRule[] | undefined {
  const ruleFields: ReadonlySet<string> = new Set([peersKey, 'ports']);
  return asList(node, path, issues)?.flatMap((item, i) => {
    const rulePath = `${path}[${i}]`;
    const rule = asItemMap(item, rulePath, issues);
    if (rule === undefined) return [];
    checkFields(rule, rulePath, ruleFields, issues);
    const peersPath = `${rulePath}.${peersKey}`;
    const portsPath = `${rulePath}.ports`;
    const peers = asList(valueOf(rule, peersKey), peersPath, issues);
    const ports = asList(valueOf(rule, 'ports'), portsPath, issues);
    return defined({
      peers: peers?.flatMap((peer, j) => readPeer(peer, `${peersPath}[${j}]`, issues) ?? []),
      ports: ports?.flatMap((port, j) => readPolicyPort(port, `${portsPath}[${j}]`, issues) ?? []),
      location: issues.at(item.range),
    });
  });
}

function readPeer(node: YNode, path: string, issues: Issues): PolicyPeer | undefined {
  const map = asItemMap(node, path, issues);
  if (map === undefined) return undefined;
  checkFields(map, path, PEER_FIELDS, issues);
  const podSelector = valueOf(map, 'podSelector');
  const namespaceSelector = valueOf(map, 'namespaceSelector');
  const ipBlock = valueOf(map, 'ipBlock');
  const parts = [podSelector, namespaceSelector, ipBlock].filter((part) => part !== undefined).length;
  if (parts === 0) {
    issues.error(map.range, 'invalid-peer', say.emptyPeer(path));
  } else if (ipBlock !== undefined && parts > 1) {
    issues.error(map.range, 'invalid-peer', say.ipBlockAndSelector(path));
  }
  return defined({
    podSelector: readSelector(podSelector, `${path}.podSelector`, issues),
    namespaceSelector: readSelector(namespaceSelector, `${path}.namespaceSelector`, issues),
    ipBlock: readIpBlock(ipBlock, `${path}.ipBlock`, issues),
    location: issues.at(node.range),
  });
}

function readIpBlock(node: YNode | undefined, path: string, issues: Issues): IpBlockPeer | undefined {
  const map = asMap(node, path, issues);
  if (map === undefined) return undefined;
  checkFields(map, path, IP_BLOCK_FIELDS, issues);
  const cidrNode = valueOf(map, 'cidr');
  const cidrText = asString(cidrNode, `${path}.cidr`, issues);
  if (cidrNode === undefined || cidrText === '') {
    issues.error(cidrNode?.range ?? map.range, 'missing-field', say.required(`${path}.cidr`));
  }
  const cidr = cidrNode && cidrText ? readCidr(cidrNode, cidrText, `${path}.cidr`, issues) : undefined;

  const except: Cidr[] = [];
  for (const [i, item] of (asList(valueOf(map, 'except'), `${path}.except`, issues) ?? []).entries()) {
    const itemPath = `${path}.except[${i}]`;
    const text = asString(item, itemPath, issues);
    const parsed = text === undefined ? undefined : readCidr(item, text, itemPath, issues);
    if (parsed === undefined || text === undefined || cidr === undefined) continue;
    if (isStrictSubset(parsed, cidr)) except.push(parsed);
    else issues.error(item.range, 'invalid-except', say.exceptOutside(itemPath, text, cidr.text));
  }
  return cidr && { cidr, except };
}

/** Parses a CIDR; host bits and non-standard forms are accepted with a note, as the API server does. */
function readCidr(node: YNode, text: string, path: string, issues: Issues): Cidr | undefined {
  const result = parseCidr(text);
  if (!result.ok) {
    issues.error(node.range, 'invalid-cidr', say.invalidCidr(path, text, result.reason));
    return undefined;
  }
  if (result.nonStandard) {
    issues.warning(node.range, 'non-standard-cidr', say.nonStandardCidr(path, text, result.cidr.text));
  } else if (result.hostBitsSet) {
    issues.info(node.range, 'cidr-host-bits', say.hostBits(path, text, result.cidr.text));
  }
  return result.cidr;
}

function readPolicyPort(node: YNode, path: string, issues: Issues): PolicyPort | undefined {
  const map = asItemMap(node, path, issues);
  if (map === undefined) return undefined;
  checkFields(map, path, PORT_FIELDS, issues);

  const portNode = valueOf(map, 'port');
  let port: number | string | undefined;
  if (portNode?.type === 'scalar' && typeof portNode.value === 'string') {
    port = portNode.value;
    checkPortName(port, portNode, `${path}.port`, issues);
  } else if (portNode?.type === 'scalar' && typeof portNode.value === 'number') {
    port = readPortNumber(portNode, `${path}.port`, issues);
  } else if (portNode !== undefined) {
    issues.error(
      portNode.range,
      'wrong-type',
      say.expected(`${path}.port`, 'a port number or name', portNode),
    );
  }

  const endPortNode = valueOf(map, 'endPort');
  const endPort = asInteger(endPortNode, `${path}.endPort`, issues);
  const endProblem = endPort === undefined ? undefined : endPortProblem(endPort, portNode, port);
  if (endPortNode !== undefined && endPort !== undefined && endProblem) {
    issues.error(endPortNode.range, 'invalid-end-port', say.invalid(`${path}.endPort`, endPort, endProblem));
  }

  return defined({
    protocol: readProtocol(valueOf(map, 'protocol'), `${path}.protocol`, issues),
    port,
    endPort,
    location: issues.at(node.range),
  });
}

/** ValidateNetworkPolicyPort's rules for endPort: only after a numeric port, and not below it. */
function endPortProblem(
  endPort: number,
  portNode: YNode | undefined,
  port: number | string | undefined,
): string | undefined {
  if (portNode === undefined) return 'may not be specified when port is not specified';
  if (typeof port === 'string') return 'may not be specified when port is a named port';
  if (!isPortNumber(endPort)) return 'must be between 1 and 65535';
  if (port !== undefined && endPort < port) return `must be greater than or equal to port (${port})`;
  return undefined;
}
