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

const yamlOptions = {
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
};
const monacoYaml = configureMonacoYaml(monaco, yamlOptions);

let validating = yamlOptions.validate;
/**
 * Schema validation on or off. It re-parses and re-validates the whole document in the YAML
 * worker whenever typing pauses: seconds of a core for a document of thousands of objects, taken
 * from the main thread and the evaluation worker on a two-core machine (the model's and the
 * engine's own diagnostics still show).
 */
export function setSchemaValidation(validate: boolean): void {
  if (validate === validating) return;
  validating = validate;
  void monacoYaml.update({ ...yamlOptions, validate });
}

export { monaco };
