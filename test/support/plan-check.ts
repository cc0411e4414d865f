/**
 * What every plan must satisfy, checked from the outside: its changes are ordered, do not overlap
 * and are no whole-text replace; every document it does not touch is byte for byte where it
 * was; the result reads with no new error; and what it changes is read off the engine (the
 * connectivity diff of both texts, in one address space as the Review change dialog compares them).
 */
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { analyze, connectivityDiff, describeConnections, isNoConnections, type ConnectivityDiff } from '../../src/engine';
import type { Analysis } from '../../src/engine/types';
import { parseManifests, splitDocuments } from '../../src/model';
import { applyChanges } from '../../src/model/text-changes';
import { parseIp } from '../../src/model/cidr';
import type { EditPlan } from '../../src/plans';

export interface Checked {
  readonly after: string;
  readonly diff: ConnectivityDiff;
}

const read = (text: string) => parseManifests([{ file: 'x.yaml', text }]);
const namesIpv6 = (a: Analysis) => a.endpoints.some((e) => e.type === 'external' && e.range.family === 6);

/** The engine's diff from `before` to `after`. */
export function semanticDiff(before: string, after: string): ConnectivityDiff {
  const [a, b] = [read(before).resources, read(after).resources];
  const plain = [analyze(a), analyze(b)] as const;
  if (namesIpv6(plain[0]) === namesIpv6(plain[1])) return connectivityDiff(...plain);
  return connectivityDiff(analyze(a, { addressFamilies: [6] }), analyze(b, { addressFamilies: [6] }));
}

/** Offsets where each document of `text` starts and ends. */
function documentSpans(text: string): [number, number][] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return splitDocuments(text).map((d) => {
    const start = starts[d.startLine - 1]!;
    return [start, start + d.text.length];
  });
}

/** Checks the plan's form and result (see the top of this file); returns the text and its diff. */
export function checkPlan(before: string, plan: EditPlan): Checked {
  const { changes } = plan;
  changes.forEach((c, i) => {
    expect(c.offset + c.length).toBeLessThanOrEqual(i === 0 ? before.length : changes[i - 1]!.offset);
    expect(c.length === before.length && before.length > 0, 'a whole-text replace').toBe(false);
  });
  const after = applyChanges(before, changes);
  // Each document no change touches is where it was, shifted by the changes before it.
  for (const [start, end] of documentSpans(before)) {
    const touched = changes.some((c) => c.offset < end && c.offset + c.length > start && !(c.length === 0 && c.offset === start));
    if (touched) continue;
    const shift = changes.filter((c) => c.offset + c.length <= start).reduce((s, c) => s + c.text.length - c.length, 0);
    expect(after.slice(start + shift, end + shift)).toBe(before.slice(start, end));
  }
  const known = new Set(read(before).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
  const errors = read(after).diagnostics.filter((d) => d.severity === 'error' && !known.has(d.message));
  expect(errors.map((d) => d.message)).toEqual([]);
  return { after, diff: semanticDiff(before, after) };
}

/** Whether an outside endpoint id (`first-last`) lies inside another's range: the diff cuts ranges into pieces. */
export function insideRange(piece: string, range: string): boolean {
  const bounds = (id: string) => {
    const dash = id.indexOf('-');
    const [first, last] = [parseIp(id.slice(0, dash)), parseIp(id.slice(dash + 1))];
    return dash > 0 && first && last ? { family: first.family, first: first.value, last: last.value } : undefined;
  };
  const inner = bounds(piece);
  const outer = bounds(range);
  if (piece.includes('/') || range.includes('/') || !inner || !outer) return piece === range;
  return inner.family === outer.family && inner.first >= outer.first && inner.last <= outer.last;
}

/**
 * The same cluster with one more label on every Pod and pod template, `name: <namespace>-<name>`,
 * so every workload can be told apart: there a plan has no excuse not to be exact.
 */
export function withUniqueLabels(text: string): string {
  return text
    .split('---\n')
    .map((doc) => {
      const object = parse(doc, { version: '1.1' }) as { kind?: string; metadata?: { name?: string; namespace?: string } };
      const meta = object?.metadata;
      if (!meta?.name || (object.kind !== 'Pod' && object.kind !== 'Deployment')) return doc;
      const unique = `${meta.namespace ?? 'default'}-${meta.name}`;
      const labels = (object.kind === 'Pod' ? meta : (object as { spec: { template: { metadata: object } } }).spec.template.metadata) as {
        labels?: Record<string, string>;
      };
      labels.labels = { ...labels.labels, name: unique };
      return stringify(object, { version: '1.1' });
    })
    .join('---\n');
}

/** A diff as short lines: `a → b +TCP 5432 -UDP 53`, endpoints `+id` / `-id`. */
export function diffLines(diff: ConnectivityDiff): string[] {
  return [
    ...diff.endpointsAdded.map((id) => `+${id}`),
    ...diff.endpointsRemoved.map((id) => `-${id}`),
    ...diff.changes.map(
      (c) =>
        `${c.from} → ${c.to}` +
        (isNoConnections(c.added) ? '' : ` +${describeConnections(c.added)}`) +
        (isNoConnections(c.removed) ? '' : ` -${describeConnections(c.removed)}`),
    ),
  ];
}
