/**
 * The parts of a PodSpec that NetworkPolicy evaluation needs: container ports, for named ports.
 * App containers count, and init containers with `restartPolicy: Always` (sidecars), which keep
 * running and serve traffic. Containers are also checked for being there, with valid and unique
 * names, and the pod's and init containers' restartPolicy for values the API server allows. Other
 * pod and container fields (images among them) are only checked for being known.
 */
import type { ContainerPort } from './types';
import type { SourceRange } from './source';
import type { YEntry, YMap, YNode } from './tree';
import type { Issues } from './issues';
import { asItemMap, asList, asMap, asString, checkFields, defined, valueOf } from './reader';
import { checkPortName, readPortNumber, readProtocol } from './ports';
import { dnsLabelProblem } from './names';
import { say } from './messages';

// prettier-ignore
const POD_SPEC_FIELDS: ReadonlySet<string> = new Set([
  'activeDeadlineSeconds', 'affinity', 'automountServiceAccountToken', 'containers', 'dnsConfig',
  'dnsPolicy', 'enableServiceLinks', 'ephemeralContainers', 'hostAliases', 'hostIPC',
  'hostNetwork', 'hostPID', 'hostUsers', 'hostname', 'hostnameOverride', 'imagePullSecrets',
  'initContainers', 'nodeName', 'nodeSelector', 'os', 'overhead', 'preemptionPolicy', 'priority',
  'priorityClassName', 'readinessGates', 'resourceClaims', 'resources', 'restartPolicy',
  'runtimeClassName', 'schedulerName', 'schedulingGates', 'securityContext', 'serviceAccount',
  'serviceAccountName', 'setHostnameAsFQDN', 'shareProcessNamespace', 'subdomain',
  'terminationGracePeriodSeconds', 'tolerations', 'topologySpreadConstraints', 'volumes',
]);

// prettier-ignore
const CONTAINER_FIELDS: ReadonlySet<string> = new Set([
  'args', 'command', 'env', 'envFrom', 'image', 'imagePullPolicy', 'lifecycle', 'livenessProbe',
  'name', 'ports', 'readinessProbe', 'resizePolicy', 'resources', 'restartPolicy',
  'restartPolicyRules', 'securityContext', 'startupProbe', 'stdin', 'stdinOnce',
  'terminationMessagePath', 'terminationMessagePolicy', 'tty', 'volumeDevices', 'volumeMounts',
  'workingDir',
]);

const CONTAINER_PORT_FIELDS: ReadonlySet<string> = new Set([
  'containerPort',
  'hostIP',
  'hostPort',
  'name',
  'protocol',
]);

/** Where a pod spec sits: the object's kind (for messages) and where to point when it is absent. */
export interface PodSpecOwner {
  readonly kind: string;
  readonly range: SourceRange;
}

/**
 * The ports a pod spec exposes; `entry` is its `spec:` entry, `path` where it sits (`spec`,
 * `spec.template.spec`). The API server rejects a pod spec without containers, a container without
 * a valid, unique name, and a restartPolicy its kind does not allow. Here each of these is a
 * warning and the workload is kept: exported manifests (the netpol-analyzer corpus among them)
 * drop container names, sketches of a cluster leave out containers, and NetworkPolicy evaluation
 * needs neither.
 */
export function readPodSpecPorts(
  entry: YEntry | undefined,
  path: string,
  owner: PodSpecOwner,
  issues: Issues,
): ContainerPort[] {
  const errorsBefore = issues.errorCount;
  const spec = asMap(entry?.value, path, issues);
  checkFields(spec, path, POD_SPEC_FIELDS, issues);
  checkPodRestartPolicy(spec, path, entry?.keyRange ?? owner.range, owner.kind, issues);
  const containersNode = valueOf(spec, 'containers');
  const ports: ContainerPort[] = [];
  // Names are unique across containers and init containers: name → path of its first use.
  const names = new Map<string, string>();
  for (const field of ['containers', 'initContainers'] as const) {
    const listPath = `${path}.${field}`;
    const list = asList(valueOf(spec, field), listPath, issues);
    // Required and not empty; unless the spec or the list already had the wrong type.
    if (field === 'containers' && (list?.length ?? 0) === 0 && issues.errorCount === errorsBefore) {
      issues.warning(
        containersNode?.range ?? owner.range,
        'no-containers',
        say.noContainers(listPath, owner.kind),
      );
    }
    for (const [i, item] of (list ?? []).entries()) {
      const containerPath = `${listPath}[${i}]`;
      const container = asItemMap(item, containerPath, issues);
      checkFields(container, containerPath, CONTAINER_FIELDS, issues);
      if (container !== undefined) checkContainer(container, containerPath, names, owner.kind, issues);
      const restartPolicyNode = valueOf(container, 'restartPolicy');
      const restartPolicy = asString(restartPolicyNode, `${containerPath}.restartPolicy`, issues);
      if (field === 'initContainers' && restartPolicyNode && restartPolicy && restartPolicy !== 'Always') {
        // Only Always (a sidecar) is allowed; anything else is read as a plain init container.
        const message = say.restartPolicy(
          `${containerPath}.restartPolicy`,
          restartPolicy,
          'Always',
          owner.kind,
          'as an init container whose ports do not count',
        );
        issues.warning(restartPolicyNode.range, 'invalid-restart-policy', message);
      }
      const containerPorts = readContainerPorts(
        valueOf(container, 'ports'),
        `${containerPath}.ports`,
        issues,
      );
      if (field === 'containers' || restartPolicy === 'Always') ports.push(...containerPorts);
    }
  }
  return ports;
}

