import { readFile } from 'node:fs/promises';
import { ACCESS } from '../test/fixtures/access.js';
import { accessTableIn, renderAccessTable, withAccessTable } from './access-table.js';

const fold = (table: string) =>
  accessTableIn(withAccessTable(`x <!-- access:start --> <!-- access:end -->`, table));

describe(renderAccessTable.name, () => {
  it('is what the README says of who may do what (else: npm run docs:access)', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(accessTableIn(readme)).toBe(fold(renderAccessTable(ACCESS)));
  });

  it('names every operation once', () => {
    const operations = ACCESS.flatMap((row) => row.operations);
    expect(new Set(operations).size).toBe(operations.length);
  });
});
