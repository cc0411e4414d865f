/** Copy or download one NetworkPolicy, kubectl-ready: for the policy lists of the panels. */
import type { PolicyRef } from '../../engine/types';
import { useExport } from './ExportContext';

export function PolicyExportButtons({ policy }: { policy: PolicyRef }) {
  const { start, preload } = useExport();
  const scope = { kind: 'policy', namespace: policy.namespace, name: policy.name } as const;
  return (
    <span className="policy-export" onPointerEnter={preload}>
      <button
        type="button"
        className="link"
        title={`Copy NetworkPolicy ${policy.name} as kubectl-ready YAML`}
        onClick={() => start({ scope, delivery: 'copy' })}
        data-testid="policy-copy"
      >
        copy
      </button>
      <button
        type="button"
        className="link"
        title={`Download NetworkPolicy ${policy.name} as kubectl-ready YAML`}
        onClick={() => start({ scope, delivery: 'download' })}
        data-testid="policy-download"
      >
        download
      </button>
    </span>
  );
}
