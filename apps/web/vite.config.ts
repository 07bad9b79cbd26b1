import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The public pages, built to apps/web/dist and served by the API at /. The service worker is
// built beside them as /sw.js (no hash: its address must not change).
export default defineConfig({
  root: here('.'),
  base: '/',
  // The dependency-free lib the server reads too (the same alias as tsconfig.json's paths).
  resolve: { alias: { '@albergue/contracts': here('../../libs/contracts/src/index.ts') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2019',
    sourcemap: false,
    rollupOptions: {
      input: { main: here('index.html'), sw: here('sw/sw.ts') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
