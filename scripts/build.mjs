// Compiles the server (apps/api, libs, migrations) and the benchmarks (bench, with the clients they
// share with the specs) to dist/ with swc, file by file.
// Type checking is `npm run typecheck` (tsc --noEmit); this step only transpiles, in about a second.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root, swcOptions } from './swc-options.mjs';

const sources = ['apps/api/src', 'libs', 'migrations', 'bench', 'clients'];
const out = path.join(root, 'dist');

async function* tsFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* tsFiles(full);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      yield full;
    }
  }
}

await rm(out, { recursive: true, force: true });
const options = swcOptions();
let count = 0;
for (const source of sources) {
  for await (const file of tsFiles(path.join(root, source))) {
    const { code } = await transformFile(file, { ...options, filename: file });
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, code);
    count += 1;
  }
}
console.log(`build: ${count} files compiled to dist/`);
