/**
 * `npm run build`: the three Electron bundles into out/.
 * - main: ESM (package.json has "type": "module"), out/main/index.js; dependencies stay external
 *   (electron-vite's externalizeDeps reads package.json "dependencies"), so better-sqlite3's
 *   native binding is loaded from node_modules at run time, never bundled.
 * - preload: CommonJS, out/preload/index.cjs: a sandboxed preload cannot be an ES module. Fully
 *   bundled (externalizeDeps off), since a sandboxed preload can require nothing but 'electron'.
 * - renderer: renderer/index.html → out/renderer, served on app://mediation-desk/ by the main
 *   process. The browser host builds its own copy with renderer/vite.config.ts (out/renderer-web).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = (...segments: string[]) => path.join(root, ...segments);

export default defineConfig({
  main: {
    build: {
      outDir: r('out', 'main'),
      emptyOutDir: true,
      sourcemap: true,
      externalizeDeps: true,
      // centre-host: the LAN host the desktop app runs in a utility process (electron/main/centre.ts).
      lib: {
        entry: { index: r('electron', 'main', 'index.ts'), 'centre-host': r('electron', 'host', 'centre-host-entry.ts') },
        formats: ['es'],
      },
      rolldownOptions: {
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: r('out', 'preload'),
      emptyOutDir: true,
      externalizeDeps: false,
      lib: { entry: r('electron', 'preload', 'index.ts'), formats: ['cjs'] },
      rolldownOptions: {
        output: { entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: r('renderer'),
    base: './',
    publicDir: r('assets'),
    plugins: [react()],
    build: {
      outDir: r('out', 'renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: r('renderer', 'index.html') },
    },
  },
});
