/** "Why not?": two endpoints and a port in, the engine's verdict and reasons out. */
import { useMemo } from 'react';
import { PROTOCOLS, type Protocol } from '../../model/types';
import type { Endpoint, EndpointId, PortQuery } from '../../engine/types';
import { useActions, useAnswer, useAppState } from '../../store/react';
import { ExplanationLines } from './ExplanationLines';
import { endpointName, RuleLink } from './links';
import { involvedRules } from './involved';
import { ruleKey } from './provenance';

function EndpointSelect({ label, value, onChange, endpoints, testId }: {
  label: string;
  value: EndpointId | null;
  onChange: (id: EndpointId | null) => void;
  endpoints: readonly Endpoint[];
  testId: string;
}) {
  const groups = useMemo(() => {
    const byGroup = new Map<string, Endpoint[]>();
    for (const e of endpoints) {
      const group = e.type === 'workload' ? `namespace ${e.namespace}` : 'outside the cluster';
      byGroup.set(group, [...(byGroup.get(group) ?? []), e]);
    }
    return [...byGroup];
  }, [endpoints]);
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as EndpointId | null)} data-testid={testId}>
        <option value="">— choose —</option>
        {groups.map(([group, members]) => (
          <optgroup key={group} label={group}>
            {members.map((e) => (
              <option key={e.id} value={e.id}>
                {endpointName(e, e.id)}
                {e.type === 'workload' ? ` (${e.kind})` : ''}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** The port field as a query: blank means any port; anything else must be 1–65535. */
export function portQuery(protocol: Protocol, port: string): PortQuery | undefined {
  const text = port.trim();
  if (text === '') return { protocol };
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? { protocol, port: n } : undefined;
}

export function WhyNot() {
  const form = useAppState((s) => s.whyNot);
  const endpoints = useAppState((s) => s.evaluated.analysis?.endpoints) ?? [];
  const actions = useActions();
  const query = portQuery(form.protocol, form.port);
  const ready = form.from && form.to && form.from !== form.to && query;
  const answer = useAnswer(ready ? { kind: 'explain', from: form.from!, to: form.to!, query } : undefined);
  const rules = answer ? involvedRules(answer.explanation) : [];
  return (
    <section className="details why-not" aria-label="Why not?" data-testid="why-not">
      <h2>Why (not)?</h2>
      <p className="muted">Pick two endpoints and a port: the verdict and its reasons.</p>
      <EndpointSelect label="From" value={form.from} onChange={(from) => actions.setWhyNot({ from })} endpoints={endpoints} testId="why-from" />
      <EndpointSelect label="To" value={form.to} onChange={(to) => actions.setWhyNot({ to })} endpoints={endpoints} testId="why-to" />
      <div className="field-row">
        <label className="field">
          <span>Protocol</span>
          <select value={form.protocol} onChange={(e) => actions.setWhyNot({ protocol: e.target.value as Protocol })} data-testid="why-protocol">
            {PROTOCOLS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Port (blank: any)</span>
          <input
            value={form.port}
            inputMode="numeric"
            onChange={(e) => actions.setWhyNot({ port: e.target.value })}
            aria-invalid={!query}
            data-testid="why-port"
          />
        </label>
      </div>
      {!query && <p className="error-text">A port is a number from 1 to 65535.</p>}
      {form.from && form.from === form.to && <p className="error-text">Pick two different endpoints.</p>}
      {answer && (
        <div data-testid="why-answer">
          <p className={answer.explanation.verdict ? 'verdict verdict-allowed' : 'verdict verdict-denied'}>
            {answer.explanation.verdict ? 'Allowed' : 'Denied'}
          </p>
          <ExplanationLines lines={answer.lines} open />
          {rules.length > 0 && (
            <>
              <h3>Rules involved</h3>
              <ul className="rule-list">
                {rules.map((r) => (
                  <li key={ruleKey(r.rule)}>
                    <RuleLink rule={r.rule} /> — {r.part}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
