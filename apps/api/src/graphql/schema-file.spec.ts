import { readFile } from 'node:fs/promises';
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

  it('says which band a group the shelter does not serve gets', () => {
    expect(built).toMatch(/enum AvailabilityBand \{[^}]*\bNOT_SERVED\b[^}]*\}/);
  });
});
