/**
 * JSON Schema of ConnectivityExpectations (netpol-canvas/v1alpha1): what should and should not
 * talk, checked against the manifests beside it. The model (src/model/expectations.ts) is the
 * reference; this schema gives the same rules as hovers, completion and early warnings.
 */
import type { JSONSchema } from 'monaco-yaml';

const API_VERSION = 'netpol-canvas/v1alpha1';

/** `ns/name[Kind]`, an IPv4 or IPv6 address or CIDR, or an outside range `first-last`. */
const PATTERN_TEXT = '^([^/\\s]+/[^/\\[\\]\\s]+\\[[A-Za-z]+\\]|[0-9a-fA-F:.]+(/[0-9]+)?|[0-9a-fA-F:.]+-[0-9a-fA-F:.]+)$';

const pattern = (role: string): JSONSchema => ({
  description: `${role}: an endpoint id as the graph shows it (\`namespace/name[Kind]\`, quoted inside [ ] or { }), an IP or CIDR for the outside world, or \`{namespace, labels}\` for every workload that matches both.`,
  anyOf: [
    { type: 'string', pattern: PATTERN_TEXT, patternErrorMessage: 'Write namespace/name[Kind], an IP or a CIDR.' },
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        namespace: { type: 'string', description: 'The namespace the workloads are in, by name. Absent: every namespace.' },
        labels: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Labels every matched workload carries, all of them. Absent or {}: any labels.',
        },
      },
    },
  ],
});

const expectation: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  description:
    'One expectation. For every matched pair of distinct endpoints, `expect: allowed` holds when every listed port is allowed and `expect: denied` when none is; `only` holds when no other source reaches `to` on those ports. A pattern that matches nothing fails.',
  oneOf: [{ required: ['expect'] }, { required: ['only', 'to'] }],
  properties: {
    from: pattern('The source. Absent: any source, pods and the outside world'),
    to: pattern('The destination. Absent: any destination'),
    ports: {
      type: 'array',
      minItems: 1,
      description: 'The ports the expectation is about. Absent: every port of every protocol.',
      items: {
        type: 'string',
        pattern: '^(TCP|UDP|SCTP)(/[0-9]+(-[0-9]+)?)?$',
        patternErrorMessage: 'Write TCP/80, UDP/53, TCP/8000-8080, or just TCP for every TCP port.',
        examples: ['TCP/80', 'TCP/443', 'UDP/53', 'TCP/8000-8080', 'TCP'],
      },
    },
    expect: {
      enum: ['allowed', 'denied'],
      description: 'What must be true of every matched pair.',
      enumDescriptions: ['Every listed port is allowed.', 'None of the listed ports is allowed.'],
    },
    only: {
      type: 'array',
      minItems: 1,
      description:
        'The only sources that may reach `to` on `ports`; every other source (of `from`, else any) must be denied. The listed sources themselves are not checked.',
      items: pattern('A source that may reach `to`'),
    },
  },
};

export const connectivityExpectationsSchema: JSONSchema = {
  type: 'object',
  description:
    'What should and should not be able to talk, checked live in the Checks panel and by `netpol-canvas check` in CI. Never applied to a cluster: kubectl would refuse it, so keep it out of what you apply.',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: API_VERSION, description: `Always ${API_VERSION}.` },
    kind: { const: 'ConnectivityExpectations' },
    metadata: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', description: 'A name for this set of expectations, shown with each result.' } },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['expectations'],
      properties: {
        expectations: {
          type: 'array',
          minItems: 1,
          description: 'The expectations, checked in order.',
          items: expectation,
        },
      },
    },
  },
};
