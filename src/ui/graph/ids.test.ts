import { describe, expect, it } from 'vitest';
import type { EndpointId } from '../../engine/types';
import { EXTERNAL_GROUP_ID, bundleId, edgeEnds, edgeId, endpointOfNode, endpointsOfNode, externalNodeId, namespaceNodeId, namespaceOfNode } from './ids';

const WORKLOAD = 'team-b/other-client[Pod]' as EndpointId;
const V4 = '0.0.0.0-9.255.255.255' as EndpointId;
const V6 = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' as EndpointId;

describe('graph ids', () => {
  it('read a namespace node back as its namespace, and nothing else as one', () => {
    expect(namespaceOfNode(namespaceNodeId('team-b'))).toBe('team-b');
    for (const other of [WORKLOAD, V4, V6, externalNodeId([V4, V6]), EXTERNAL_GROUP_ID]) expect(namespaceOfNode(other)).toBeUndefined();
  });

  it('read the endpoint a node stands for: a workload itself, an external group its first range', () => {
    expect(endpointOfNode(WORKLOAD)).toBe(WORKLOAD);
    expect(endpointOfNode(externalNodeId([V6]))).toBe(V6);
    expect(endpointOfNode(externalNodeId([V4, V6]))).toBe(V4);
    expect(endpointOfNode(namespaceNodeId('default'))).toBeUndefined();
    expect(endpointOfNode(EXTERNAL_GROUP_ID)).toBeUndefined();
  });

  it('give every ordered pair of nodes its own edge id', () => {
    const nodes = [WORKLOAD, V4, V6, externalNodeId([V4, V6]), namespaceNodeId('default'), namespaceNodeId('a-b')];
    const ids = nodes.flatMap((from) => nodes.filter((to) => to !== from).map((to) => edgeId(from, to)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('read the endpoints a node stands for: every range of an external group, none for a frame', () => {
    expect(endpointsOfNode(WORKLOAD)).toEqual([WORKLOAD]);
    expect(endpointsOfNode(externalNodeId([V4, V6]))).toEqual([V4, V6]);
    expect(endpointsOfNode(namespaceNodeId('default'))).toEqual([]);
    expect(endpointsOfNode(EXTERNAL_GROUP_ID)).toEqual([]);
  });

  it('give bundles of one group and hub with other labels their own ids, and read every edge id back', () => {
    const group = namespaceNodeId('shop');
    const ids = [bundleId(group, WORKLOAD, 'All'), bundleId(group, WORKLOAD, 'TCP 53,UDP 53'), edgeId(group, WORKLOAD)];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(edgeEnds(id)).toEqual({ source: group, target: WORKLOAD });
    expect(edgeEnds(edgeId(externalNodeId([V4, V6]), WORKLOAD))).toEqual({ source: externalNodeId([V4, V6]), target: WORKLOAD });
  });
});
