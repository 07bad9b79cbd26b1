// One swc configuration for the build and for Jest, so that what is tested is what runs.
// swc rewrites the `@albergue/<lib>` path aliases into relative `.js` imports, which
// Node's ESM loader can follow without a resolver of its own at run time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function aliases() {
  // Comments are not allowed in tsconfig.json here, so plain JSON.parse is enough.
  const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
  return tsconfig.compilerOptions.paths;
}

export function swcOptions() {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2023',
      keepClassNames: true,
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      baseUrl: root,
      paths: aliases(),
    },
    module: { type: 'es6', resolveFully: true },
    sourceMaps: 'inline',
  };
}
