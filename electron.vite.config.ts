import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for the three Electron bundles. The renderer bundle is the same one the web host
// serves, so the browser tests exercise exactly what ships in the app.
export default defineConfig({
  main: {
    build: {
      // The engine and the import reader run in worker threads of their own: more entries.
      rollupOptions: {
        input: { index: resolve('src/main/index.ts'), worker: resolve('src/core/api/engine-worker.ts'), importer: resolve('src/core/api/import-worker.ts') },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules or require() local files: one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
