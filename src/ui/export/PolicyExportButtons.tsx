/** Copy or download one NetworkPolicy, kubectl-ready: for the policy lists of the panels. */
import type { PolicyRef } from '../../engine/types';
import { useExport } from './ExportContext';
import { scopeOfPolicy } from './words';

export function PolicyExportButtons({ policy }: { policy: PolicyRef }) {
  const { start, preload } = useExport();
  const scope = scopeOfPolicy(policy);
  return (
    <span className="policy-export" onPointerEnter={preload}>
      <button
        type="button"
        className="link"
        title={`Copy ${policy.kind} ${policy.name} as kubectl-ready YAML`}
        onClick={() => start({ scope, delivery: 'copy' })}
        data-testid="policy-copy"
      >
        copy
      </button>
      <button
        type="button"
        className="link"
        title={`Download ${policy.kind} ${policy.name} as kubectl-ready YAML`}
        onClick={() => start({ scope, delivery: 'download' })}
        data-testid="policy-download"
      >
        download
      </button>
    </span>
  );
}
