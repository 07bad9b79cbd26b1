import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Catalogue } from './catalogue.js';

const DIRECTORY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalogues');

/** Every catalogue in catalogues/ (compiled or not), by code; read once by the server at start. */
export async function loadCatalogues(): Promise<Map<string, Catalogue>> {
  const files = (await readdir(DIRECTORY)).filter(
    (file) => /\.(js|ts)$/.test(file) && !/\.(d|spec)\.(js|ts)$/.test(file),
  );
  const catalogues = await Promise.all(
    files.map(
      async (file) =>
        ((await import(pathToFileURL(path.join(DIRECTORY, file)).href)) as { default: Catalogue })
          .default,
    ),
  );
  return new Map(
    catalogues
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((catalogue) => [catalogue.code, catalogue]),
  );
}
