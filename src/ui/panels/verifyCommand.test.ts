import { describe, expect, it } from 'vitest';
import type { Endpoint, EndpointId, WorkloadEndpoint } from '../../engine/types';
import { portToTry, verifyCommand } from './verifyCommand';

const workload = (over: Partial<WorkloadEndpoint>): Endpoint => ({
  type: 'workload',
  id: 'ns/w[Pod]' as EndpointId,
  kind: 'Pod',
  namespace: 'shop',
  name: 'client',
  labels: {},
  ports: [],
  ips: [],
  locations: [],
  ...over,
});
const CLIENT = workload({});
const WEB_IP = workload({ name: 'web', ips: [{ family: 4, first: 0x0a000005n, last: 0x0a000005n }] });
const outside = (first: bigint, last: bigint): Endpoint => ({ type: 'external', id: 'x' as EndpointId, kind: 'IPBlock', range: { family: 4, first, last } });

describe('the command that checks a verdict on a cluster', () => {
  it('execs in the source pod and connects to the destination’s known IP, TCP by nc', () => {
    const { command, notes } = verifyCommand(CLIENT, WEB_IP, 'TCP', 80, true);
    expect(command).toBe('kubectl exec -n shop client -- nc -zv -w 2 10.0.0.5 80');
    expect(notes[0]).toMatch(/^Expect the connection to succeed/);
    expect(verifyCommand(CLIENT, WEB_IP, 'TCP', 80, false).notes[0]).toMatch(/^Expect it to time out/);
  });

  it('asks the cluster for an address the input does not have: a pod by name, a controller’s pods by their labels', () => {
    expect(verifyCommand(CLIENT, workload({ name: 'db' }), 'TCP', 5432, true).command).toBe(
      "kubectl exec -n shop client -- nc -zv -w 2 $(kubectl get pod -n shop db -o jsonpath='{.status.podIP}') 5432",
    );
    const api = workload({ kind: 'Deployment', name: 'api', labels: { app: 'api', 'pod-template-hash': 'x' }, varyingLabels: ['pod-template-hash'] });
    expect(verifyCommand(CLIENT, api, 'TCP', 8080, true).command).toBe(
      "kubectl exec -n shop client -- nc -zv -w 2 $(kubectl get pod -n shop -l app=api -o jsonpath='{.items[0].status.podIP}') 8080",
    );
  });

  it('execs through a controller kubectl can pick a pod of, else says which pod to put', () => {
    const deployment = workload({ kind: 'Deployment', name: 'front' });
    expect(verifyCommand(deployment, WEB_IP, 'TCP', 80, true).command).toMatch(/^kubectl exec -n shop deployment\/front -- /);
    const cron = verifyCommand(workload({ kind: 'CronJob', name: 'nightly' }), WEB_IP, 'TCP', 80, true);
    expect(cron.command).toMatch(/^kubectl exec -n shop POD -- /);
    expect(cron.notes.some((n) => n.includes('Put for POD a pod of shop/nightly'))).toBe(true);
  });

  it('uses the protocol’s tool, and says what UDP and SCTP results mean', () => {
    const udp = verifyCommand(CLIENT, WEB_IP, 'UDP', 53, true);
    expect(udp.command).toContain('nc -zuv -w 2 10.0.0.5 53');
    expect(udp.notes.some((n) => n.startsWith('UDP has no handshake'))).toBe(true);
    expect(verifyCommand(CLIENT, WEB_IP, 'SCTP', 9, true).command).toContain('ncat --sctp -zv -w 2 10.0.0.5 9');
  });

  it('names a placeholder for any port and for an outside destination, and runs nothing for an outside source', () => {
    const any = verifyCommand(CLIENT, outside(0n, 0xffffffffn), 'TCP', undefined, false);
    expect(any.command).toBe('kubectl exec -n shop client -- nc -zv -w 2 ADDRESS PORT');
    expect(any.notes).toContain('Put for ADDRESS any address from 0.0.0.0 to 255.255.255.255: the policies treat them all alike.');
    expect(any.notes).toContain('Put for PORT the port to try.');
    const inbound = verifyCommand(outside(0x0a000000n, 0x0affffffn), WEB_IP, 'TCP', 80, true);
    expect(inbound.command).toBeUndefined();
    expect(inbound.notes[0]).toContain('from a machine with an address from 10.0.0.0 to 10.255.255.255');
  });

  it('quotes what the shell would split', () => {
    expect(verifyCommand(workload({ namespace: 'a b' }), WEB_IP, 'TCP', 80, true).command).toMatch(/^kubectl exec -n 'a b' client/);
  });
});

describe('the port worth trying', () => {
  const set = (tcp: [number, number][], udp: [number, number][] = []) => ({ TCP: tcp, UDP: udp, SCTP: [] });
  it('is one the destination listens on, else a whole protocol, else the first of the set; none of an empty set', () => {
    const web = workload({ ports: [{ port: 9090, protocol: 'UDP' }, { port: 8080 }] });
    expect(portToTry(set([[1, 9000]]), web)).toEqual({ protocol: 'TCP', port: 8080 });
    expect(portToTry(set([[81, 90]]), web)).toEqual({ protocol: 'TCP', port: 81 });
    expect(portToTry(set([[1, 65535]]), undefined)).toEqual({ protocol: 'TCP' });
    expect(portToTry(set([[1, 79], [81, 65535]], [[1, 65535]]), workload({ ports: [{ port: 80 }] }))).toEqual({ protocol: 'UDP' });
    expect(portToTry(set([]), web)).toBeUndefined();
  });
});
