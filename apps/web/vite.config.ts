import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The public pages, built to apps/web/dist and served by the API at /.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2019', sourcemap: false },
});
