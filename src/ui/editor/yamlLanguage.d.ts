// Monaco's YAML tokenizer and language configuration, imported from the file its lazy loader
// would load (monaco-editor ships no types for it).
declare module 'monaco-editor/esm/vs/basic-languages/yaml/yaml.js' {
  import type { languages } from 'monaco-editor';
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
