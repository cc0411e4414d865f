/**
 * The import graph of a source tree, and the cycles in it. Type-only imports count: they are
 * edges for the boundary rules too, and a cycle of types is still two modules that cannot be
 * understood (or moved) one without the other.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { repoPath, sourceFiles, specifiers } from './imports';

/** Tried in this order after the specifier itself, then as `index` files of a folder. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];

/**
 * The source file a specifier in `from` names, as the bundler resolves it: `./x` → x.ts, x.tsx, …,
 * then x/index.ts, x/index.tsx, …; `./x.js` may name x.ts; a query (`?worker`, `?url`) is dropped.
 * Undefined for a bare package, and for anything that is not one of `files` (a stylesheet, a
 * fixture, a file outside the tree, a file that does not exist).
 */
export function resolveImport(from: string, spec: string, files: ReadonlySet<string>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = posix.join(posix.dirname(from), spec.replace(/\?.*$/, ''));
  const stem = base.replace(/\.[cm]?jsx?$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => `${base}${ext}`),
    ...EXTENSIONS.map((ext) => `${base}/index${ext}`),
    ...['.ts', '.tsx', '.mts'].map((ext) => `${stem}${ext}`),
  ];
  return candidates.find((c) => files.has(c));
}

/** Each source file under `root/folder` (as `folder/…`) → the source files it imports, sorted. */
export function importGraph(root: string, folder = 'src'): Map<string, string[]> {
  const files = sourceFiles(join(root, folder))
    .map((f) => repoPath(root, f))
    .sort();
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const targets = specifiers(readFileSync(join(root, file), 'utf8')).flatMap(
        (spec) => resolveImport(file, spec, known) ?? [],
      );
      return [file, [...new Set(targets)].sort()];
    }),
  );
}

/**
 * The cycles of `graph`, each written `a.ts → b.ts → a.ts` from its least file name, sorted.
 *
 * Not every elementary cycle (a tangle of files can hold exponentially many): for each import
 * that lies on a cycle, the shortest cycle through it. So every import that closes a loop shows
 * up in at least one line, and a tangle reports as many lines as it has such imports, at most.
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  for (const [from, targets] of graph) {
    for (const to of targets) {
      // The import `from → to` is on a cycle when `to` leads back to `from`.
      const back = shortestPath(graph, to, from);
      if (!back) continue;
      const least = back.reduce((a, b) => (b < a ? b : a));
      const start = back.indexOf(least);
      const nodes = [...back.slice(start), ...back.slice(0, start)];
      found.add([...nodes, least].join(' → '));
    }
  }
  return [...found].sort();
}

/** The shortest import chain `from … to`, both included, breadth first; undefined if none. */
function shortestPath(graph: ReadonlyMap<string, readonly string[]>, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    if (file === to) {
      const path: string[] = [];
      for (let f: string | null = file; f !== null; f = previous.get(f)!) path.unshift(f);
      return path;
    }
    for (const next of graph.get(file) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}
