/**
 * Pods and the controllers that template them. A Pod brings its own labels, its controlling owner
 * and its IPs (from `kubectl get` status); a controller brings its pod template's labels and ports.
 */
import type { IpRange, Labels, WorkloadKind, WorkloadResource } from './types';
import type { YMap, YNode } from './tree';
import type { Issues } from './issues';
import type { Metadata } from './metadata';
import { asList, asMap, asString, checkFields, defined, entryOf, headRange, valueOf } from './reader';
import { readTemplateLabels } from './metadata';
import { readPodSpecPorts } from './podspec';
import { readSelector, selects } from './selector';
import { ipRange, parseIp } from './cidr';
import { say } from './messages';

type ControllerKind = Exclude<WorkloadKind, 'Pod'>;

const COMMON_SPEC = ['selector', 'template', 'minReadySeconds'];
// prettier-ignore
const JOB_SPEC_FIELDS: ReadonlySet<string> = new Set([
  'activeDeadlineSeconds', 'backoffLimit', 'backoffLimitPerIndex', 'completionMode', 'completions',
  'managedBy', 'manualSelector', 'maxFailedIndexes', 'parallelism', 'podFailurePolicy',
  'podReplacementPolicy', 'selector', 'successPolicy', 'suspend', 'template', 'ttlSecondsAfterFinished',
]);
// prettier-ignore
const SPEC_FIELDS: Readonly<Record<ControllerKind, ReadonlySet<string>>> = {
  Deployment: new Set([...COMMON_SPEC, 'replicas', 'strategy', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds']),
  StatefulSet: new Set([
    ...COMMON_SPEC, 'replicas', 'volumeClaimTemplates', 'serviceName', 'podManagementPolicy', 'updateStrategy',
    'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'ordinals',
  ]),
  DaemonSet: new Set([...COMMON_SPEC, 'updateStrategy', 'revisionHistoryLimit']),
  ReplicaSet: new Set([...COMMON_SPEC, 'replicas']),
  ReplicationController: new Set([...COMMON_SPEC, 'replicas']),
  Job: JOB_SPEC_FIELDS,
  CronJob: new Set([
    'schedule', 'timeZone', 'startingDeadlineSeconds', 'concurrencyPolicy', 'suspend', 'jobTemplate',
    'successfulJobsHistoryLimit', 'failedJobsHistoryLimit',
  ]),
};
const TEMPLATE_FIELDS: ReadonlySet<string> = new Set(['metadata', 'spec']);

/** Reads a Pod or controller whose top level and metadata are already read. */
export function readWorkload(
  root: YMap,
  kind: WorkloadKind,
  meta: Metadata,
  issues: Issues,
): WorkloadResource {
  const common = { kind, namespace: meta.namespace, name: meta.name, location: issues.at(root.range) };
  const owner = { kind, range: headRange(root) };
  if (kind === 'Pod') {
    return defined({
      ...common,
      labels: meta.labels,
      ports: readPodSpecPorts(entryOf(root, 'spec'), 'spec', owner, issues),
      podIPs: readPodIPs(asMap(valueOf(root, 'status'), 'status', issues), issues),
      owner: meta.owner,
    });
  }
  const errorsBefore = issues.errorCount;
  const { spec, template, path } = findTemplate(root, kind, issues);
  // Required; unless something on the way to it already had the wrong type.
  if (template === undefined && issues.errorCount === errorsBefore) {
    issues.error(headRange(root), 'missing-field', say.required(`${path}.template`));
  }
  checkFields(template, `${path}.template`, TEMPLATE_FIELDS, issues);
  const labelsPath = `${path}.template.metadata`;
  const labels = readTemplateLabels(valueOf(template, 'metadata'), labelsPath, kind, issues);
  const ports =
    template === undefined
      ? []
      : readPodSpecPorts(entryOf(template, 'spec'), `${path}.template.spec`, owner, issues);
  if (APPS_V1.has(kind) && (spec !== undefined || valueOf(root, 'spec') === undefined)) {
    // Whether it selects the template only makes sense once the template reads cleanly.
    const clean = issues.errorCount === errorsBefore;
    checkSelector(root, spec, kind, clean ? { labels, path: `${labelsPath}.labels` } : undefined, issues);
  }
  return { ...common, labels, ports, podIPs: [] };
}

/** Controllers whose selector apps/v1 requires, and requires to select their pod template. */
const APPS_V1: ReadonlySet<WorkloadKind> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/**
 * `spec.selector` of an apps/v1 controller: required, not empty, and matching the template's
 * labels (apps validation, ValidatePodTemplateSpecForReplicaSet and its siblings). Read only for
 * these checks: the engine selects a controller's pods by their template labels.
 */
function checkSelector(
  root: YMap,
  spec: YMap | undefined,
  kind: WorkloadKind,
  template: { labels: Labels; path: string } | undefined,
  issues: Issues,
): void {
  const node = valueOf(spec, 'selector');
  const errorsBefore = issues.errorCount;
  const selector = readSelector(node, 'spec.selector', issues);
  if (issues.errorCount > errorsBefore) return;
  if (node === undefined || selector === undefined) {
    issues.error(headRange(root), 'missing-field', say.required('spec.selector'));
  } else if (Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0) {
    issues.error(node.range, 'invalid-workload-selector', say.emptySelector('spec.selector', kind));
  } else if (template !== undefined && !selects(selector, template.labels)) {
    issues.error(
      node.range,
      'invalid-workload-selector',
      say.selectorMismatch('spec.selector', template.path),
    );
  }
}

/** The pod template: `spec.template`, or `spec.jobTemplate.spec.template` for a CronJob. */
function findTemplate(
  root: YMap,
  kind: ControllerKind,
  issues: Issues,
): { spec?: YMap; template?: YMap; path: string } {
  const spec = asMap(valueOf(root, 'spec'), 'spec', issues);
  checkFields(spec, 'spec', SPEC_FIELDS[kind], issues);
  if (kind !== 'CronJob') {
    return { spec, template: asMap(valueOf(spec, 'template'), 'spec.template', issues), path: 'spec' };
  }
  const jobTemplate = asMap(valueOf(spec, 'jobTemplate'), 'spec.jobTemplate', issues);
  checkFields(jobTemplate, 'spec.jobTemplate', TEMPLATE_FIELDS, issues);
  const path = 'spec.jobTemplate.spec';
  const jobSpec = asMap(valueOf(jobTemplate, 'spec'), path, issues);
  checkFields(jobSpec, path, JOB_SPEC_FIELDS, issues);
  return { spec, template: asMap(valueOf(jobSpec, 'template'), `${path}.template`, issues), path };
}

/** `status.podIP` and `status.podIPs[].ip`, deduplicated; malformed ones are skipped with a warning. */
function readPodIPs(status: YMap | undefined, issues: Issues): IpRange[] {
  const found: { node: YNode; path: string }[] = [];
  const podIP = valueOf(status, 'podIP');
  if (podIP) found.push({ node: podIP, path: 'status.podIP' });
  for (const [i, item] of (asList(valueOf(status, 'podIPs'), 'status.podIPs', issues) ?? []).entries()) {
    const ip = valueOf(asMap(item, `status.podIPs[${i}]`, issues), 'ip');
    if (ip) found.push({ node: ip, path: `status.podIPs[${i}].ip` });
  }
  const ranges: IpRange[] = [];
  for (const { node, path } of found) {
    const text = asString(node, path, issues);
    const ip = text === undefined ? undefined : parseIp(text);
    if (text !== undefined && ip === undefined) {
      issues.warning(
        node.range,
        'invalid-pod-ip',
        say.invalid(path, text, 'is not an IP address; it is skipped'),
      );
    }
    if (ip && !ranges.some((r) => r.family === ip.family && r.first === ip.value)) ranges.push(ipRange(ip));
  }
  return ranges;
}
