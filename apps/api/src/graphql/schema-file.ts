// Before any decorated class is evaluated, or swc's metadata helpers find no Reflect.metadata.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FieldCipher } from '@albergue/vault';
import { type Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';

/** Regenerates the file (part of `npm run build`, which `npm start` and `npm test` run first). */
export const REGENERATE = 'npm run build:server && npm run build:schema';

const HEADER = `# The GraphQL API's contract: the schema /graphql serves, sorted. Integrators and the console
# read it here. Written by \`npm run build\` from the code-first resolvers: do not edit it, commit
# it with the change that moved it.
`;

/** schema.graphql at the project root, from apps/api/src (tests) or dist/apps/api/src (build). */
export function schemaFilePath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    dir = path.dirname(dir);
  }
  return path.join(dir, 'schema.graphql');
}

/**
 * Every provider class of the application's modules: what GraphQLModule hands the schema
 * factory at start (ResolversExplorerService.getAllCtors), so the file is the schema the API
 * serves. Nest's preview mode builds the module graph and instantiates nothing, so no database
 * (and no key: the cipher is never called) is needed.
 */
async function providerClasses(): Promise<Type[]> {
  const config = loadConfig({ NODE_ENV: 'development' });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, 'postgres://schema.invalid/none', null as unknown as FieldCipher),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return [...app.get(ModulesContainer).values()]
      .flatMap((module) => [...module.providers.values()])
      .map((wrapper) => wrapper.metatype)
      .filter((metatype): metatype is Type => typeof metatype === 'function');
  } finally {
    await app.close();
  }
}

/** The schema's SDL, sorted (as `sortSchema` serves it), with the header: the file's content. */
export async function schemaSdl(): Promise<string> {
  const resolvers = await providerClasses();
  const builder = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  try {
    const schema = await builder.get(GraphQLSchemaFactory).create(resolvers);
    return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await builder.close();
  }
}