/**
 * A container's name: required, a DNS label, unique in the pod (validateContainerCommon and its
 * callers). It plays no part here: warnings only.
 */
function checkContainer(
  container: YMap,
  path: string,
  names: Map<string, string>,
  kind: string,
  issues: Issues,
): void {
  const nameNode = valueOf(container, 'name');
  const name = asString(nameNode, `${path}.name`, issues);
  if (nameNode === undefined || name === '') {
    issues.warning(nameNode?.range ?? container.range, 'unnamed-container', say.unnamedContainer(path, kind));
  } else if (name !== undefined) {
    const problem = dnsLabelProblem(name);
    const first = names.get(name);
    if (problem) {
      const message = say.containerName(`${path}.name`, name, problem, kind);
      issues.warning(nameNode.range, 'invalid-container-name', message);
    } else if (first !== undefined) {
      const message = say.duplicateContainer(`${path}.name`, name, first, kind);
      issues.warning(nameNode.range, 'duplicate-container-name', message);
    }
    if (first === undefined) names.set(name, path);
  }
}

/** The restart policies a pod spec may have, by kind (ValidatePodSpec, batch and apps validation). */
const RESTART_POLICIES: Readonly<Record<string, readonly string[]>> = {
  Pod: ['Always', 'OnFailure', 'Never'],
  // A Job's pods must end: Always, which an absent value defaults to, is refused.
  Job: ['OnFailure', 'Never'],
  CronJob: ['OnFailure', 'Never'],
};
/** The apps/v1 controllers and ReplicationController keep their pods running. */
const KEEP_RUNNING: readonly string[] = ['Always'];

/** `spec.restartPolicy`: absent means Always; the value must be one its kind allows. */
function checkPodRestartPolicy(
  spec: YMap | undefined,
  path: string,
  anchor: SourceRange,
  kind: string,
  issues: Issues,
): void {
  const allowed = RESTART_POLICIES[kind] ?? KEEP_RUNNING;
  const list = `${allowed.slice(0, -1).join(', ')}${allowed.length > 1 ? ' or ' : ''}${allowed.at(-1)}`;
  const policyPath = `${path}.restartPolicy`;
  const node = valueOf(spec, 'restartPolicy');
  if (node === undefined) {
    if (!allowed.includes('Always')) {
      issues.warning(anchor, 'invalid-restart-policy', say.restartPolicyRequired(policyPath, list, kind));
    }
    return;
  }
  // Nothing reads the pod's restartPolicy, so even a value of the wrong type is only a warning.
  const value = node.type === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
  if (value !== undefined && allowed.includes(value)) return;
  const message =
    value === undefined
      ? say.rejected(say.expected(policyPath, 'a string', node), kind)
      : say.restartPolicy(policyPath, value, list, kind);
  issues.warning(node.range, 'invalid-restart-policy', message);
}

function readContainerPorts(node: YNode | undefined, path: string, issues: Issues): ContainerPort[] {
  const names = new Set<string>();
  return (asList(node, path, issues) ?? []).flatMap((item, i) => {
    const portPath = `${path}[${i}]`;
    const map = asItemMap(item, portPath, issues);
    if (map === undefined) return [];
    checkFields(map, portPath, CONTAINER_PORT_FIELDS, issues);

    const portNode = valueOf(map, 'containerPort');
    const port = readPortNumber(portNode, `${portPath}.containerPort`, issues);
    if (portNode === undefined)
      issues.error(map.range, 'missing-field', say.required(`${portPath}.containerPort`));

    const hostPortNode = valueOf(map, 'hostPort');
    // hostPort 0 means "none"; anything else must be a port number.
    if (hostPortNode?.type !== 'scalar' || hostPortNode.value !== 0) {
      readPortNumber(hostPortNode, `${portPath}.hostPort`, issues);
    }
    asString(valueOf(map, 'hostIP'), `${portPath}.hostIP`, issues);

    const nameNode = valueOf(map, 'name');
    const name = asString(nameNode, `${portPath}.name`, issues);
    if (name !== undefined && nameNode !== undefined) {
      checkPortName(name, nameNode, `${portPath}.name`, issues);
      if (names.has(name))
        issues.error(
          nameNode.range,
          'duplicate-port-name',
          say.invalid(`${portPath}.name`, name, 'is already used by another port of this container'),
        );
      names.add(name);
    }
    const protocol = readProtocol(valueOf(map, 'protocol'), `${portPath}.protocol`, issues);
    return port === undefined ? [] : [defined({ name, port, protocol })];
  });
}
