/**
 * Test support, never bundled: the YAML language service the editor runs (yaml-language-server,
 * as monaco-yaml's worker bundles it), run in Node over a schema, so unit tests see exactly the
 * warnings, hovers and completions users get.
 *
 * The worker's one import that needs a browser is `monaco-worker-manager/worker` (it waits for
 * Monaco's messages). A module resolve hook swaps it for a stub that hands over the worker's
 * factory; the factory is then called with a context holding one model, as Monaco's would be.
 */
import { register } from 'node:module';
import type { JSONSchema } from 'monaco-yaml';

/** A schema problem, 0-based like the language server's positions. */
export interface SchemaProblem {
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

export interface CompletionItem {
  readonly label: string;
  readonly documentation?: string | { readonly value: string };
}

export interface TestLanguageService {
  /** The schema problems of `text` (monaco-yaml shows them as warnings). */
  validate(text: string): Promise<SchemaProblem[]>;
  /** The hover's markdown at the `|` in `text` (the marker is removed first). */
  hover(text: string): Promise<string | undefined>;
  /** The completion items at the `|` in `text`. */
  complete(text: string): Promise<CompletionItem[]>;
}

interface Position {
  readonly line: number;
  readonly character: number;
}

/** The part of the worker's service these tests call (see monaco-yaml's src/yaml.worker.ts). */
interface WorkerService {
  doValidation(uri: string): Promise<{ range: { start: Position }; message: string }[]>;
  doHover(uri: string, position: Position): Promise<{ contents: { value: string } } | null>;
  doComplete(uri: string, position: Position): Promise<{ items: CompletionItem[] }>;
}

interface MirrorModel {
  readonly uri: { toString(): string };
  readonly version: number;
  getValue(): string;
}

type WorkerFactory = (ctx: { getMirrorModels(): MirrorModel[] }, settings: object) => WorkerService;

const CAPTURE = '__netpolCanvasYamlWorker';
const STUB = `export function initialize(factory) { globalThis.${CAPTURE} = factory; }`;
const HOOKS = `
export async function resolve(specifier, context, next) {
  if (specifier === 'monaco-worker-manager/worker' && context.parentURL?.includes('/monaco-yaml/')) {
    return { url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(STUB)}), shortCircuit: true };
  }
  return next(specifier, context);
}`;

let factory: Promise<WorkerFactory> | undefined;
/**
 * The model's version. The service caches parsed documents by URI and version, in one cache for
 * every service of the process: each text gets a version never used before.
 */
let version = 0;

function workerFactory(): Promise<WorkerFactory> {
  factory ??= (async () => {
    register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
    await import('monaco-yaml/yaml.worker.js');
    const found = (globalThis as Record<string, unknown>)[CAPTURE];
    if (typeof found !== 'function') throw new Error('the YAML worker did not initialise');
    return found as WorkerFactory;
  })();
  return factory;
}

const MODEL_URI = 'inmemory://netpol-canvas/test.yaml';

/** The position of the (first) `|` marker, and the text without it. */
function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  if (at < 0) throw new Error('no | cursor marker in the text');
  const before = marked.slice(0, at).split('\n');
  return {
    text: marked.slice(0, at) + marked.slice(at + 1),
    position: { line: before.length - 1, character: before.at(-1)!.length },
  };
}

/** The language service with `schema` for its one model, configured as monacoSetup.ts does. */
export async function testLanguageService(schema: JSONSchema): Promise<TestLanguageService> {
  let text = '';
  const uri = { toString: () => MODEL_URI };
  const service = (await workerFactory())(
    { getMirrorModels: () => [{ uri, version, getValue: () => text }] },
    {
      enableSchemaRequest: false,
      hover: true,
      completion: true,
      validate: true,
      hoverSchemaSource: false,
      schemas: [{ uri: 'https://netpol-canvas.local/schemas/test.json', fileMatch: [MODEL_URI], schema }],
    },
  );
  const load = (next: string) => {
    text = next;
    version++;
  };
  return {
    async validate(next) {
      load(next);
      const problems = await service.doValidation(MODEL_URI);
      return problems.map(({ range: { start }, message }) => ({ ...start, message }));
    },
    async hover(marked) {
      const { text: next, position } = cursor(marked);
      load(next);
      return (await service.doHover(MODEL_URI, position))?.contents.value;
    },
    async complete(marked) {
      const { text: next, position } = cursor(marked);
      load(next);
      return (await service.doComplete(MODEL_URI, position)).items;
    },
  };
}
