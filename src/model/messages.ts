/**
 * Every diagnostic code the model emits, and the sentences it emits them with. Messages start
 * with the field path (`spec.ingress[0].from[1]: …`) so they read well in the editor's hover and
 * in the CLI's `file:line:col` output alike.
 */
import { describe, type YNode } from './tree';

/** Code → what it means. Severity is fixed per code, except where noted. */
export const DIAGNOSTIC_CODES = {
  'input-too-large': 'error: the input is over the size limit; nothing in it is read',
  'binary-input': 'error: the input is not text; nothing in it is read',
  'yaml-syntax': 'error: the YAML (or JSON) cannot be parsed; the document is left out',
  'yaml-warning': 'warning: the YAML parser accepted something dubious (e.g. an unknown tag)',
  'yaml-limit': 'error: nesting too deep, too many aliases, or an alias inside itself',
  'yaml-unsupported': 'error: YAML that Kubernetes cannot read (complex keys, bad merge keys)',
  'not-an-object': 'error: the document (or list item) is not a mapping',
  'missing-kind': 'error: no `kind`',
  'missing-api-version': 'error: no `apiVersion`',
  'unsupported-api-version': 'error: a known kind in a group/version that is not served',
  'ignored-kind': 'info: a kind that NetworkPolicy evaluation does not use',
  'wrong-type': 'error: a field holds the wrong type (a string where a list belongs, …)',
  'unknown-field': 'warning: a field the API server does not know; it drops it',
  'missing-field': 'error: a required field is absent',
  'empty-item': 'warning: a null list item, which the API server reads as `{}`',
  'missing-name': 'error: no `metadata.name`',
  'invalid-name': 'error: `metadata.name` is not a valid name for this kind',
  'invalid-namespace': 'error: `metadata.namespace` is not a valid namespace name',
  'invalid-label-key': 'error: a label (or selector) key is not a qualified name',
  'invalid-label-value': 'error: a label (or selector) value is not a valid label value',
  'invalid-selector-operator':
    'error: a matchExpressions operator other than In, NotIn, Exists, DoesNotExist',
  'invalid-selector-values': 'error: In/NotIn without values, or Exists/DoesNotExist with values',
  'invalid-policy-type': 'error: a policyTypes entry other than Ingress or Egress, or more than two',
  'invalid-peer':
    'error: an empty peer, or ipBlock combined with a selector; in a cluster policy, a peer without exactly one of its kinds',
  'invalid-cidr': 'error: a CIDR (ipBlock, or a cluster policy\'s networks) that does not parse',
  'invalid-except': 'error: an `except` CIDR that is not strictly inside its `cidr`',
  'cidr-host-bits': 'info: a CIDR with host bits set; evaluated with them masked off',
  'non-standard-cidr': 'warning: leading zeros or an IPv4-mapped form; accepted with a warning',
  'invalid-protocol': 'error: a protocol other than TCP, UDP or SCTP',
  'invalid-port': 'error: a port number outside 1..65535',
  'invalid-port-name': 'error: a port name that is not an IANA service name',
  'invalid-end-port': 'error: endPort without a numeric port, below port, or out of range',
  'duplicate-port-name': 'error: two ports of one container share a name',
  'invalid-workload-selector':
    'error: an apps/v1 controller whose spec.selector is empty or does not select its pod template',
  'invalid-owner': 'error: more than one ownerReference with controller: true',
  'invalid-pod-ip': 'warning: status.podIP(s) holds something that is not an IP; it is skipped',
  // Cluster-wide policies (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy).
  'invalid-tier': 'error: a ClusterNetworkPolicy tier other than Admin or Baseline',
  'invalid-priority': 'error: a cluster policy priority outside 0..1000',
  'invalid-subject': 'error: a cluster policy subject without exactly one of namespaces and pods',
  'invalid-action': 'error: a rule action its kind does not allow (Accept/Allow, Deny, Pass)',
  'invalid-rule-name': 'error: a cluster policy rule name over 100 characters',
  'invalid-port-item':
    'error: a protocols (or v1alpha1 ports) item, or its destinationPort, without exactly one of its forms',
  'invalid-port-range': 'error: a port range whose start is not below its end',
  'invalid-domain-name': 'error: a domainNames entry that is not a domain name (or *.domain)',
  'empty-list': 'error: an empty list where at least one item is required (from, to, protocols, networks, …)',
  'too-many-items': 'error: a list longer than its schema allows (25 in v1alpha2, mostly 100 in v1alpha1)',
  'duplicate-item': 'error: a value repeated in a list that is a set (networks, domainNames)',
  'single-port-range': 'warning: a v1alpha1 portRange with start equal to end; read as that one port',
  'experimental-field':
    'info: a field of the experimental channel (nodes, domainNames, v1alpha1 namedPort), kept; what it is read as is said',
  'named-port-pods-only':
    'info: a named port in an egress rule with networks/nodes/domainNames peers: it applies to pod destinations only',
  'cluster-scoped-namespace': 'info: metadata.namespace on a cluster-scoped kind, which the API server clears',
  // netpol-canvas/v1alpha1 ConnectivityExpectations: checked against the cluster, never part of it.
  'invalid-expectation':
    'error: an expectation without exactly one of expect and only, only without to, or expect other than allowed/denied',
  'invalid-endpoint-pattern': 'error: from, to or an only item that is no endpoint id, IP, CIDR or {namespace, labels}',
  'invalid-expected-ports': 'error: a ports item other than PROTOCOL, PROTOCOL/port or PROTOCOL/first-last',
  'unknown-expectation-field': 'error: a field an expectations document does not have (a typo would check nothing)',
  'unknown-lesson-field': 'error: a field a lesson file does not have (public/lessons/*.yaml)',
  'duplicate-object':
    'error: a second object with the same kind, namespace and name; only the first one is evaluated',
  // Objects the API server would reject that are kept all the same: each message says both.
  'no-containers':
    'warning: a pod spec without containers, which the API server rejects; kept, as sketches often leave them out',
  'unnamed-container':
    'warning: a container without a name, which the API server rejects; kept, as exported manifests often drop names',
  'invalid-container-name':
    'warning: a container name that is not a DNS label, which the API server rejects; kept (names play no part)',
  'duplicate-container-name':
    'warning: two containers (or init containers) of one pod with the same name, which the API server rejects; kept',
  'invalid-restart-policy':
    "warning: a restartPolicy the API server rejects (a pod's not allowed for its kind, an init container's other than Always); kept",
  'invalid-annotation':
    'warning: annotations the API server rejects (not a map of strings, a key that is not a qualified name, over 256 KiB); kept',
  'owner-without-kind':
    "warning: an ownerReference without kind, which the API server rejects; kept, a Pod's controller without kind taken as a Pod",
  'owner-without-name':
    'warning: an ownerReference without name, which the API server rejects; kept, a Pod whose controller has none getting no owner',
  'owner-without-api-version':
    'warning: an ownerReference without apiVersion (or with no version in it), which the API server rejects; kept',
  'owner-without-uid': 'warning: an ownerReference without uid, which the API server rejects; kept',
  'forbidden-owner': 'warning: an ownerReference to a v1 Event, which the API server forbids; kept',
  'missing-selector':
    'warning: a v1alpha1 pods selector without podSelector or namespaceSelector, which the API server rejects; kept, read as {} (all)',
  'named-port-with-addresses':
    'warning: a v1alpha1 named port in an egress rule with networks/nodes peers, which the API server rejects; kept, applying to pods only',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/**
 * The end of a warning about an object the API server would reject but that is kept: says both,
 * and, where it matters, how the object is read.
 */
const kept = (kind: string, reading?: string): string =>
  `the API server would reject this ${kind} (it is still evaluated${reading ? `, ${reading}` : ''})`;

/** Why something is left out, appended to its error messages after " — ". */
export const leftOut = {
  object: (kind: string): string =>
    `the API server would reject this ${kind}, so it is left out of the evaluation`,
  document: 'kubectl could not read this document, so it is left out of the evaluation',
  input: 'nothing in it is evaluated',
  expectations: 'none of the expectations in this document is checked',
  /** An error the API server does not reject, in a field that cannot be evaluated as written. */
  unevaluable: (kind: string, unchecked: string): string =>
    `the API server accepts this ${kind} (${unchecked}), but it cannot be evaluated as written, so it is left out of the evaluation`,
};

/** Ends a wrong-type message for a scalar that YAML 1.1 reads as a boolean or number (a quick fix quotes it). */
export const QUOTE_HINT = 'quote it to keep it a string';

/** `10,000`: large limits read better with separators. */
const count = (n: number): string => n.toLocaleString('en-US');

/** The sentences of all diagnostics; field-level ones start with the path of the field. */
export const say = {
  tooLarge: (megabytes: string, limit: number): string =>
    `this input is ${megabytes} MB, more than the ${limit} MB limit`,
  binary: 'this input is not YAML or JSON text (it contains NUL or other control bytes)',
  tooDeep: (max: number): string => `nesting is deeper than ${max} levels`,
  aliasBomb: (uses: number, nodes: number): string =>
    `aliases expand too much (more than ${count(uses)} alias uses or ${count(nodes)} nodes): this looks like an alias bomb`,
  moreErrors: (more: number): string =>
    `… and ${more} more YAML error${more === 1 ? '' : 's'} in this document`,
  unknownAlias: (name: string): string => `unknown alias *${name}`,
  quoteEndpointId: (id: string): string =>
    `inside [ ] or { }, YAML reads the brackets of ${id} as a list: quote the endpoint id, "${id}"`,
  aliasLoop: (name: string): string => `alias *${name} is used inside its own anchor`,
  badMerge: 'a << merge key needs a mapping or a list of mappings',
  missingKey: 'a mapping key is missing',
  complexKey: 'a mapping or list cannot be a key in Kubernetes YAML',
  expected: (path: string, expected: string, got: YNode): string => {
    const hint =
      expected === 'a string' && got.type === 'scalar' && got.value !== null
        ? ` (YAML reads ${got.source} as a ${typeof got.value}: ${QUOTE_HINT})`
        : '';
    return `${path}: expected ${expected}, got ${describe(got)}${hint}`;
  },
  unknownField: (path: string): string => `unknown field "${path}": the API server drops it`,
  otherVersionPorts: (path: string, kind: string, portsKey: string): string =>
    `unknown field "${path}": the API server drops it, so this rule matches every port — ${kind} rules name their ports \`${portsKey}\``,
  required: (path: string): string => `${path} is required`,
  invalid: (path: string, value: string | number, reason: string): string =>
    `${path}: ${JSON.stringify(value)} ${reason}`,
  emptyItem: (path: string): string => `${path} is empty; the API server reads it as {}`,
  labelKey: (path: string, key: string, reason: string): string =>
    `${path}: key "${key}" is not a valid label key: ${reason}`,
  labelValue: (path: string, key: string, value: string, reason: string): string =>
    `${path}: value "${value}" of "${key}" is not a valid label value: ${reason}`,
  badOperator: (path: string, operator: string): string =>
    `${path}: "${operator}" is not a valid selector operator: use In, NotIn, Exists or DoesNotExist`,
  valuesRequired: (path: string, operator: string): string =>
    `${path}: must be specified when operator is ${operator}`,
  valuesForbidden: (path: string, operator: string): string =>
    `${path}: may not be specified when operator is ${operator}`,
  missingName: (generateName: boolean): string =>
    generateName
      ? 'metadata.name is required (generateName is not evaluated: there is no server to pick the name)'
      : 'metadata.name is required',
  notAnObject: (got: YNode): string =>
    `expected a Kubernetes object (a mapping with apiVersion and kind), got ${describe(got)}`,
  ignoredKind: (kind: string): string => `ignored: NetworkPolicy evaluation does not use ${kind}`,
  otherApi: (kind: string, apiVersion: string, expected: string): string =>
    `ignored: ${apiVersion} ${kind} is not the Kubernetes ${kind} (${expected})`,
  notServed: (kind: string, apiVersion: string, expected: string): string =>
    `${kind} is not served as ${apiVersion}: use apiVersion ${expected}`,
  missingApiVersion: (kind: string, expected: string): string =>
    `apiVersion is required (${expected} for ${kind})`,
  emptyPeer: (path: string): string =>
    `${path}: must specify a peer (podSelector, namespaceSelector or ipBlock)`,
  ipBlockAndSelector: (path: string): string => `${path}: may not specify both ipBlock and another peer`,
  tooManyPolicyTypes: (path: string): string => `${path}: may not specify more than two policyTypes`,
  /** A required field of an ownerReference is absent or empty. */
  ownerFieldMissing: (path: string, kind: string, reading?: string): string =>
    `${path} is required: ${kept(kind, reading)}`,
  ownerWithoutVersion: (path: string, apiVersion: string, kind: string): string =>
    `${path}: ${JSON.stringify(apiVersion)} has no version: ${kept(kind)}`,
  eventOwner: (path: string, kind: string): string => `${path}: a v1 Event cannot be an owner: ${kept(kind)}`,
  manyControllers: (path: string): string => `${path}: only one reference can have controller set to true`,
  invalidCidr: (path: string, text: string, reason: string): string =>
    `${path}: "${text}" is not a valid CIDR: ${reason} (e.g. 10.0.0.0/16 or 2001:db8::/64)`,
  hostBits: (path: string, text: string, masked: string): string =>
    `${path}: "${text}" has host bits set; it is evaluated as ${masked}`,
  nonStandardCidr: (path: string, text: string, canonical: string): string =>
    `${path}: non-standard CIDR "${text}" will be invalid in a future Kubernetes release: use "${canonical}"`,
  exceptOutside: (path: string, text: string, cidr: string): string =>
    `${path}: "${text}" must be a strict subset of cidr ${cidr}`,
  noContainers: (path: string, kind: string): string =>
    `${path} must list at least one container: ${kept(kind)}`,
  unnamedContainer: (path: string, kind: string): string => `${path}.name is required: ${kept(kind)}`,
  containerName: (path: string, name: string, reason: string, kind: string): string =>
    `${path}: ${JSON.stringify(name)} is not a valid container name: ${reason}: ${kept(kind)}`,
  duplicateContainer: (path: string, name: string, first: string, kind: string): string =>
    `${path}: ${JSON.stringify(name)} is already the name of ${first}: ${kept(kind)}`,
  /** `reading`: what the object is read as, when that is not plain. */
  restartPolicy: (path: string, value: string, allowed: string, kind: string, reading?: string): string =>
    `${path}: ${JSON.stringify(value)} is not allowed here (use ${allowed}): ${kept(kind, reading)}`,
  restartPolicyRequired: (path: string, allowed: string, kind: string): string =>
    `${path} is required in a ${kind} (use ${allowed}): ${kept(kind)}`,
  /** Any problem (a sentence that starts with its path) in a field that is not read. */
  rejected: (problem: string, kind: string, reading?: string): string => `${problem}: ${kept(kind, reading)}`,
  annotationKey: (path: string, key: string, reason: string): string =>
    `${path}: key "${key}" is not a valid annotation key: ${reason}`,
  annotationsTooLarge: (path: string, bytes: number, limit: number): string =>
    `${path}: ${count(bytes)} bytes in all, more than the ${count(limit)}-byte limit`,
  emptySelector: (path: string, kind: string): string =>
    `${path} is empty: a ${kind} must select the pods of its template by their labels`,
  selectorMismatch: (path: string, labelsPath: string): string =>
    `${path} does not match the pod template's labels (${labelsPath}): the controller would not select its own pods`,
  // Cluster-wide policies.
  /** Exactly one of `options` must be set (minProperties = maxProperties = 1). */
  oneOf: (path: string, options: readonly string[], present: readonly string[]): string =>
    present.length === 0
      ? `${path}: must specify one of ${options.join(', ')}`
      : `${path}: must specify only one of ${options.join(', ')}, not ${present.join(' and ')}`,
  emptyList: (path: string, hint?: string): string =>
    `${path}: must have at least one item${hint ? ` (${hint})` : ''}`,
  tooManyItems: (path: string, count: number, max: number): string =>
    `${path}: must have at most ${max} items, not ${count}`,
  duplicateItem: (path: string, value: string, first: string): string =>
    `${path}: ${JSON.stringify(value)} is already ${first}: the list is a set`,
  tooLong: (path: string, length: number, max: number): string =>
    `${path}: must be no more than ${max} characters, not ${length}`,
  baselineName: (name: string): string =>
    `metadata.name: ${JSON.stringify(name)} must be "default": only one BaselineAdminNetworkPolicy, named default, can be created in a cluster`,
  portRangeOrder: (path: string, start: number, end: number): string =>
    `${path}: start (${start}) must be less than end (${end})`,
  singlePortRange: (path: string, port: number): string =>
    `${path}: start and end are both ${port}; the API says start must be less than end, but v1alpha1 does not ` +
    `check it: read as the single port ${port}`,
  /** A required field that is absent, in an object that is kept all the same. */
  requiredKept: (path: string, kind: string, reading?: string): string => `${path} is required: ${kept(kind, reading)}`,
  experimentalNodes: (path: string): string =>
    `${path}: nodes peers exist in the experimental channel only; this one matches nothing here, as manifests hold no Node addresses`,
  experimentalDomainNames: (path: string): string =>
    `${path}: domainNames peers exist in the experimental channel only; they are not evaluated here, as DNS resolves them when traffic flows`,
  experimentalNamedPort: (path: string): string =>
    `${path}: namedPort exists in the experimental channel only (the standard CRD drops it); read as a named container port of the destination pod`,
  namedPortPodsOnly: (path: string, name: string, peers: string): string =>
    `${path}: the named port "${name}" applies to pod destinations only: the ${peers} peers of this rule match only its numbered ports`,
  namedPortWithAddresses: (path: string, peers: string, kind: string): string =>
    `${path}: a named port cannot be set with ${peers} peers in one rule (the experimental CRD, the only one with ` +
    `namedPort, says "there are no namedPorts for networks/nodes"): ${kept(kind, 'the named port applying to pod destinations only')}`,
  clusterScopedNamespace: (kind: string): string =>
    `metadata.namespace is ignored: a ${kind} is cluster-scoped, and the API server clears it`,
  duplicate: (kind: string, id: string, firstLine: number, firstFile: string): string =>
    `${kind} "${id}" is a duplicate of the object at line ${firstLine} of ${firstFile}; only the ` +
    'first one is evaluated (kubectl create would refuse the second; kubectl apply would overwrite the first)',
};

/** The sentences of ConnectivityExpectations documents (model/expectations.ts). */
export const expectationSays = {
  required: (path: string): string => `${path} is required: it holds the expectations`,
  noExpectations: (path: string): string => `${path} needs at least one expectation`,
  expectOrOnly: (path: string): string =>
    `${path} needs exactly one of expect (allowed or denied, for every matched pair) and only (the sources that alone may reach to)`,
  onlyNeedsTo: (path: string): string => `${path}.only names the only sources that may reach to, so it needs a to`,
  emptyOnly: (path: string): string =>
    `${path}.only is empty: to say that nothing may reach to, write expect: denied without a from`,
  badVerdict: (path: string, value: string): string => `${path} is "${value}": write allowed or denied`,
  badPattern: (path: string, value: string): string =>
    `${path} is "${value}": write an endpoint id as the graph shows it (namespace/name[Kind]), an IP or CIDR, ` +
    'or a mapping with namespace and/or labels',
  badCidr: (path: string, value: string, reason: string): string => `${path} is "${value}", which is no CIDR: ${reason}`,
  emptyPorts: (path: string): string => `${path} is empty: leave it out to mean every port of every protocol`,
  badPorts: (path: string, value: string | undefined): string =>
    `${path} is ${value === undefined ? 'not a string' : `"${value}"`}: write TCP/80, UDP/53, TCP/8000-8080 or just TCP ` +
    '(every TCP port); the protocol is TCP, UDP or SCTP, in capitals',
  badRange: (path: string, value: string): string =>
    `${path} is "${value}": ports are 1 to 65535, and a range goes from its lower port to its higher one`,
  unknownField: (path: string, key: string, known: readonly string[]): string =>
    `${path ? `${path}.` : ''}${key} is not a field here (${known.join(', ')}): a misspelt field would quietly check nothing`,
};

/** The sentences of lesson files (model/lesson.ts). */
export const lessonSays = {
  oneMapping: 'a lesson is one YAML mapping: title, story, start, predict, goals, hints, solution',
  unknownField: (key: string): string =>
    `${key} is not a field of a lesson (title, story, start, predict, goals, hints, solution)`,
  required: (key: string): string => `${key} is required, and not empty`,
  predictionField: (path: string, key: string): string =>
    `${path}.${key}: a prediction names from, to and maybe ports; the student gives the verdict, the engine checks it`,
  predictionPair: (path: string): string => `${path} needs a from and a to: the pair the student predicts`,
};
