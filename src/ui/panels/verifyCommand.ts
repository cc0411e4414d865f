/**
 * A command that checks a verdict on a real cluster, so a student can see the prediction hold:
 * from a pod of the source, connect to the destination on one port with a two-second timeout —
 * `nc` for TCP and UDP, `ncat --sctp` for SCTP — and what to expect. Pure: endpoints in, text out.
 */
import { addressText, allowsQuery, failingQuery, isNoConnections } from '../../engine';
import type { ConnectionSet, Endpoint, PortQuery, WorkloadEndpoint } from '../../engine/types';
import { PROTOCOLS, type Protocol } from '../../model/types';

export interface VerifyCommand {
  /** Absent when no pod can run it (traffic from outside the cluster): `notes` say what to do. */
  readonly command?: string;
  /** What the command's outcome means, and what it needs. */
  readonly notes: readonly string[];
}

/**
 * The port of `set` worth trying (or explaining): one the destination's containers listen on, else
 * a whole protocol the set holds (`UDP`, any port: clearer than its first port), else the set's
 * first port; undefined when `set` is empty.
 */
export function portToTry(set: ConnectionSet, to: Endpoint | undefined): PortQuery | undefined {
  const listening = to?.type === 'workload' ? to.ports : [];
  const served = listening.find((p) => allowsQuery(set, p.protocol ?? 'TCP', p.port));
  if (served) return { protocol: served.protocol ?? 'TCP', port: served.port };
  if (isNoConnections(set)) return undefined;
  const whole = PROTOCOLS.find((p) => set[p].length === 1 && set[p][0]![0] === 1 && set[p][0]![1] === 65535);
  if (whole) return { protocol: whole };
  return failingQuery(set);
}

/** `kubectl exec` takes a Pod, or a controller it picks one pod of. */
const EXEC_KINDS: Readonly<Record<string, string>> = {
  Pod: '',
  Deployment: 'deployment/',
  StatefulSet: 'statefulset/',
  DaemonSet: 'daemonset/',
  ReplicaSet: 'replicaset/',
  Job: 'job/',
  ReplicationController: 'replicationcontroller/',
};

/** A shell word: names and label values need no quotes; anything else is single-quoted. */
const word = (text: string) => (/^[\w./:=,@-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

function execTarget(source: WorkloadEndpoint): string | undefined {
  const prefix = EXEC_KINDS[source.kind];
  return prefix === undefined ? undefined : `-n ${word(source.namespace)} ${word(`${prefix}${source.name}`)}`;
}

/** The destination's address: known from the input, else asked of the cluster, else a placeholder. */
function address(to: Endpoint): { text: string; note?: string } {
  if (to.type === 'external') {
    const first = addressText(to.range.family, to.range.first);
    const last = addressText(to.range.family, to.range.last);
    return { text: 'ADDRESS', note: `Put for ADDRESS any address from ${first} to ${last}: the policies treat them all alike.` };
  }
  const ip = to.ips[0];
  if (ip) return { text: addressText(ip.family, ip.first) };
  const namespace = `-n ${word(to.namespace)}`;
  if (to.kind === 'Pod') return { text: `$(kubectl get pod ${namespace} ${word(to.name)} -o jsonpath='{.status.podIP}')` };
  const varying = new Set(to.varyingLabels ?? []);
  const selector = Object.entries(to.labels)
    .filter(([key]) => !varying.has(key))
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  if (selector === '') return { text: 'POD_IP', note: `Put for POD_IP the IP of a pod of ${to.namespace}/${to.name}.` };
  return { text: `$(kubectl get pod ${namespace} -l ${word(selector)} -o jsonpath='{.items[0].status.podIP}')` };
}

const PROBES: Readonly<Record<Protocol, { tool: string; note?: string }>> = {
  TCP: { tool: 'nc -zv -w 2' },
  UDP: {
    tool: 'nc -zuv -w 2',
    note: 'UDP has no handshake: nc reports success unless an ICMP error comes back, so a silent drop looks like success. Prefer a client of the service itself (dig for DNS).',
  },
  SCTP: { tool: 'ncat --sctp -zv -w 2', note: 'ncat (from nmap) speaks SCTP; busybox nc does not.' },
};

/**
 * The command that tries `protocol`/`port` from `from` to `to`, and what to expect: `allowed`
 * says whether the policies allow it. `port` absent: any port, so the command names `PORT`.
 */
export function verifyCommand(from: Endpoint, to: Endpoint, protocol: Protocol, port: number | undefined, allowed: boolean): VerifyCommand {
  const expect = allowed
    ? 'Expect the connection to succeed (if something listens on that port: else "refused", which still means the policies let it through).'
    : 'Expect it to time out: the policies drop it (a CNI that enforces NetworkPolicy is needed for that).';
  const portText = port === undefined ? 'PORT' : String(port);
  const portNote = port === undefined ? ['Put for PORT the port to try.'] : [];
  if (from.type === 'external') {
    return {
      notes: [
        `The source is outside the cluster: try it from a machine with an address from ${addressText(from.range.family, from.range.first)} to ${addressText(from.range.family, from.range.last)}, with ${PROBES[protocol].tool} to the pod's address (or a Service or load balancer in front of it).`,
        expect,
      ],
    };
  }
  const target = execTarget(from);
  const destination = address(to);
  const probe = PROBES[protocol];
  const command = `kubectl exec ${target ?? `-n ${word(from.namespace)} POD`} -- ${probe.tool} ${destination.text} ${portText}`;
  const notes = [
    expect,
    ...(target === undefined ? [`Put for POD a pod of ${from.namespace}/${from.name} (kubectl exec cannot pick one of a ${from.kind}).`] : []),
    ...(destination.note ? [destination.note] : []),
    ...portNote,
    ...(probe.note ? [probe.note] : []),
    'The pod’s image needs the tool; if it has none, run it from a debug container: kubectl debug -n <namespace> -it <pod> --image=nicolaka/netshoot -- …',
  ];
  return { command, notes };
}
