/**
 * The Diagram downloads: what each one holds, decided from the store and the graph on screen,
 * then made and saved. The effects' edge of src/ui/diagram; the decisions are pure (frame.ts).
 */
import { renderDot } from '../../engine';
import type { AppState } from '../../store/appStore';
import { collapsedNamespaces } from '../../store/graphView';
import { toFlow } from '../graph/toFlow';
import { LARGE_GRAPH } from '../graph/viewport';
import { diagramFileName, type DiagramFormat } from './fileNames';
import { chooseFrame, type Frame } from './frame';
import { readGraph, type GraphOnScreen } from './measure';
import { renderImage } from './render';
import { saveFile } from '../app/saveFile';

/** Whether the graph puts only what is in view into the page: GraphView's rule, on the same model. */
function drawsOnlyVisible(state: AppState): boolean {
  const { analysis } = state.evaluated;
  if (analysis === undefined) return false;
  const { view } = state;
  const model = toFlow(analysis, { deniedFor: view.deniedFor, collapsed: collapsedNamespaces(view, analysis), focus: view.focus });
  return model.nodes.length > LARGE_GRAPH;
}

export interface ImagePlan {
  readonly graph: GraphOnScreen;
  readonly frame: Frame;
}

/** What an image made now would show; undefined when the graph shows nothing. */
export function planImage(state: AppState): ImagePlan | undefined {
  const graph = readGraph();
  const frame = graph && chooseFrame(graph, drawsOnlyVisible(state));
  return graph && frame ? { graph, frame } : undefined;
}

/** The connectivity as Graphviz DOT, line by line into the file (a huge analysis is one big string otherwise). */
function dotFile(state: AppState): Blob | undefined {
  const { analysis } = state.evaluated;
  return analysis && new Blob(Array.from(renderDot(analysis), (line) => `${line}\n`), { type: 'text/vnd.graphviz' });
}

/** Makes and saves one download; rejects when there is nothing to save or the browser fails. */
export async function exportDiagram(format: DiagramFormat, state: AppState): Promise<void> {
  if (format === 'dot') {
    const dot = dotFile(state);
    if (!dot) throw new Error('Nothing is evaluated yet.');
    saveFile(dot, diagramFileName('dot'));
    return;
  }
  const plan = planImage(state);
  if (!plan) throw new Error('The graph is empty.');
  saveFile(await renderImage(format, plan.graph, plan.frame), diagramFileName(format, plan.frame.scope));
}
