import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The public pages, built to apps/web/dist and served by the API at /. The service worker is
// built beside them as /sw.js (no hash: its address must not change).
export default defineConfig({
  root: here('.'),
  base: '/',
  // The two dependency-free libs the server reads too (the same aliases as tsconfig.json's paths):
  // the only server code the web may import (the boundary rules in .dependency-cruiser.cjs).
  resolve: {
    alias: {
      '@albergue/contracts': here('../../libs/contracts/src/index.ts'),
      '@albergue/i18n': here('../../libs/i18n/src/index.ts'),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2019',
    sourcemap: false,
    rollupOptions: {
      input: { main: here('index.html'), sw: here('sw/sw.ts') },
      // Importing the two libs does nothing but define things (their tables, e.g. the borough
      // catalogue's look-up maps, are built for whoever uses them): what the first view does not
      // use stays out of it, and the borough catalogue comes only with the map's fallback.
      treeshake: {
        moduleSideEffects: (id: string) => !/\/libs\/(contracts|i18n)\/src\//.test(id),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
