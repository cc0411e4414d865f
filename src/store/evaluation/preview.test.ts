import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewChange, PREVIEW_PAIRS_LISTED } from './preview';

const CLASSIC = readFileSync(new URL('../../../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');

describe('a preview of a change', () => {
  it('says what each pair gains and loses, and nothing when nothing changes', () => {
    const preview = previewChange(CLASSIC, CLASSIC.replace('port: 80', 'port: 443'), 'c.yaml');
    expect(preview.changedPairs).toBe(3);
    expect(preview.lines).toContain('Allows: default/client[Pod] → default/nginx-pod-with-label[Pod] TCP 443.');
    expect(preview.lines).toContain('Stops allowing: default/client[Pod] → default/nginx-pod-with-label[Pod] TCP 80.');
    expect(preview.newErrors).toEqual([]);
    expect(previewChange(CLASSIC, `# a comment\n${CLASSIC}`, 'c.yaml')).toMatchObject({ changedPairs: 0, lines: ['Nothing changes.'] });
  });

  it('compares the outside world address by address, also when only one side names IPv6', () => {
    const egress = (cidr: string) =>
      `${CLASSIC}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: out, namespace: default}\nspec:\n  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]\n  egress: [{to: [{ipBlock: {cidr: "${cidr}"}}]}]\n`;
    const preview = previewChange(egress('0.0.0.0/0'), egress('::/0'), 'c.yaml');
    expect(preview.endpointsAdded).toEqual([]);
    expect(preview.endpointsRemoved).toEqual([]);
    expect(preview.lines.some((l) => l.startsWith('Stops allowing: default/client[Pod] → 0.0.0.0-255.255.255.255'))).toBe(true);
    expect(preview.lines.some((l) => l.startsWith('Allows: default/client[Pod] → ::-ffff'))).toBe(true);
  });

  it('names the errors the change would bring, not those already there', () => {
    const broken = CLASSIC.replace('port: 80', 'port: 99999');
    expect(previewChange(CLASSIC, broken, 'c.yaml').newErrors).toHaveLength(1);
    expect(previewChange(broken, broken.replace('papa: dhondhu', 'papa: x'), 'c.yaml').newErrors).toEqual([]);
  });

  it('lists at most PREVIEW_PAIRS_LISTED pairs and counts them all', () => {
    const pods = Array.from({ length: 20 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ns}\nspec: {containers: [{name: c, image: i}]}\n`).join('---\n');
    const deny = '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: ns}\nspec: {podSelector: {}}\n';
    const preview = previewChange(pods, pods + deny, 'c.yaml');
    expect(preview.changedPairs).toBeGreaterThan(PREVIEW_PAIRS_LISTED);
    expect(preview.changes).toHaveLength(PREVIEW_PAIRS_LISTED);
  });
});
