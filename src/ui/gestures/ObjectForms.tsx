/**
 * The small gesture forms: isolate (ingress, egress or both; with egress, the DNS rule isolation
 * would break, checked by default), add a namespace, add a workload, edit labels. Each reads its
 * fields (gestureText.ts), says what is wrong beside them, and plans the gesture.
 */
import { useMemo, useState } from 'react';
import type { Isolation } from '../../plans';
import { useAppState } from '../../store/react';
import { CancelRow } from './CancelRow';
import { useGestures } from './context';
import { labelsText, readContainerPorts, readLabels, readName, type Read } from './gestureText';
import type { FormRequest } from './menu';

function Problem({ text }: { text: string | null }) {
  return text ? (
    <p className="error-text" role="alert">
      {text}
    </p>
  ) : null;
}

/** Reads every field; the first problem stops the gesture. */
function all<T extends Record<string, Read<unknown>>>(reads: T): { [K in keyof T]: T[K] extends Read<infer V> ? V : never } | string {
  const values: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(reads)) {
    if ('problem' in read) return read.problem;
    values[key] = read.value;
  }
  return values as { [K in keyof T]: T[K] extends Read<infer V> ? V : never };
}

const ISOLATIONS: readonly [Isolation, string][] = [
  ['ingress', 'Incoming traffic (ingress)'],
  ['egress', 'Outgoing traffic (egress)'],
  ['both', 'Both'],
];

export function IsolateForm({ request }: { request: Extract<FormRequest, { kind: 'isolate' }> }) {
  const gestures = useGestures();
  const [isolation, setIsolation] = useState<Isolation>('ingress');
  const [dns, setDns] = useState(true);
  return (
    <form
      className="gesture-form"
      data-testid="isolate-form"
      onSubmit={(e) => {
        e.preventDefault();
        void gestures.plan({ kind: 'isolate', subject: request.subject, isolation, dns });
      }}
    >
      <h2 id="gesture-title">Isolate {request.name}</h2>
      <p className="muted">A default-deny policy: only what other policies allow gets through.</p>
      <fieldset>
        <legend>Deny by default</legend>
        {ISOLATIONS.map(([value, label]) => (
          <label key={value} className="check">
            <input type="radio" name="isolation" checked={isolation === value} onChange={() => setIsolation(value)} /> {label}
          </label>
        ))}
      </fieldset>
      {isolation !== 'ingress' && (
        <label className="check">
          <input type="checkbox" checked={dns} onChange={(e) => setDns(e.target.checked)} data-testid="isolate-dns" /> Keep DNS working: allow
          UDP and TCP 53 to kube-dns (without it, names stop resolving)
        </label>
      )}
      <CancelRow submit="Review…" />
    </form>
  );
}

export function AddNamespaceForm() {
  const gestures = useGestures();
  const [name, setName] = useState('');
  const [labels, setLabels] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="gesture-form"
      data-testid="add-namespace-form"
      onSubmit={(e) => {
        e.preventDefault();
        const read = all({ name: readName(name, 'namespace'), labels: readLabels(labels) });
        if (typeof read === 'string') return setProblem(read);
        void gestures.plan({ kind: 'addNamespace', ...read });
      }}
    >
      <h2 id="gesture-title">Add a namespace</h2>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus data-testid="namespace-name" />
      </label>
      <label className="field">
        <span>Labels (key=value, comma-separated)</span>
        <input value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="team=payments" data-testid="namespace-labels" />
      </label>
      <Problem text={problem} />
      <CancelRow submit="Review…" />
    </form>
  );
}

export function AddWorkloadForm({ request }: { request: Extract<FormRequest, { kind: 'addWorkload' }> }) {
  const gestures = useGestures();
  const known = useAppState((s) => s.evaluated.analysis?.namespaces);
  const namespaces = useMemo(() => known?.map((ns) => ns.name) ?? [], [known]);
  const [namespace, setNamespace] = useState(request.namespace ?? namespaces[0] ?? 'default');
  const [kind, setKind] = useState<'Pod' | 'Deployment'>('Deployment');
  const [name, setName] = useState('');
  const [labels, setLabels] = useState('');
  const [ports, setPorts] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="gesture-form"
      data-testid="add-workload-form"
      onSubmit={(e) => {
        e.preventDefault();
        const read = all({
          namespace: readName(namespace, 'namespace'),
          name: readName(name, 'workload'),
          labels: readLabels(labels),
          ports: readContainerPorts(ports),
        });
        if (typeof read === 'string') return setProblem(read);
        void gestures.plan({ kind: 'addWorkload', workload: { ...read, kind } });
      }}
    >
      <h2 id="gesture-title">Add a workload</h2>
      <div className="field-row">
        <label className="field">
          <span>Namespace</span>
          <input value={namespace} onChange={(e) => setNamespace(e.target.value)} list="gesture-namespaces" data-testid="workload-namespace" />
          <datalist id="gesture-namespaces">
            {namespaces.map((ns) => (
              <option key={ns} value={ns} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as 'Pod' | 'Deployment')} data-testid="workload-kind">
            <option>Deployment</option>
            <option>Pod</option>
          </select>
        </label>
      </div>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus data-testid="workload-name" />
      </label>
      <label className="field">
        <span>Labels (key=value, comma-separated; a Deployment without any gets app=name)</span>
        <input value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="app=api, tier=backend" data-testid="workload-labels" />
      </label>
      <label className="field">
        <span>Container ports (8080, http:8080, dns:53/UDP)</span>
        <input value={ports} onChange={(e) => setPorts(e.target.value)} data-testid="workload-ports" />
      </label>
      <Problem text={problem} />
      <CancelRow submit="Review…" />
    </form>
  );
}

export function EditLabelsForm({ request }: { request: Extract<FormRequest, { kind: 'editLabels' }> }) {
  const gestures = useGestures();
  const [labels, setLabels] = useState(labelsText(request.labels));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="gesture-form"
      data-testid="edit-labels-form"
      onSubmit={(e) => {
        e.preventDefault();
        const read = readLabels(labels);
        if ('problem' in read) return setProblem(read.problem);
        void gestures.plan({ kind: 'editLabels', subject: request.subject, labels: read.value });
      }}
    >
      <h2 id="gesture-title">Labels of {request.name}</h2>
      <label className="field">
        <span>Labels (key=value, comma-separated)</span>
        <input value={labels} onChange={(e) => setLabels(e.target.value)} autoFocus data-testid="labels-field" />
      </label>
      <Problem text={problem} />
      <CancelRow submit="Review…" />
    </form>
  );
}
