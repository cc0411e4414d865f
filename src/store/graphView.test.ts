import { describe, expect, it } from 'vitest';
import { analyze } from '../engine';
import type { Analysis, EndpointId } from '../engine/types';
import { parseManifests } from '../model';
import { createAppStore } from './appStore';
import type { Evaluator } from './evaluation/evaluator';
import { collapsedNamespaces, collapsesByDefault, COLLAPSE_ABOVE, focusShows, namespaceChoice, viewShowing, withNamespace } from './graphView';
import type { ViewState } from './types';

const pod = (ns: string, name: string, labels = '{}') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: ${labels}}\nspec: {containers: [{name: c, image: i}]}\n`;
/** Only a → b/db is allowed out of a; everything else is open. */
const ONLY_DB = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: only-db, namespace: a}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{to: [{namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}]}]\n`;

const analysisOf = (text: string): Analysis => analyze(parseManifests([{ file: 'c.yaml', text }]).resources);
const small = () => analysisOf([pod('a', 'web'), pod('b', 'db', '{app: db}'), pod('b', 'cache'), ONLY_DB].join('---\n'));
const manyPods = (count: number, namespaces: number) =>
  analysisOf(Array.from({ length: count }, (_, i) => pod(`ns${i % namespaces}`, `p${i}`)).join('---\n'));

const idle: Evaluator = { evaluate: () => {}, ask: () => Promise.resolve(undefined), pin: () => Promise.resolve(undefined), dispose: () => {} };
/** The view a fresh app starts with. */
const VIEW: ViewState = createAppStore({ text: '', evaluator: () => idle }).getState().view;
const WEB = 'a/web[Pod]' as EndpointId;
const DB = 'b/db[Pod]' as EndpointId;
const CACHE = 'b/cache[Pod]' as EndpointId;

describe('which namespaces are drawn collapsed', () => {
  it('none up to the threshold, every one above it (in more than one namespace)', () => {
    expect(collapsesByDefault(manyPods(COLLAPSE_ABOVE, 4))).toBe(false);
    expect(collapsesByDefault(manyPods(COLLAPSE_ABOVE + 1, 4))).toBe(true);
    expect(collapsesByDefault(manyPods(COLLAPSE_ABOVE + 1, 1))).toBe(false);
    expect([...collapsedNamespaces(VIEW, manyPods(COLLAPSE_ABOVE + 1, 3))].sort()).toEqual(['ns0', 'ns1', 'ns2']);
    expect(collapsedNamespaces(VIEW, small()).size).toBe(0);
  });

  it('as the user chose, once they chose, whatever the size', () => {
    const analysis = small();
    const choice = withNamespace(namespaceChoice(VIEW, analysis), 'b', false);
    expect(choice).toEqual({ open: true, except: ['b'] });
    expect([...collapsedNamespaces({ ...VIEW, namespaces: choice }, analysis)]).toEqual(['b']);
    expect(withNamespace(choice, 'b', true)).toEqual({ open: true, except: [] });
  });

  it('never the namespace of the denied view subject or of a focused workload; always a focused namespace', () => {
    const analysis = small();
    const allClosed = { ...VIEW, namespaces: { open: false, except: [] } };
    expect([...collapsedNamespaces({ ...allClosed, deniedFor: DB }, analysis)]).toEqual(['a']);
    expect([...collapsedNamespaces({ ...allClosed, focus: { node: WEB, direction: 'both' } }, analysis)]).toEqual(['b']);
    const open = { ...VIEW, namespaces: { open: true, except: [] } };
    expect([...collapsedNamespaces({ ...open, focus: { node: 'namespace:a', direction: 'both' } }, analysis)]).toEqual(['a']);
  });
});

describe('the focus view', () => {
  it('shows the focused node, its namespace, and the nodes with a connection in its direction', () => {
    const analysis = small();
    const out = { node: WEB, direction: 'out' as const };
    expect(focusShows(analysis, out, WEB)).toBe(true);
    expect(focusShows(analysis, out, 'namespace:a')).toBe(true);
    expect(focusShows(analysis, out, DB)).toBe(true);
    expect(focusShows(analysis, out, CACHE)).toBe(false);
    expect(focusShows(analysis, { node: WEB, direction: 'in' }, CACHE)).toBe(true);
    expect(focusShows(analysis, out, 'namespace:b')).toBe(true);
  });
});

describe('the view that shows a node', () => {
  it('opens its namespace, keeping the other choices', () => {
    const analysis = small();
    const view = { ...VIEW, namespaces: { open: false, except: [] } };
    expect(viewShowing(view, analysis, DB)!.namespaces).toEqual({ open: false, except: ['b'] });
    expect(viewShowing(VIEW, analysis, DB)!.namespaces).toBeNull();
    expect(viewShowing(view, analysis, 'namespace:b')!.namespaces).toEqual(view.namespaces);
  });

  it('leaves a focus that would hide it, keeps one that shows it', () => {
    const analysis = small();
    const focus = { node: WEB, direction: 'out' as const };
    expect(viewShowing({ ...VIEW, focus }, analysis, DB)!.focus).toEqual(focus);
    expect(viewShowing({ ...VIEW, focus }, analysis, CACHE)!.focus).toBeNull();
    // A focused namespace that opens is no node to focus on any more.
    const onB = { node: 'namespace:b', direction: 'both' as const };
    expect(viewShowing({ ...VIEW, namespaces: { open: false, except: [] }, focus: onB }, analysis, DB)!.focus).toBeNull();
  });

  it('is none for a node the graph does not have', () => {
    const analysis = small();
    expect(viewShowing(VIEW, analysis, 'z/nothing[Pod]')).toBeUndefined();
    expect(viewShowing(VIEW, analysis, 'namespace:z')).toBeUndefined();
  });
});
