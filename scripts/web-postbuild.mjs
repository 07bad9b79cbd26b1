// After `vite build`: a brotli and a gzip copy of every text asset, so that the API serves the
// public pages compressed (@fastify/static preCompressed) without compressing on each request;
// and assets.json, the list of the public pages' built assets the service worker keeps for
// offline use.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/dist');

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* files(full);
    } else if (/\.(js|css|html|svg|json|webmanifest)$/.test(entry.name)) {
      yield full;
    }
  }
}

// The public pages' assets only: the staff console's (assets/console/) are cached as a console
// user fetches them, never downloaded by a phone that opened the map.
const assets = (await readdir(path.join(root, 'assets'), { withFileTypes: true }))
  .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
  .map((entry) => entry.name);
await writeFile(
  path.join(root, 'assets.json'),
  JSON.stringify(assets.map((name) => `/assets/${name}`)),
);

for await (const file of files(root)) {
  const body = await readFile(file);
  await writeFile(
    `${file}.br`,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  await writeFile(`${file}.gz`, gzipSync(body, { level: 9 }));
}
