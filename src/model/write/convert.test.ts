import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests, splitDocuments } from '../index';
import type { ClusterPolicyResource } from '../types';
import { convertToV1alpha2, joinStream } from './convert';
import { clusterPolicyShape } from './policy-shape';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');
const convert = (text: string, file = 'in.yaml') => convertToV1alpha2([{ file, text }]);
/** The one input converted, as one stream. */
const output = (text: string) => joinStream(convert(text).files[0]!.documents);
const policiesOf = (text: string) => parseManifests([{ file: 'f', text }]).resources.clusterPolicies;
const messages = (list: readonly { message: string }[]) => list.map((m) => m.message);

const ANP = (name: string, spec: string) =>
  `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const BANP = (spec: string) =>
  `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: default\nspec:\n${spec}`;
const CNP = (name: string, tier: string, priority: number) =>
  `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  tier: ${tier}\n` +
  `  priority: ${priority}\n  subject:\n    namespaces: {}\n  ingress:\n  - action: Deny\n    from:\n    - namespaces: {}\n`;
const SPEC = '  priority: 5\n  subject:\n    namespaces: {}\n  ingress:\n  - action: Allow\n    from:\n    - namespaces: {}\n';
const POD = 'apiVersion: v1 # the pod\nkind:   Pod\nmetadata: { name: web,  namespace: shop }\n';

/** A policy's meaning, with its kind: what `cnp/` cases and their `anp/` originals must share. */
const meaning = (p: ClusterPolicyResource) => ({ kind: p.kind, ...clusterPolicyShape(p) });

describe('convertToV1alpha2', () => {
  it('converts the fixture so that the model reads the same policies, as ClusterNetworkPolicies', () => {
    const text = fixture('cluster-policies.yaml');
    const result = convert(text);
    expect(messages(result.problems)).toEqual([]);
    expect(result.converted.map((p) => [p.kind, p.name, p.tier, p.priority])).toEqual([
      ['AdminNetworkPolicy', 'sre-access', 'Admin', 5],
      ['BaselineAdminNetworkPolicy', 'default', 'Baseline', 10],
    ]);
    const [before, after] = [policiesOf(text), policiesOf(output(text))];
    expect(after.map((p) => p.kind)).toEqual(Array(4).fill('ClusterNetworkPolicy'));
    // The same meaning, but for the Baseline priority a BaselineAdminNetworkPolicy does not have.
    expect(after.map(clusterPolicyShape)).toEqual(before.map((p) => ({ ...clusterPolicyShape(p), ...(p.kind === 'BaselineAdminNetworkPolicy' ? { priority: 10 } : {}) })));
    expect(parseManifests([{ file: 'f', text: output(text) }]).diagnostics).toEqual([]);
  });

  it('keeps every document without a v1alpha1 policy byte for byte, the first ones comments included', () => {
    const text = `# header\n${POD}---\n${ANP('a', SPEC)}---\n\n# a comment-only document\n---  \n${POD}...\n`;
    const out = splitDocuments(output(text)).map((d) => d.text);
    const original = splitDocuments(text).map((d) => d.text);
    expect(out).toHaveLength(4);
    expect([out[0], out[2], out[3]]).toEqual([original[0], original[2], original[3]]);
    expect(out[1]).toMatch(/^---\napiVersion: policy.networking.k8s.io\/v1alpha2\nkind: ClusterNetworkPolicy\n/);
  });

  it('gives back an input with nothing to convert as it is, v1alpha2 policies included', () => {
    for (const text of [fixture('classic/nginx.yaml'), CNP('x', 'Admin', 1), fixture('json-stream.json')]) {
      const result = convert(text);
      expect(result.files[0]!.changed).toBe(false);
      expect(result.files[0]!.documents.join('')).toBe(text);
      expect([result.converted, result.notes, result.problems]).toEqual([[], [], []]);
    }
    // Converting a conversion finds nothing left to do.
    expect(convert(output(fixture('cluster-policies.yaml'))).converted).toEqual([]);
  });

  it('writes a converted JSON object as YAML, with --- between the objects of a JSON stream', () => {
    const anp = {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'AdminNetworkPolicy',
      metadata: { name: 'j' },
      spec: { priority: 1, subject: { namespaces: {} }, egress: [{ action: 'Allow', to: [{ networks: ['10.0.0.0/8'] }] }] },
    };
    const pod = '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}\n';
    const out = output(`${pod}${JSON.stringify(anp)}\n${pod}`);
    expect(out).toBe(
      `${pod}---\napiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: j\nspec:\n  tier: Admin\n` +
        `  priority: 1\n  subject:\n    namespaces: {}\n  egress:\n    - action: Accept\n      to:\n        - networks:\n            - 10.0.0.0/8\n---\n${pod}`,
    );
  });

  it('converts List items in place, and a typed list whose items all convert becomes a ClusterNetworkPolicyList', () => {
    const item = (name: string) =>
      `- metadata: {name: ${name}}\n  spec: {priority: 1, subject: {namespaces: {}}, ingress: [{action: Allow, from: [{namespaces: {}}]}]}\n`;
    const list = `apiVersion: v1\nkind: List\nitems:\n- ${POD.replace(/\n(?=.)/g, '\n  ')}- kind: AdminNetworkPolicy\n  apiVersion: policy.networking.k8s.io/v1alpha1\n${item('l').replace('- ', '  ')}`;
    const typed = `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicyList\nitems:\n${item('t1')}${item('t2')}`;
    const out = output(`${list}---\n${typed}`);
    expect(policiesOf(out).map((p) => `${p.kind}/${p.name}`)).toEqual(['ClusterNetworkPolicy/l', 'ClusterNetworkPolicy/t1', 'ClusterNetworkPolicy/t2']);
    expect(out).toContain('- apiVersion: v1 # the pod\n  kind: Pod\n');
    expect(out).toContain('apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicyList\nitems:\n- apiVersion: policy.networking.k8s.io/v1alpha2\n  kind: ClusterNetworkPolicy\n');
    // An item that does not convert keeps the typed list's kind; the converted ones then say theirs.
    const partly = output(`${typed}- metadata: {name: bad}\n  spec: {subject: {namespaces: {}}}\n`);
    expect(partly).toContain('kind: AdminNetworkPolicyList\n');
    expect(policiesOf(partly).map((p) => `${p.kind}/${p.name}`)).toEqual(['ClusterNetworkPolicy/t1', 'ClusterNetworkPolicy/t2']);
  });

  it('leaves out of the conversion, saying why, what the evaluation leaves out as written', () => {
    const passing = BANP('  subject:\n    namespaces: {}\n  egress:\n  - action: Pass\n    to:\n    - namespaces: {}\n');
    const backwards = ANP('r', `${SPEC}    ports:\n    - portRange: {start: 90, end: 80}\n`);
    const noPriority = ANP('unordered', '  subject:\n    namespaces: {}\n');
    const text = `${passing}---\n${backwards}---\n${noPriority}`;
    const result = convert(text);
    expect(result.converted).toEqual([]);
    expect(result.files[0]!.changed).toBe(false);
    expect(result.problems.map((p) => [p.location.range.startLine, p.message.replace(/: the evaluation leaves it out as written.*?: /, ' | ')])).toEqual([
      [4, expect.stringMatching(/^BaselineAdminNetworkPolicy default is not converted \| spec\.egress\[0\]\.action: "Pass" is not supported/)],
      [16, expect.stringMatching(/^AdminNetworkPolicy r is not converted \| spec\.ingress\[0\]\.ports\[0\]\.portRange: start \(90\) must be less than end \(80\)/)],
      [31, expect.stringMatching(/^AdminNetworkPolicy unordered is not converted \| spec\.priority is required/)],
    ]);
  });

  it('does not convert what v1alpha2 would reject or read differently, nor a name a ClusterNetworkPolicy has', () => {
    const rules = Array.from({ length: 26 }, () => '  - action: Deny\n    from:\n    - namespaces: {}\n').join('');
    const many = ANP('many', `  priority: 1\n  subject:\n    namespaces: {}\n  ingress:\n${rules}`);
    const result = convert(`${CNP('taken', 'Admin', 1)}---\n${ANP('taken', SPEC)}---\n${many}`);
    expect(messages(result.problems)).toEqual([
      'AdminNetworkPolicy taken is not converted: a ClusterNetworkPolicy named "taken" is already in the input (in.yaml:4): kubectl apply would make one replace the other',
      expect.stringMatching(/^AdminNetworkPolicy many is not converted: as a ClusterNetworkPolicy the API server would reject it: spec\.ingress: .*25/),
    ]);
    // Two v1alpha1 policies that would become one ClusterNetworkPolicy: the first is converted.
    const twins = convert(`${ANP('default', SPEC)}---\n${BANP('  subject:\n    namespaces: {}\n')}`);
    expect(twins.converted.map((p) => p.kind)).toEqual(['AdminNetworkPolicy']);
    expect(messages(twins.problems)).toEqual([expect.stringMatching(/^BaselineAdminNetworkPolicy default is not converted: a ClusterNetworkPolicy named "default" is already in the input \(in\.yaml:4\)/)]);
  });

  it('does not edit YAML shared through anchors and aliases', () => {
    const shared = ANP('s', '  priority: 1\n  subject: &all\n    namespaces: {}\n  ingress:\n  - action: Allow\n    from:\n    - *all\n');
    expect(messages(convert(shared).problems)).toEqual([
      'AdminNetworkPolicy s is not converted: its spec uses YAML anchors, aliases or merge keys, which cannot be edited without changing their other users',
    ]);
    const list = `kind: List\napiVersion: v1\nitems:\n- &pod\n  ${POD.replace(/\n(?=.)/g, '\n  ')}- kind: AdminNetworkPolicy\n  apiVersion: policy.networking.k8s.io/v1alpha1\n  metadata: {name: l, labels: *pod}\n  spec: {priority: 1, subject: {namespaces: {}}}\n`;
    expect(messages(convert(list).problems)).toEqual(['AdminNetworkPolicy l is not converted: it uses YAML anchors defined elsewhere in its List']);
    expect(messages(convert(`${ANP('broken', SPEC)}  egress: [unclosed\n`).problems)).toEqual([
      'this document cannot be parsed, so the AdminNetworkPolicy or BaselineAdminNetworkPolicy it may hold is not converted',
    ]);
  });

  it('gives the BaselineAdminNetworkPolicy priority 10, or 0 when Baseline ClusterNetworkPolicies of 10 or less would come first', () => {
    const banp = BANP('  subject:\n    namespaces: {}\n  ingress:\n  - action: Allow\n    from:\n    - namespaces: {}\n');
    const alone = convert(`${CNP('late', 'Baseline', 11)}---\n${CNP('admin', 'Admin', 0)}---\n${banp}`);
    expect(alone.converted.map((p) => p.priority)).toEqual([10]);
    expect(messages(alone.notes)).toEqual([
      'BaselineAdminNetworkPolicy default: written as tier Baseline, priority 10: a BaselineAdminNetworkPolicy has no priority (there is only one)',
    ]);
    const crowded = convert(`${CNP('early', 'Baseline', 10)}---\n${banp}`);
    expect(crowded.converted.map((p) => p.priority)).toEqual([0]);
    expect(messages(crowded.notes)).toEqual([
      'BaselineAdminNetworkPolicy default: written as tier Baseline, priority 0 rather than the usual 10: a BaselineAdminNetworkPolicy is consulted as priority 0, and at 10 it would lose its place among ClusterNetworkPolicy early (priority 10)',
    ]);
  });

  it('places notes and problems in their file, and leaves the policies of other API groups alone', () => {
    const single = ANP('one', `${SPEC}    ports:\n    - portRange: {start: 80, end: 80}\n`);
    const result = convertToV1alpha2([
      { file: 'a.yaml', text: POD },
      { file: 'b.yaml', text: `${POD}---\n${single}` },
      { file: 'c.yaml', text: ANP('other', SPEC).replace('policy.networking.k8s.io/v1alpha1', 'example.com/v1') },
    ]);
    expect(result.converted.map((p) => `${p.location.file}:${p.location.range.startLine}:${p.location.range.startColumn}`)).toEqual(['b.yaml:8:9']);
    expect(result.notes.map((n) => `${n.location.file}:${n.location.range.startLine}`)).toEqual(['b.yaml:18']);
    expect(result.files.map((f) => f.changed)).toEqual([false, true, false]);
  });
});

describe('the derived corpus cases', () => {
  it('reads a cnp-style conversion as the policies of the corresponding anp-style original', () => {
    const text = ANP('p', `  priority: 3\n  subject:\n    pods:\n      namespaceSelector: {}\n  egress:\n  - action: Allow\n    to:\n    - pods:\n        namespaceSelector: {}\n    ports:\n    - namedPort: dns\n`);
    const [converted] = policiesOf(output(text));
    expect(meaning(converted!)).toEqual({ ...meaning(policiesOf(text)[0]!), kind: 'ClusterNetworkPolicy' });
  });
});

describe('joinStream', () => {
  it('gives back a YAML stream as written, and separates documents that do not start one', () => {
    const yaml = `# c\n${POD}---\n${POD}...\n# after the end\n${POD}`;
    expect(joinStream(splitDocuments(yaml).map((d) => d.text))).toBe(yaml);
    expect(joinStream(['{"a": 1}', '{"b": 2}\n'])).toBe('{"a": 1}\n---\n{"b": 2}\n');
    expect(joinStream(['a: 1\n', '# note\n---\nb: 2\n'])).toBe('a: 1\n# note\n---\nb: 2\n');
    expect(joinStream([])).toBe('');
  });
});
