// `npm run build:schema` (part of `npm run build`): writes schema.graphql at the project root,
// only when it changed, so that a build leaves a clean tree clean.
import { readFile, writeFile } from 'node:fs/promises';
import { schemaFilePath, schemaSdl } from './schema-file.js';

const file = schemaFilePath();
const sdl = await schemaSdl();
const current = await readFile(file, 'utf8').catch(() => null);
if (current === sdl) {
  console.log('build: schema.graphql unchanged');
} else {
  await writeFile(file, sdl);
  console.log('build: schema.graphql written (commit it with the change that moved it)');
}
