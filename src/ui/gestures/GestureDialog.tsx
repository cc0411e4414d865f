/**
 * The dialog of a gesture: its form, the choices a gesture left (blocking traffic a rule also
 * allows for others), or what a plan said instead of an edit ("already allowed"). Escape closes it.
 */
import { useEffect, useRef } from 'react';
import type { EditPlan } from '../../plans';
import { AllowForm } from './AllowForm';
import { CancelRow } from './CancelRow';
import { useGestures, type DialogState } from './context';
import type { FormRequest } from './menu';
import { AddNamespaceForm, AddWorkloadForm, EditLabelsForm, IsolateForm } from './ObjectForms';

function Choices({ plans }: { plans: readonly EditPlan[] }) {
  const gestures = useGestures();
  return (
    <>
      <h2 id="gesture-title">Block this connection</h2>
      <p>The rule that allows it allows other traffic too. Choose how to block it:</p>
      <ul className="gesture-choices" data-testid="gesture-choices">
        {plans.map((plan) => (
          <li key={plan.summary}>
            <button type="button" className="button" onClick={() => gestures.review(plan)}>
              {plan.summary}
            </button>
            {plan.warnings.length > 0 && (
              <ul className="muted">
                {plan.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <CancelRow />
    </>
  );
}

function Form({ form }: { form: FormRequest }) {
  const gestures = useGestures();
  switch (form.kind) {
    case 'allow':
      return <AllowForm request={form} />;
    case 'isolate':
      return <IsolateForm request={form} />;
    case 'addNamespace':
      return <AddNamespaceForm />;
    case 'addWorkload':
      return <AddWorkloadForm request={form} />;
    case 'editLabels':
      return <EditLabelsForm request={form} />;
    case 'confirm':
      return (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void gestures.plan(form.gesture);
          }}
        >
          <h2 id="gesture-title">{form.question}</h2>
          <p className="muted">You will see the change before it is written.</p>
          <CancelRow submit="Delete…" />
        </form>
      );
  }
}

function Body({ state }: { state: DialogState }) {
  const gestures = useGestures();
  switch (state.kind) {
    case 'form':
      return <Form form={state.form} />;
    case 'choose':
      return <Choices plans={state.plans} />;
    case 'planning':
      return (
        <h2 id="gesture-title" className="muted">
          Working out the change…
        </h2>
      );
    case 'message':
      return (
        <>
          <h2 id="gesture-title">Nothing to write</h2>
          <p data-testid="gesture-message">{state.text}</p>
          <div className="gesture-buttons">
            <button type="button" className="button" autoFocus onClick={gestures.close}>
              OK
            </button>
          </div>
        </>
      );
  }
}

export default function GestureDialog({ state }: { state: DialogState | null }) {
  const gestures = useGestures();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current!;
    if (state && !d.open) d.showModal();
    if (!state && d.open) d.close();
  }, [state]);
  return (
    <dialog ref={dialog} className="app-dialog gesture-dialog" aria-labelledby="gesture-title" data-testid="gesture-dialog" onClose={gestures.close}>
      {state && <Body state={state} />}
    </dialog>
  );
}
