/**
 * A flow model (src/ui/graph/toFlow.ts and the steps after it) as a person reads it, for the
 * decoder (flow-decode.ts): node ids, each edge's label (its first line), a bundle's members, an
 * aggregate's parts, a trunk's lines, which namespaces are collapsed.
 */
import type { FlowModel } from '../../src/ui/graph/toFlow';
import type { ShownGraph } from './flow-decode';

export const shownModel = ({ nodes, edges }: FlowModel): ShownGraph => ({
  nodes: nodes.map((n) => n.id),
  edges: edges.map((e) => ({
    id: e.id,
    // A line run into a trunk shows no label: it reads its lead's (fans.ts).
    label: e.data!.fan && e.data!.fan.lead !== e.id ? '' : e.data!.label,
    ...(e.data!.fan && e.data!.fan.lead !== e.id ? { trunk: e.data!.fan.lead } : {}),
    ...(e.data!.members ? { members: e.data!.members } : {}),
    ...(e.data!.pairs ? { pairs: e.data!.pairs } : {}),
  })),
  collapsed: nodes.filter((n) => n.type === 'collapsedNamespace').map((n) => n.id),
});
