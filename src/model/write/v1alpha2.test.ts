import { parseDocument, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KUBECTL_YAML_OPTIONS } from '../yaml';
import { rewriteAsClusterNetworkPolicy, type V1alpha1Kind } from './v1alpha2';

/** `text` rewritten, printed as the `yaml` package prints it, and the notes' messages. */
function rewritten(text: string, kind: V1alpha1Kind = 'AdminNetworkPolicy', priority = 10) {
  const doc = parseDocument(text, KUBECTL_YAML_OPTIONS);
  const result = rewriteAsClusterNetworkPolicy(doc.contents as YAMLMap<unknown, unknown>, kind, priority);
  return {
    text: doc.toString({ lineWidth: 0, indentSeq: false }),
    notes: result.ok ? result.notes.map((n) => n.message) : [],
    reason: result.ok ? undefined : result.reason,
  };
}

const ANP_HEAD = 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: a\n';
const V2_HEAD = 'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: a\n';

describe('rewriteAsClusterNetworkPolicy', () => {
  it('makes an AdminNetworkPolicy a ClusterNetworkPolicy of the Admin tier, tier just before its priority', () => {
    const spec = 'spec:\n  subject:\n    namespaces: {}\n  priority: 7\n  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/8]\n';
    expect(rewritten(ANP_HEAD + spec).text).toBe(
      `${V2_HEAD}spec:\n  subject:\n    namespaces: {}\n  tier: Admin\n  priority: 7\n  egress:\n  - action: Deny\n    to:\n    - networks: [ 10.0.0.0/8 ]\n`,
    );
  });

  it('makes the BaselineAdminNetworkPolicy a ClusterNetworkPolicy of the Baseline tier with the given priority, first in its spec', () => {
    const text = ANP_HEAD.replace('AdminNetworkPolicy', 'BaselineAdminNetworkPolicy').replace('name: a', 'name: default');
    const { text: out } = rewritten(`${text}spec:\n  subject:\n    namespaces: {}\n`, 'BaselineAdminNetworkPolicy', 10);
    expect(out).toBe(`${V2_HEAD.replace('name: a', 'name: default')}spec:\n  tier: Baseline\n  priority: 10\n  subject:\n    namespaces: {}\n`);
  });

  it('says Accept for Allow, keeping the quotes, and leaves Deny and Pass', () => {
    const rules = ['"Allow"', 'Deny', "'Pass'", 'Allow'].map((a) => `  - action: ${a}\n    from:\n    - namespaces: {}\n`);
    const { text } = rewritten(`${ANP_HEAD}spec:\n  priority: 1\n  subject:\n    namespaces: {}\n  ingress:\n${rules.join('')}`);
    expect(text.match(/action: .*/g)).toEqual(['action: "Accept"', 'action: Deny', "action: 'Pass'", 'action: Accept']);
  });

  it('rewrites ports item by item as protocols: numbers, ranges, one-port ranges, named ports; TCP when no protocol', () => {
    const ports = [
      '    - portNumber:\n        port: 80\n',
      '    - portNumber:\n        protocol: UDP\n        port: 53\n',
      '    - portRange:\n        protocol: SCTP\n        start: 1000\n        end: 2000\n',
      '    - portRange:\n        start: 8080\n        end: 8080\n',
      '    - namedPort: web\n',
    ];
    const { text, notes } = rewritten(
      `${ANP_HEAD}spec:\n  priority: 1\n  subject:\n    namespaces: {}\n  ingress:\n  - action: Allow\n    from:\n    - namespaces: {}\n    ports:\n${ports.join('')}`,
    );
    expect(text.slice(text.indexOf('    protocols:'))).toBe(
      '    protocols:\n' +
        '    - tcp:\n        destinationPort:\n          number: 80\n' +
        '    - udp:\n        destinationPort:\n          number: 53\n' +
        '    - sctp:\n        destinationPort:\n          range:\n            start: 1000\n            end: 2000\n' +
        '    - tcp:\n        destinationPort:\n          number: 8080\n' +
        '    - destinationNamedPort: web\n',
    );
    expect(notes).toEqual([
      'spec.ingress[0].ports[3]: the portRange 8080-8080 is written as the port number 8080 (a v1alpha2 range needs start < end)',
    ]);
  });

  it('keeps flow style, and the comments of replaced nodes above the item that replaces them', () => {
    const { text } = rewritten(
      `${ANP_HEAD}spec:\n  priority: 1\n  subject: {namespaces: {}}\n  egress:\n  - action: Allow # open\n    to: [{namespaces: {}}]\n    ports:\n` +
        '    # dns first\n    - portNumber: # the resolver\n        protocol: UDP # not TCP\n        port: 53 # dns\n' +
        '    - portRange: {protocol: TCP, start: 1, end: 1024}\n',
    );
    expect(text.slice(text.indexOf('  - action'))).toBe(
      '  - action: Accept # open\n    to: [ { namespaces: {} } ]\n    protocols:\n' +
        '    # dns first\n    # the resolver\n    # not TCP\n    - udp:\n        destinationPort:\n          number: 53 # dns\n' +
        '    - tcp: { destinationPort: { range: { start: 1, end: 1024 } } }\n',
    );
  });

  it('adds podSelector: {} where a pods selector has none, and says where', () => {
    const { text, notes } = rewritten(
      `${ANP_HEAD}spec:\n  priority: 1\n  subject:\n    pods:\n      namespaceSelector: {}\n  ingress:\n  - action: Deny\n    from:\n` +
        '    - pods:\n        namespaceSelector: {matchLabels: {a: b}}\n    - pods:\n        podSelector: {}\n',
    );
    expect(text).toContain('  subject:\n    pods:\n      namespaceSelector: {}\n      podSelector: {}\n');
    expect(text).toContain('    - pods:\n        namespaceSelector: { matchLabels: { a: b } }\n        podSelector: {}\n');
    // A pods selector without namespaceSelector is valid v1alpha2 (all namespaces): left as written.
    expect(text).toContain('    - pods:\n        podSelector: {}\n');
    expect(notes).toEqual([
      'podSelector: {} added to spec.subject.pods, spec.ingress[0].from[0].pods: v1alpha2 requires it, and the missing selector was read as {} (all pods) in v1alpha1 too',
    ]);
  });

  it('notes the experimental peers it keeps, and the unknown port fields it drops', () => {
    const { notes } = rewritten(
      `${ANP_HEAD}spec:\n  priority: 1\n  subject: {namespaces: {}}\n  egress:\n  - action: Deny\n    to:\n    - nodes: {}\n    - domainNames: [example.com]\n` +
        '    ports:\n    - portNumber: {port: 80, appProtocol: http}\n',
    );
    expect(notes).toEqual([
      'spec.egress[0].ports[0]: unknown field appProtocol dropped (the API server prunes it)',
      'spec.egress[0].to[0].nodes, spec.egress[0].to[1].domainNames: only the experimental channel of the v1alpha2 CRD has these fields, as in v1alpha1 (the standard one rejects the object)',
    ]);
  });

  it('refuses a spec with anchors, aliases or merge keys, changing nothing', () => {
    for (const spec of [
      'spec:\n  priority: 1\n  subject: &all {namespaces: {}}\n  ingress:\n  - action: Allow\n    from: [*all]\n',
      'spec:\n  priority: 1\n  subject:\n    <<: {namespaces: {}}\n',
    ]) {
      const { text, reason } = rewritten(ANP_HEAD + spec);
      expect(reason).toMatch(/anchors, aliases or merge keys/);
      expect(text).toContain('kind: AdminNetworkPolicy');
    }
  });
});
