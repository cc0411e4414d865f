/**
 * The parts of a PodSpec that NetworkPolicy evaluation needs: container ports, for named ports.
 * App containers count, and init containers with `restartPolicy: Always` (sidecars), which keep
 * running and serve traffic. Other pod fields are only checked for being known, and containers for
 * being there, with names.
 */
import type { ContainerPort } from './types';
import type { SourceRange } from './source';
import type { YNode } from './tree';
import type { Issues } from './issues';
import { asItemMap, asList, asMap, asString, checkFields, defined, valueOf } from './reader';
import { checkPortName, readPortNumber, readProtocol } from './ports';
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
 * The ports a pod spec exposes; `path` is where the spec sits (`spec`, `spec.template.spec`).
 * The API server requires at least one container, each with a name. Both are warnings here, and
 * the workload is kept: exported manifests (the netpol-analyzer corpus among them) drop container
 * names, sketches of a cluster often leave out containers, and NetworkPolicy evaluation needs
 * neither.
 */
export function readPodSpecPorts(
  node: YNode | undefined,
  path: string,
  owner: PodSpecOwner,
  issues: Issues,
): ContainerPort[] {
  const errorsBefore = issues.errorCount;
  const spec = asMap(node, path, issues);
  checkFields(spec, path, POD_SPEC_FIELDS, issues);
  const containersNode = valueOf(spec, 'containers');
  const ports: ContainerPort[] = [];
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
      const nameNode = valueOf(container, 'name');
      const name = asString(nameNode, `${containerPath}.name`, issues);
      if (container !== undefined && (nameNode === undefined || name === '')) {
        issues.warning(
          nameNode?.range ?? container.range,
          'unnamed-container',
          say.unnamedContainer(containerPath, owner.kind),
        );
      }
      const restartPolicy = asString(
        valueOf(container, 'restartPolicy'),
        `${containerPath}.restartPolicy`,
        issues,
      );
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
