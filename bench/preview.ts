/**
 * The built app behind `vite preview`, for the browser benchmarks: builds it (unless told not to),
 * starts the preview server on a port and waits until it answers. Returns the function that stops it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Vite's own entry, run by this Node: killing the child then really stops the server. */
const VITE = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));

export interface PreviewOptions {
  readonly port: number;
  /** Build first (`vite build`); false reuses what is in `outDir`. */
  readonly build: boolean;
  /** Where the build goes and what the server serves; Vite's configured `dist/web` if absent. */
  readonly outDir?: string;
}

export async function startPreview({ port, build, outDir }: PreviewOptions): Promise<() => void> {
  const dir = outDir ? ['--outDir', outDir] : [];
  if (build) {
    const built = spawnSync(process.execPath, [VITE, 'build', ...dir, '--emptyOutDir'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  const args = [VITE, 'preview', ...dir, '--port', String(port), '--strictPort'];
  const server = spawn(process.execPath, args, { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return () => server.kill();
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  server.kill();
  throw new Error('preview server did not start');
}
