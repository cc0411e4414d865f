/**
 * The keeper's notices, under the toolbar: another tab saved different work (choose), saving
 * failed, another tab is open, and what just happened to the work (with the way back).
 */
import { useState, type ReactNode } from 'react';
import { useAppStoreApi } from '../../store/react';
import type { KeepNotice } from '../../store/persistence/keepState';
import { useKeeper, useKeepState } from './context';
import { saveYaml } from '../app/saveFile';
import { BEHIND, failed, LINK_PROBLEM, OTHER_TAB, REPLACED } from './wording';
import './keep.css';

function Notice(props: {
  tone: 'info' | 'warning';
  testId: string;
  children: ReactNode;
  actions?: ReactNode;
  onDismiss?: () => void;
}) {
  return (
    <div className={`notice notice-${props.tone}`} role={props.tone === 'warning' ? 'alert' : 'status'} data-testid={props.testId}>
      <p className="notice-text">{props.children}</p>
      {props.actions}
      {props.onDismiss && (
        <button type="button" className="notice-dismiss" aria-label="Dismiss" title="Dismiss" onClick={props.onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

function WhatHappened({ notice }: { notice: KeepNotice }) {
  const keeper = useKeeper();
  const dismiss = () => keeper.dismissNotice();
  if (notice.kind === 'linkProblem')
    return (
      <Notice tone="warning" testId="link-problem" onDismiss={dismiss}>
        {LINK_PROBLEM[notice.problem]}
      </Notice>
    );
  const { done, kept } = REPLACED[notice.reason];
  const { point } = notice;
  return (
    <Notice
      tone="info"
      testId="kept-notice"
      onDismiss={dismiss}
      actions={
        point && (
          <button type="button" className="button" onClick={() => void keeper.restore(point)} data-testid="bring-back">
            Bring it back
          </button>
        )
      }
    >
      {point ? `${done} ${kept}` : done}
    </Notice>
  );
}

export function KeepNotices() {
  const keeper = useKeeper();
  const store = useAppStoreApi();
  const status = useKeepState((s) => s.status);
  const failure = useKeepState((s) => s.failure);
  const otherTabs = useKeepState((s) => s.otherTabs.length);
  const notice = useKeepState((s) => s.notice);
  // Dismissed for this many other tabs: one more tab brings the notice back.
  const [dismissedAt, setDismissedAt] = useState(0);

  return (
    <>
      {status === 'behind' && (
        <Notice
          tone="warning"
          testId="behind-notice"
          actions={
            <>
              <button type="button" className="button" onClick={() => void keeper.loadTheirs()}>
                Load the other tab’s work
              </button>
              <button type="button" className="button" onClick={() => void keeper.keepMine()}>
                Keep this tab’s work
              </button>
            </>
          }
        >
          {BEHIND}
        </Notice>
      )}
      {status === 'failed' && (
        <Notice
          tone="warning"
          testId="save-failed"
          actions={
            <>
              <button type="button" className="button" onClick={() => void keeper.retry()}>
                Try again
              </button>
              <button type="button" className="button" onClick={() => saveYaml(store.getState().readText())}>
                Download YAML
              </button>
            </>
          }
        >
          {failed(failure)}
        </Notice>
      )}
      {otherTabs > 0 && otherTabs !== dismissedAt && status !== 'behind' && (
        <Notice tone="info" testId="other-tab-notice" onDismiss={() => setDismissedAt(otherTabs)}>
          {OTHER_TAB}
        </Notice>
      )}
      {notice && <WhatHappened notice={notice} />}
    </>
  );
}
