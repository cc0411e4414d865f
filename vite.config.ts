import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Monaco is bundled (no CDN: the app works offline): its core and the features we load
    // (src/ui/editor/monacoFeatures.ts) are about 3.3 MB by themselves.
    chunkSizeWarningLimit: 5000,
  },
  worker: { format: 'es' },
  // Pre-bundle the worker entries too, or the first dev load reloads with "optimized dependencies changed".
  optimizeDeps: { include: ['monaco-editor/esm/vs/editor/editor.worker', 'monaco-yaml/yaml.worker.js'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
