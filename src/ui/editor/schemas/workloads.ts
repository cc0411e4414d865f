/**
 * JSON Schemas of Namespace, Pod and the workload kinds, limited to the fields that matter for
 * network policies (labels, container ports, pod IPs). Other fields are allowed and ignored.
 */
import type { JSONSchema } from 'monaco-yaml';
import { clusterObjectMeta, labelSelector, objectMeta } from './meta';

const containerPort: JSONSchema = {
  type: 'object',
  description: 'A port the container listens on.',
  required: ['containerPort'],
  properties: {
    name: {
      type: 'string',
      description: 'A name for the port, which a NetworkPolicy port may refer to instead of the number.',
    },
    containerPort: { type: 'integer', minimum: 1, maximum: 65535, description: 'The port number.' },
    protocol: { enum: ['TCP', 'UDP', 'SCTP'], description: 'TCP, UDP or SCTP. When absent: TCP.' },
  },
};

const container: JSONSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'Name of the container, unique in the pod.' },
    image: { type: 'string', description: 'Container image to run.' },
    ports: {
      type: 'array',
      items: containerPort,
      description: 'Ports the container exposes. Named ports can be used in NetworkPolicy rules.',
    },
  },
};

const podSpec: JSONSchema = {
  type: 'object',
  description: 'What runs in the pod.',
  properties: {
    containers: { type: 'array', items: container, description: 'The containers of the pod.' },
    initContainers: {
      type: 'array',
      items: container,
      description:
        'Containers run before the others. Those with `restartPolicy: Always` are sidecars: their ports count.',
    },
  },
};

const podTemplate: JSONSchema = {
  type: 'object',
  description: 'The pods this workload creates: their labels are what NetworkPolicies select.',
  properties: {
    metadata: {
      type: 'object',
      properties: {
        labels: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Labels of the created pods.',
        },
      },
    },
    spec: podSpec,
  },
};

function kindSchema(apiVersion: string, kind: string, description: string, spec: JSONSchema): JSONSchema {
  return {
    type: 'object',
    description,
    required: ['apiVersion', 'kind', 'metadata'],
    properties: {
      apiVersion: { const: apiVersion, description: `API group and version of ${kind}: \`${apiVersion}\`.` },
      kind: { const: kind, description: `The kind of object: \`${kind}\`.` },
      metadata: objectMeta,
      spec,
    },
  };
}

const controllerSpec = (extra: Record<string, JSONSchema> = {}): JSONSchema => ({
  type: 'object',
  properties: {
    selector: labelSelector('Which pods this controller owns. Must match the template labels.'),
    template: podTemplate,
    ...extra,
  },
});

/** Pod and workload kinds, by kind name. */
export const workloadSchemas: Record<string, JSONSchema> = {
  Pod: {
    ...kindSchema('v1', 'Pod', 'A single pod.', podSpec),
    properties: {
      ...kindSchema('v1', 'Pod', '', podSpec).properties,
      status: {
        type: 'object',
        description: 'Observed state. Pod IPs here are matched against ipBlock peers.',
        properties: {
          podIP: { type: 'string', description: 'The pod\'s primary IP address.' },
          podIPs: {
            type: 'array',
            items: { type: 'object', properties: { ip: { type: 'string' } } },
            description: 'All IP addresses of the pod (one per IP family).',
          },
        },
      },
    },
  },
  Deployment: kindSchema('apps/v1', 'Deployment', 'Runs replicas of a pod template.', controllerSpec()),
  StatefulSet: kindSchema('apps/v1', 'StatefulSet', 'Runs pods with stable identities.', controllerSpec()),
  DaemonSet: kindSchema('apps/v1', 'DaemonSet', 'Runs one pod per node.', controllerSpec()),
  ReplicaSet: kindSchema('apps/v1', 'ReplicaSet', 'Keeps a number of pod replicas running.', controllerSpec()),
  ReplicationController: kindSchema('v1', 'ReplicationController', 'The older form of ReplicaSet.', {
    type: 'object',
    properties: {
      selector: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description: 'Labels of the pods this controller owns.',
      },
      template: podTemplate,
    },
  }),
  Job: kindSchema('batch/v1', 'Job', 'Runs pods to completion.', controllerSpec()),
  CronJob: kindSchema('batch/v1', 'CronJob', 'Creates Jobs on a schedule.', {
    type: 'object',
    properties: {
      schedule: { type: 'string', description: 'When to run, in cron format.' },
      jobTemplate: {
        type: 'object',
        description: 'The Job created at each run.',
        properties: { spec: controllerSpec() },
      },
    },
  }),
};

/** The Namespace kind. */
export const namespaceSchema: JSONSchema = {
  type: 'object',
  description: 'A namespace. Its labels are what namespaceSelector peers match.',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { const: 'v1', description: 'API version of Namespace: `v1`.' },
    kind: { const: 'Namespace', description: 'The kind of object: `Namespace`.' },
    metadata: clusterObjectMeta,
  },
};
