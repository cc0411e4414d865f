/**
 * The gotcha badge of each workload: the warnings among the engine's gotchas (GOTCHA_CODES),
 * placed on the workloads their policy selects. A gotcha points into a policy's document, so its
 * policy is the one whose range holds it. Infos (explanations, notes) get no badge.
 */
import { GOTCHA_CODES } from '../../engine';
import type { SourceLocation, SourceRange } from '../../model/source';
import type { Analysis, EndpointId } from '../../engine/types';

const gotchaCodes: ReadonlySet<string> = new Set(GOTCHA_CODES);

const before = (a: SourceRange, line: number, column: number) =>
  a.startLine < line || (a.startLine === line && a.startColumn <= column);
const after = (a: SourceRange, line: number, column: number) => a.endLine > line || (a.endLine === line && a.endColumn >= column);

function holds(outer: SourceLocation, inner: SourceLocation): boolean {
  const { startLine, startColumn } = inner.range;
  return outer.document === inner.document && before(outer.range, startLine, startColumn) && after(outer.range, startLine, startColumn);
}

/** Per workload with gotcha warnings, its tooltip: one line per warning, naming the policy. */
export function gotchaTitles(analysis: Pick<Analysis, 'diagnostics' | 'policies'>): ReadonlyMap<EndpointId, string> {
  const lines = new Map<EndpointId, string[]>();
  for (const d of analysis.diagnostics) {
    if (d.severity !== 'warning' || !gotchaCodes.has(d.code)) continue;
    const policy = analysis.policies.find((p) => p.ref.tier === 'networkPolicy' && holds(p.ref.location, d.location));
    if (!policy) continue;
    const line = `${policy.ref.id}: ${d.message}`;
    for (const id of policy.selects) {
      const known = lines.get(id);
      if (known) known.push(line);
      else lines.set(id, [line]);
    }
  }
  return new Map([...lines].map(([id, list]) => [id, list.join('\n')]));
}
