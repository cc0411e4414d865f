/**
 * Which parts of the graph are drawn: namespaces open or collapsed, and the node in focus. Pure
 * functions of the view state and the analysis, shared by the store's `showInGraph`, the commands
 * and the graph (which draws what `collapsedNamespaces` says).
 * - Up to COLLAPSE_ABOVE workloads every namespace opens; above, every namespace starts collapsed
 *   (one node, its edges aggregated), until the user opens or collapses one (`view.namespaces`).
 * - Some nodes must be drawn as themselves whatever the choice: the denied view's subject and a
 *   focused workload, so their namespaces are drawn open; a focused namespace stays collapsed.
 */
import type { Analysis, EndpointId } from '../engine/types';
import { memoizeLast } from './memo';
import { endpointsOfNode, namespaceNodeId, namespaceOfNode } from './nodeIds';
import type { GraphFocus, NamespaceChoice, ViewState } from './types';

/** Above this many workloads (in more than one namespace), namespaces start collapsed. */
export const COLLAPSE_ABOVE = 100;

/** Whether a graph this size opens with its namespaces collapsed. */
export function collapsesByDefault(analysis: Analysis): boolean {
  const namespaces = new Set<string>();
  let workloads = 0;
  for (const e of analysis.endpoints) {
    if (e.type !== 'workload') continue;
    workloads++;
    namespaces.add(e.namespace);
  }
  return workloads > COLLAPSE_ABOVE && namespaces.size > 1;
}

/** The choice in force: the user's, else the one the graph's size makes. */
export function namespaceChoice(view: Pick<ViewState, 'namespaces'>, analysis: Analysis | undefined): NamespaceChoice {
  return view.namespaces ?? { open: !(analysis && collapsesByDefault(analysis)), except: [] };
}

export function isChosenOpen(choice: NamespaceChoice, name: string): boolean {
  return choice.open !== choice.except.includes(name);
}

/** The choice with one namespace open (or collapsed). */
export function withNamespace(choice: NamespaceChoice, name: string, open: boolean): NamespaceChoice {
  const except = choice.except.filter((n) => n !== name);
  return { open: choice.open, except: open === choice.open ? except : [...except, name] };
}

/** Every namespace open, or every one collapsed. */
export const allNamespaces = (open: boolean): NamespaceChoice => ({ open, except: [] });

/** The namespace of a workload's node, or of a namespace node; none for outside addresses. */
export function namespaceOfNodeIn(analysis: Analysis, nodeId: string): string | undefined {
  const namespace = namespaceOfNode(nodeId);
  if (namespace !== undefined) return namespace;
  const endpoint = analysis.endpoints.find((e) => e.id === nodeId);
  return endpoint?.type === 'workload' ? endpoint.namespace : undefined;
}

const NOTHING: ReadonlySet<string> = new Set();

function collapsedIn(analysis: Analysis, choice: NamespaceChoice | null, deniedFor: EndpointId | null, focusNode: string | undefined): ReadonlySet<string> {
  const chosen = namespaceChoice({ namespaces: choice }, analysis);
  const drawnOpen = new Set<string>();
  for (const node of [deniedFor, focusNode]) {
    const namespace = node && namespaceOfNode(node) === undefined ? namespaceOfNodeIn(analysis, node) : undefined;
    if (namespace !== undefined) drawnOpen.add(namespace);
  }
  const focusedNamespace = focusNode === undefined ? undefined : namespaceOfNode(focusNode);
  return new Set(
    analysis.namespaces
      .map((ns) => ns.name)
      .filter((name) => name === focusedNamespace || (!isChosenOpen(chosen, name) && !drawnOpen.has(name))),
  );
}

/**
 * One memo per analysis: the graph asks with the analysis it is drawing (a deferred render's,
 * for a moment older than the store's) while panels ask with the store's, and each must get
 * the same set back while nothing it depends on changed (React re-renders on a new object).
 */
const memos = new WeakMap<Analysis, typeof collapsedIn>();

/**
 * The namespaces drawn collapsed: the choice in force, except the namespaces of the denied view's
 * subject and of a focused workload, and with a focused namespace. The same set until one of its
 * inputs changes.
 */
export function collapsedNamespaces(view: Pick<ViewState, 'namespaces' | 'deniedFor' | 'focus'>, analysis: Analysis | undefined): ReadonlySet<string> {
  if (!analysis) return NOTHING;
  let memo = memos.get(analysis);
  if (!memo) memos.set(analysis, (memo = memoizeLast(collapsedIn)));
  return memo(analysis, view.namespaces, view.deniedFor, view.focus?.node);
}

/** The endpoints a node stands for; a namespace node, its workloads. */
export function endpointsOfNodeIn(analysis: Analysis, nodeId: string): EndpointId[] {
  const namespace = namespaceOfNode(nodeId);
  if (namespace === undefined) return endpointsOfNode(nodeId);
  return analysis.endpoints.flatMap((e) => (e.type === 'workload' && e.namespace === namespace ? [e.id] : []));
}

/**
 * Whether the focus view shows a node, once drawn as itself: the focused node, a node sharing an
 * endpoint with it (its namespace's frame), or one with a connection from (`out`) or to (`in`) it.
 */
export function focusShows(analysis: Analysis, focus: GraphFocus, nodeId: string): boolean {
  if (nodeId === focus.node) return true;
  const centre = new Set(endpointsOfNodeIn(analysis, focus.node));
  const other = new Set(endpointsOfNodeIn(analysis, nodeId));
  if ([...other].some((e) => centre.has(e))) return true;
  return analysis.connections.some(
    (c) =>
      (focus.direction !== 'in' && centre.has(c.from) && other.has(c.to)) ||
      (focus.direction !== 'out' && other.has(c.from) && centre.has(c.to)),
  );
}

/** Whether the analysis has the node: a workload, a namespace, or outside addresses. */
function hasNode(analysis: Analysis, nodeId: string): boolean {
  const namespace = namespaceOfNode(nodeId);
  if (namespace !== undefined) return analysis.namespaces.some((ns) => ns.name === namespace);
  const ids = new Set(analysis.endpoints.map((e) => e.id));
  const endpoints = endpointsOfNode(nodeId);
  return endpoints.length > 0 && endpoints.every((e) => ids.has(e));
}

/**
 * The view in which a node is drawn: its namespace open (a workload's), and no focus that would
 * hide it (a focused namespace that opens is no longer a node to focus on). Undefined for a node
 * the analysis does not have.
 */
export function viewShowing(view: ViewState, analysis: Analysis, nodeId: string): ViewState | undefined {
  if (!hasNode(analysis, nodeId)) return undefined;
  const namespace = namespaceOfNode(nodeId) === undefined ? namespaceOfNodeIn(analysis, nodeId) : undefined;
  const choice = namespaceChoice(view, analysis);
  const namespaces = namespace === undefined || isChosenOpen(choice, namespace) ? view.namespaces : withNamespace(choice, namespace, true);
  const focus = view.focus;
  const focusOpens = namespace !== undefined && focus?.node === namespaceNodeId(namespace);
  const keepFocus = focus && !focusOpens && focusShows(analysis, focus, nodeId) ? focus : null;
  return { ...view, namespaces, focus: keepFocus };
}
