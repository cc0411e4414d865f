/**
 * The toolbar's "Export" menu: the NetworkPolicies (first: what "export" means here) or everything
 * in the editor, kubectl-ready, as a file or on the clipboard; the policies also as a zip for a
 * repository. Below the button, the status of the last export.
 */
import type { ExportScope } from '../../model/write';
import type { Delivery } from './request';
import { useExport } from './ExportContext';
import { MenuItem, ToolbarMenu } from '../app/ToolbarMenu';
import './export.css';

interface Item {
  readonly scope: ExportScope;
  readonly delivery: Delivery;
  readonly label: string;
  readonly detail: string;
  readonly testId: string;
}

const POLICIES: ExportScope = { kind: 'policies' };
const EVERYTHING: ExportScope = { kind: 'everything' };

const GROUPS: readonly { readonly title: string; readonly items: readonly Item[] }[] = [
  {
    title: 'Policies',
    items: [
      {
        scope: POLICIES,
        delivery: 'download',
        label: 'Download .yaml',
        detail: 'one file, ready for kubectl apply -f',
        testId: 'export-policies-download',
      },
      {
        scope: POLICIES,
        delivery: 'copy',
        label: 'Copy',
        detail: 'the same YAML, to the clipboard',
        testId: 'export-policies-copy',
      },
      {
        scope: POLICIES,
        delivery: 'zip',
        label: 'Download .zip',
        detail: 'a file per policy, a kustomization.yaml, expectations in checks/',
        testId: 'export-policies-zip',
      },
    ],
  },
  {
    title: 'Everything in the editor',
    items: [
      {
        scope: EVERYTHING,
        delivery: 'download',
        label: 'Download .yaml',
        detail: 'workloads and namespaces too',
        testId: 'export-everything-download',
      },
      {
        scope: EVERYTHING,
        delivery: 'copy',
        label: 'Copy',
        detail: 'to the clipboard',
        testId: 'export-everything-copy',
      },
    ],
  },
];

export function ExportMenu() {
  const { start, preload, status } = useExport();
  const statusLine = status && (
    <p className={`export-status export-status-${status.tone}`} role="status" data-testid="export-status">
      {status.message}
    </p>
  );
  return (
    <ToolbarMenu
      label="Export"
      buttonTestId="export-button"
      popupLabel="Export YAML"
      popupTestId="export-menu"
      onOpen={preload}
      closedNote={statusLine}
    >
      {(close) => (
        <>
          {GROUPS.map((group) => (
            <div key={group.title} className="export-menu-group" role="group" aria-label={group.title}>
              <p className="export-menu-title">{group.title}</p>
              {group.items.map((item) => (
                <MenuItem
                  key={item.testId}
                  label={item.label}
                  detail={item.detail}
                  testId={item.testId}
                  onChoose={() => {
                    close();
                    start({ scope: item.scope, delivery: item.delivery });
                  }}
                />
              ))}
            </div>
          ))}
          <p className="export-menu-note">
            Namespaces are written out, comments kept; NetworkPolicies are checked against the Kubernetes
            schema first, cluster-wide policies as their CRDs check them.
          </p>
        </>
      )}
    </ToolbarMenu>
  );
}
