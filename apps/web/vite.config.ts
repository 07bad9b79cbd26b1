import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The first screen waits for the snapshot and for its language's catalogue, and the script
 * asks for both only once it runs: a whole round trip after the page. Announced in the page's
 * head, they come with the script instead. Every catalogue, since the page picks its language
 * only when it runs and names each language in itself in the switcher anyway (about 6 KB).
 */
function preloadFirstScreen(): Plugin {
  return {
    name: 'albergue-preload-first-screen',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) => [
        {
          tag: 'link',
          attrs: { rel: 'preload', href: '/availability.json', as: 'fetch', crossorigin: true },
          injectTo: 'head',
        },
        ...Object.values(bundle ?? {}).flatMap((chunk) =>
          chunk.type === 'chunk' &&
          /\/libs\/i18n\/src\/catalogues\//.test(chunk.facadeModuleId ?? '')
            ? [
                {
                  tag: 'link',
                  attrs: { rel: 'modulepreload', href: `/${chunk.fileName}`, crossorigin: true },
                  injectTo: 'head' as const,
                },
              ]
            : [],
        ),
      ],
    },
  };
}

// The two dependency-free libs the server reads too (the same aliases as tsconfig.json's paths):
// the only server code the web may import (the boundary rules in .dependency-cruiser.cjs).
const resolve = {
  alias: {
    '@albergue/contracts': here('../../libs/contracts/src/index.ts'),
    '@albergue/i18n': here('../../libs/i18n/src/index.ts'),
  },
};

// Importing the two libs does nothing but define things (their tables, e.g. the borough
// catalogue's look-up maps, are built for whoever uses them): what a first view does not use
// stays out of it, and the borough catalogue comes only with the map's fallback.
const treeshake = {
  moduleSideEffects: (id: string) => !/\/libs\/(contracts|i18n)\/src\//.test(id),
};

/**
 * The public pages, built to apps/web/dist and served by the API at /. The service worker is
 * built beside them as /sw.js (no hash: its address must not change).
 */
const publicPages = defineConfig({
  root: here('.'),
  base: '/',
  plugins: [preloadFirstScreen()],
  resolve,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2019',
    sourcemap: false,
    rollupOptions: {
      input: { main: here('index.html'), sw: here('sw/sw.ts') },
      treeshake,
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});

/**
 * The staff console (console/), built to dist/console/index.html and dist/assets/console/, served
 * at /console/: the same config's second pass (`--mode console`, after the first). A pass of its
 * own, not a second input of the first, because one bundle graph would share the modules both
 * use (the catalogue loader, socket.io's client) in common chunks, and the map's first view
 * would load one more file: this way it stays byte for byte what it was.
 */
const staffConsole = defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  resolve,
  // Preact's components (console/tsconfig.json says the same to TypeScript).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    assetsDir: 'assets/console',
    // Staff phones are newer than the map's oldest readers, but not by much.
    target: 'es2019',
    sourcemap: false,
    rollupOptions: {
      input: { console: here('console/index.html') },
      treeshake,
    },
  },
});

export default defineConfig(({ mode }) => (mode === 'console' ? staffConsole : publicPages));
