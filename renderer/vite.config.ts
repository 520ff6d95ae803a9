import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The renderer as served by the browser host (out/renderer-web). electron-vite builds its own copy. */
export default defineConfig({
  root: here,
  base: './',
  // Runtime assets (the favicon) live in the top-level assets/ folder and are copied as they are.
  publicDir: path.join(here, '..', 'assets'),
  plugins: [react()],
  build: {
    outDir: path.join(here, '..', 'out', 'renderer-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
