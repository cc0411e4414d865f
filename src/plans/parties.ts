/** Which endpoints of an analysis (or of a connectivity diff) a party stands for. */
import type { EndpointId, WorkloadEndpoint } from '../engine/types';
import { parseCidr, parseIp } from '../model/cidr';
import type { IpRange } from '../model/types';
import type { PlanContext } from './context';
import { partyId, workloadsIn } from './identify';
import type { Party } from './types';

/**
 * Whether an endpoint (a workload's id, or an outside range `first-last`) belongs to `party`. An
 * outside range belongs to a CIDR it overlaps: every address of a range gets the same verdicts, and
 * once a rule names the CIDR, the ranges are cut at its bounds (as the diff's are). The party is
 * read once: the test runs on every endpoint of an analysis.
 */
export function memberOf(party: Party): (id: EndpointId) => boolean {
  switch (party.type) {
    case 'workload': {
      const own = partyId(party);
      return (id) => id === own;
    }
    case 'namespace': {
      const prefix = `${party.name}/`;
      return (id) => id.startsWith(prefix);
    }
    case 'outside': {
      const outer = addressRange(party.cidr);
      if (outer === undefined) return () => false;
      return (id) => {
        const inner = addressRange(id);
        return inner !== undefined && inner.family === outer.family && inner.first <= outer.last && outer.first <= inner.last;
      };
    }
  }
}

/** The addresses of a CIDR (`10.0.0.0/8`) or of an outside endpoint's id (`first-last`). */
export function addressRange(text: string): IpRange | undefined {
  if (text.includes('/')) {
    const cidr = parseCidr(text);
    return cidr.ok ? cidr.cidr : undefined;
  }
  const dash = text.indexOf('-');
  const first = dash < 0 ? undefined : parseIp(text.slice(0, dash));
  const last = dash < 0 ? undefined : parseIp(text.slice(dash + 1));
  if (!first || !last || first.family !== last.family) return undefined;
  return { family: first.family, first: first.value, last: last.value };
}

/** The workload endpoints a pod party stands for (none for outside addresses). */
export function workloadsOf(context: PlanContext, party: Party): WorkloadEndpoint[] {
  if (party.type === 'outside') return [];
  if (party.type === 'namespace') return workloadsIn(context.analysis, party.name);
  return workloadsIn(context.analysis, party.namespace).filter((e) => e.id === partyId(party));
}
