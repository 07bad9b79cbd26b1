import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REGENERATE, schemaFilePath, schemaSdl } from './schema-file.js';

/** Lines only in one of the two, marked - (file) and + (code): enough to see what moved. */
function changedLines(committed: string, built: string): string {
  const inFile = new Set(committed.split('\n'));
  const inCode = new Set(built.split('\n'));
  return [
    ...[...inFile].filter((line) => !inCode.has(line)).map((line) => `- ${line}`),
    ...[...inCode].filter((line) => !inFile.has(line)).map((line) => `+ ${line}`),
  ]
    .slice(0, 30)
    .join('\n');
}

/**
 * schema.graphql is the contract integrators and the console read: it must be the schema the
 * code builds. A resolver, argument or type that changed without the file fails here.
 */
describe('schema.graphql', () => {
  let built: string;

  beforeAll(async () => {
    built = await schemaSdl();
  });

  it('is the schema the resolvers build', async () => {
    const committed = await readFile(schemaFilePath(), 'utf8').catch(() => '');
    if (committed !== built) {
      throw new Error(
        `schema.graphql is stale: run \`${REGENERATE}\` and commit it.\n${changedLines(committed, built)}`,
      );
    }
  });

  it('types the console’s operations: apps/web/console/graphql/graphql-env.d.ts is made from it', async () => {
    const root = path.dirname(schemaFilePath());
    const folder = await mkdtemp(path.join(tmpdir(), 'albergue-tada-'));
    try {
      const fresh = path.join(folder, 'graphql-env.d.ts');
      await promisify(execFile)(
        path.join(root, 'node_modules/.bin/gql.tada'),
        ['generate', 'output', '--tsconfig', 'apps/web/console/tsconfig.json', '--output', fresh],
        { cwd: root },
      );
      const committed = await readFile(
        path.join(root, 'apps/web/console/graphql/graphql-env.d.ts'),
        'utf8',
      ).catch(() => '');
      if (committed !== (await readFile(fresh, 'utf8'))) {
        throw new Error(`graphql-env.d.ts is stale: run \`${REGENERATE}\` and commit it.`);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says which band a group the shelter does not serve gets', () => {
    expect(built).toMatch(/enum AvailabilityBand \{[^}]*\bNOT_SERVED\b[^}]*\}/);
  });
});
