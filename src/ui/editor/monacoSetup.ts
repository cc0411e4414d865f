/**
 * Monaco, bundled (no CDN: works offline): its core API, the features we use (monacoFeatures.ts),
 * the YAML language, monaco-yaml, and our schemas once the page is idle. Imported once for its side effects, like
 * monaco-yaml's vite example: one worker switch, one configureMonacoYaml.
 * We load `editor.api.js`, not the package's full entry (`editor.main.js`): that one adds every
 * contribution and about 80 languages. What it adds that monaco-yaml needs is its createWebWorker
 * wrapper, so we wrap createWebWorker here the same way.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import './monacoFeatures';
import { conf as yamlConf, language as yamlTokens } from 'monaco-editor/esm/vs/basic-languages/yaml/yaml.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';

/** The editor's one model; the schema is matched to it by URI. */
export const MODEL_URI = monaco.Uri.parse('inmemory://netpol-canvas/cluster.yaml');

let allowWorkers: () => void;
/**
 * Monaco's workers (the YAML language service, and the editor worker for word-based work) start
 * once the editor is on screen and the page is idle: on a first visit their scripts (~390 kB
 * gzip) would otherwise compete with the editor and the first graph. Requests made before then
 * (validation, folding, a hover) wait for them.
 */
const workersAllowed = new Promise<void>((resolve) => (allowWorkers = resolve));

/** Runs `task` in the page's next idle period (within `timeout` ms at the latest). */
function whenIdle(task: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout });
  else setTimeout(task, 50);
}

/**
 * Called by the editor once it has painted its text: Monaco colours that text in an idle callback
 * of its own (background tokenization), painted in the frame after it; the workers start in the
 * idle period after that frame, once the YAML worker's schemas are in (below).
 */
export function startWorkersWhenIdle(): void {
  whenIdle(() => whenIdle(() => void loadSchemas().then(allowWorkers, allowWorkers), 1000), 1000);
}

function createWorker(label: string): Promise<Worker> {
  return workersAllowed.then(() => {
    switch (label) {
      case 'editorWorkerService':
        return new EditorWorker();
      case 'yaml':
        return new YamlWorker();
      default:
        throw new Error(`Unknown Monaco worker: ${label}`);
    }
  });
}

globalThis.MonacoEnvironment = { getWorker: (_moduleId, label) => createWorker(label) };

/**
 * What monaco-editor's full entry does to createWebWorker: a caller that names a module and
 * createData (monaco-worker-manager, for monaco-yaml) gets a worker from MonacoEnvironment, sent
 * those data as the worker's first messages.
 */
interface ModuleWorkerOptions {
  readonly moduleId: string;
  readonly label?: string;
  readonly createData?: unknown;
  readonly host?: unknown;
  readonly keepIdleModels?: boolean;
}
const createCoreWebWorker = monaco.editor.createWebWorker;
type WebWorkerOptions = monaco.editor.IInternalWebWorkerOptions | ModuleWorkerOptions;
monaco.editor.createWebWorker = <T extends object>(options: WebWorkerOptions) => {
  if ('worker' in options) return createCoreWebWorker<T>(options);
  const worker = createWorker(options.label ?? 'monaco-editor-worker').then((started) => {
    started.postMessage('ignore');
    started.postMessage(options.createData);
    return started;
  });
  return createCoreWebWorker<T>({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
};

// The YAML language: Monaco's own tokenizer and brackets/comments configuration, loaded with the
// editor (a separate chunk would be one more round trip before the text gets its colours).
monaco.languages.register({ id: 'yaml', extensions: ['.yaml', '.yml'], aliases: ['YAML', 'yaml'] });
monaco.languages.setMonarchTokensProvider('yaml', yamlTokens);
monaco.languages.setLanguageConfiguration('yaml', yamlConf);

type YamlOptions = NonNullable<Parameters<typeof configureMonacoYaml>[1]>;
let yamlOptions: YamlOptions = {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  hoverSchemaSource: false,
  schemas: [],
};
const monacoYaml = configureMonacoYaml(monaco, yamlOptions);

/**
 * Our schemas only matter to the YAML worker, which starts when the page is idle (above): they
 * load then, not with the editor, which is interactive without them; and before the worker
 * starts, which would otherwise start again to take them.
 */
async function loadSchemas(): Promise<void> {
  const { manifestSchema } = await import('./schemas');
  const schema = { uri: 'https://netpol-canvas.local/schemas/manifest.json', fileMatch: [MODEL_URI.toString()], schema: manifestSchema };
  yamlOptions = { ...yamlOptions, schemas: [schema] };
  // Not awaited: the update takes the options at once, then revalidates through the worker,
  // which waits for this to finish.
  void monacoYaml.update(yamlOptions);
}

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
  yamlOptions = { ...yamlOptions, validate };
  void monacoYaml.update(yamlOptions);
}

export { monaco };
