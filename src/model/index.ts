/**
 * The model: YAML/JSON manifests → typed Kubernetes resources with document-relative source
 * ranges, plus diagnostics. Nothing here throws on user input.
 *
 * One call does everything:
 * ```ts
 * const { resources, diagnostics, documents } = parseManifests([{ file: 'demo.yaml', text }]);
 * const where = locator(documents)(diagnostics[0].location); // { file, range } in demo.yaml
 * ```
 * An editor keeps one `ManifestParser` and parses every revision with it: only new or edited
 * documents are parsed again, and the others keep their objects (and ids) wherever they move.
 */
export { ManifestParser, parseManifests, type ManifestInput } from './parser';
export type { HeldBack, ModelResult } from './combine';
export { splitDocuments, contentLineAt, type DocumentText } from './documents';
export { locator, lineInDocument } from './layout';
export { MAX_INPUT_CHARS, screenInput, type Refusal } from './limits';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './messages';
