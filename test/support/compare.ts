/**
 * Comparisons between analyses for the property tests: well-formedness of connection sets,
 * set inclusion, and "refined" comparison when external ranges were split by new ipBlocks
 * (an old external endpoint R maps to every new endpoint inside R).
 */
import { PROTOS, conn, isEmpty, type Analysis, type ConnectionSet } from '../helpers';

/** Problems with the structural invariants of an analysis (empty when fine). */
export function wellFormednessProblems(a: Analysis): string[] {
  const out: string[] = [];
  const ids = a.endpoints.map((e) => e.id as string);
  if (new Set(ids).size !== ids.length) out.push('duplicate endpoint ids');
  const byId = new Map(a.endpoints.map((e) => [e.id as string, e]));
  const seen = new Set<string>();
  for (const c of a.connections) {
    const key = `${c.from} -> ${c.to}`;
    if (seen.has(key)) out.push(`duplicate pair ${key}`);
    seen.add(key);
    if (c.from === c.to) out.push(`self pair ${key}`);
    const f = byId.get(c.from);
    const t = byId.get(c.to);
    if (!f || !t) out.push(`unknown endpoint in ${key}`);
    if (f?.type === 'external' && t?.type === 'external') out.push(`external pair ${key}`);
    if (isEmpty(c.allowed)) out.push(`empty set listed for ${key}`);
    for (const p of PROTOS) {
      const rs = c.allowed[p];
      if (!Array.isArray(rs)) {
        out.push(`${key} ${p} missing`);
        continue;
      }
      rs.forEach(([lo, hi], i) => {
        if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi > 65535 || lo > hi) {
          out.push(`${key} ${p} bad range [${lo},${hi}]`);
        }
        const prev = rs[i - 1];
        if (prev && lo <= prev[1] + 1) out.push(`${key} ${p} unsorted/overlapping/adjacent at [${lo},${hi}]`);
      });
    }
  }
  return out;
}

/** Whether every port of `x` is in `y`. */
export function isSubset(x: ConnectionSet, y: ConnectionSet): boolean {
  return PROTOS.every((p) => x[p].every(([lo, hi]) => y[p].some(([l2, h2]) => l2 <= lo && hi <= h2)));
}

/** Intersection of two canonical sets (canonical result). */
export function intersect(x: ConnectionSet, y: ConnectionSet): ConnectionSet {
  const one = (p: (typeof PROTOS)[number]) => {
    const out: [number, number][] = [];
    for (const [a1, b1] of x[p]) for (const [a2, b2] of y[p]) {
      const lo = Math.max(a1, a2);
      const hi = Math.min(b1, b2);
      if (lo <= hi) out.push([lo, hi]);
    }
    return out.sort((m, n) => m[0] - n[0]);
  };
  return { TCP: one('TCP'), UDP: one('UDP'), SCTP: one('SCTP') };
}

export interface RefinedPair {
  readonly label: string;
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
}

/**
 * Every ordered pair of `after`'s endpoints (distinct, not both external), with the set that
 * `before` gives the corresponding pair: same workload, or the old external range containing
 * the new one. Fails (throws) when an endpoint has no counterpart.
 */
export function refinedPairs(before: Analysis, after: Analysis): RefinedPair[] {
  const oldExt = before.endpoints.flatMap((e) => (e.type === 'external' ? [e] : []));
  const counterpart = (id: string): string => {
    const e = after.endpoints.find((x) => x.id === id)!;
    if (e.type === 'workload') {
      if (!before.endpoints.some((x) => x.id === id)) throw new Error(`workload ${id} is new`);
      return id;
    }
    const r = e.range;
    const o = oldExt.find((x) => x.range.family === r.family && x.range.first <= r.first && r.last <= x.range.last);
    if (!o) throw new Error(`external ${id} is inside no earlier external range`);
    return o.id;
  };
  const out: RefinedPair[] = [];
  for (const f of after.endpoints) {
    for (const t of after.endpoints) {
      if (f.id === t.id || (f.type === 'external' && t.type === 'external')) continue;
      out.push({
        label: `${f.id} -> ${t.id}`,
        before: conn(before, counterpart(f.id), counterpart(t.id)),
        after: conn(after, f.id, t.id),
      });
    }
  }
  return out;
}
