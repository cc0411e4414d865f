// monaco-yaml's language worker; imported with `?worker` (importing it directly fails in dev).
import 'monaco-yaml/yaml.worker.js';
