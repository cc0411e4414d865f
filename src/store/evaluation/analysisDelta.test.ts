import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManifestParser, parseManifests } from '../../model';
import { Analyzer, analyze } from '../../engine';
import type { Analysis } from '../../engine/types';
import { applyDelta, AnalysisDiffer } from './analysisDelta';

const NGINX_EXAMPLE = readFileSync(new URL('../../../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');

const analysisOf = (text: string): Analysis => analyze(parseManifests([{ file: 'cluster.yaml', text }]).resources);

/** What survives a trip to a worker and back. */
const cloned = <T>(value: T): T => structuredClone(value);

describe('analysis deltas', () => {
  it('rebuild the analysis exactly, from nothing and from a previous analysis', () => {
    const differ = new AnalysisDiffer();
    const first = analysisOf(NGINX_EXAMPLE);
    const shown = applyDelta(undefined, cloned(differ.diff(first)));
    expect(shown).toEqual(first);
    const second = analysisOf(NGINX_EXAMPLE.replace('port: 80', 'port: 8080').replace('app: client', 'app: other'));
    expect(applyDelta(shown, cloned(differ.diff(second)))).toEqual(second);
  });

  it('send only what changed, and keep the identity of the rest', () => {
    const differ = new AnalysisDiffer();
    const shown = applyDelta(undefined, cloned(differ.diff(analysisOf(NGINX_EXAMPLE))));
    const delta = differ.diff(analysisOf(NGINX_EXAMPLE.replace('port: 80', 'port: 8080')));
    expect(delta.endpoints.changed).toEqual([]);
    // Nothing came or went: the order is not sent again, nor the unchanged diagnostics.
    const { diagnostics, ...lists } = delta;
    expect(diagnostics).toBeUndefined();
    expect(Object.values(lists).map((list) => list.keys)).toEqual(Object.values(lists).map(() => undefined));
    expect(delta.connections.changed.map((c) => c.to)).toEqual(Array(3).fill('default/nginx-pod-with-label[Pod]'));
    const next = applyDelta(shown, cloned(delta));
    expect(next.endpoints).toBe(shown.endpoints);
    expect(next.isolation).toBe(shown.isolation);
    expect(next.diagnostics).toBe(shown.diagnostics);
    const unchanged = next.connections.find((c) => c.to === 'default/client[Pod]')!;
    expect(shown.connections).toContain(unchanged);
  });

  it('drops items that disappeared, and sends diagnostics when they change', () => {
    const differ = new AnalysisDiffer();
    const shown = applyDelta(undefined, differ.diff(analysisOf(NGINX_EXAMPLE)));
    const withoutPolicy = NGINX_EXAMPLE.slice(NGINX_EXAMPLE.indexOf('---\n') + 4);
    const delta = differ.diff(analysisOf(withoutPolicy));
    expect(delta.policies.keys).toEqual([]);
    const next = applyDelta(shown, delta);
    expect(next.policies).toEqual([]);
    expect(next.isolation.get('default/nginx-pod-with-label[Pod]' as never)!.ingress).toEqual([]);
    const nobody = analysisOf(NGINX_EXAMPLE.replace('papa: dhondhu\n  policyTypes', 'papa: nobody\n  policyTypes'));
    expect(applyDelta(next, differ.diff(nobody)).diagnostics.map((d) => d.code)).toEqual(['policy-selects-nothing']);
  });

  it('are empty when an edit only moves documents', () => {
    const parser = new ManifestParser();
    const analyzer = new Analyzer();
    const differ = new AnalysisDiffer();
    const revision = (text: string) => differ.diff(analyzer.update(parser.parse([{ file: 'cluster.yaml', text }]).resources));
    revision(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes}\n---\n${NGINX_EXAMPLE}`);
    const moved = revision(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes}\ndata: {a: b}\n---\n${NGINX_EXAMPLE}`);
    expect(moved).toEqual({ namespaces: { changed: [] }, endpoints: { changed: [] }, connections: { changed: [] }, policies: { changed: [] }, isolation: { changed: [] } });
  });
});
