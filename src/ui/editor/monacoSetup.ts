/**
 * Monaco, bundled (no CDN: works offline), with monaco-yaml and our schemas. Imported once for its
 * side effects, like monaco-yaml's vite example: one worker switch, one configureMonacoYaml.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';
import { manifestSchema } from './schemas';

/** The editor's one model; the schema is matched to it by URI. */
export const MODEL_URI = monaco.Uri.parse('inmemory://netpol-canvas/cluster.yaml');

globalThis.MonacoEnvironment = {
  getWorker(_moduleId, label) {
    switch (label) {
      case 'editorWorkerService':
        return new EditorWorker();
      case 'yaml':
        return new YamlWorker();
      default:
        throw new Error(`Unknown Monaco worker: ${label}`);
    }
  },
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  hoverSchemaSource: false,
  schemas: [
    {
      uri: 'https://netpol-canvas.local/schemas/manifest.json',
      fileMatch: [MODEL_URI.toString()],
      schema: manifestSchema,
    },
  ],
});

export { monaco };
