/** "Why not?": two endpoints and a port in, the engine's verdict and reasons out. */
import { useMemo } from 'react';
import { PROTOCOLS, type Protocol } from '../../model/types';
import type { EndpointId, PortQuery } from '../../engine/types';
import { Combobox, type ComboboxOption } from '../combobox/Combobox';
import { useActions, useAnswer, useAppState } from '../../store/react';
import { ExplanationLines } from './ExplanationLines';
import { endpointOptions } from './endpointOptions';
import { RuleLink } from './links';
import { involvedRules } from './involved';
import { ruleKey } from './provenance';
import { VerifyOnCluster } from './VerifyOnCluster';

/** An endpoint picker: 2 000 endpoints are too many to scroll, so it is searched as typed. */
function EndpointPicker({ label, value, onChange, options, testId }: {
  label: string;
  value: EndpointId | null;
  onChange: (id: EndpointId) => void;
  options: readonly ComboboxOption[];
  testId: string;
}) {
  return (
    <Combobox
      label={label}
      options={options}
      value={value}
      onChoose={(option) => onChange(option.id as EndpointId)}
      placeholder="Type a name, namespace or label"
      testId={testId}
    />
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
  const endpoints = useAppState((s) => s.evaluated.analysis?.endpoints);
  const options = useMemo(() => endpointOptions(endpoints ?? []), [endpoints]);
  const actions = useActions();
  const query = portQuery(form.protocol, form.port);
  const ready = form.from && form.to && form.from !== form.to && query;
  const answer = useAnswer(ready ? { kind: 'explain', from: form.from!, to: form.to!, query } : undefined);
  const rules = answer ? involvedRules(answer.explanation) : [];
  return (
    <section className="details why-not" aria-label="Why not?" data-testid="why-not">
      <h2>Why (not)?</h2>
      <p className="muted">Pick two endpoints and a port: the verdict and its reasons.</p>
      <EndpointPicker label="From" value={form.from} onChange={(from) => actions.setWhyNot({ from })} options={options} testId="why-from" />
      <EndpointPicker label="To" value={form.to} onChange={(to) => actions.setWhyNot({ to })} options={options} testId="why-to" />
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
          <VerifyOnCluster from={form.from!} to={form.to!} protocol={query!.protocol} port={query!.port} allowed={answer.explanation.verdict} />
        </div>
      )}
    </section>
  );
}
