// `npm run docs:access`: writes the README's table of who may run what from the literal access
// table (test/fixtures/access.ts), between its markers; a spec fails when the README is stale.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCESS, type AccessRow } from '../test/fixtures/access.js';

export const START = '<!-- access:start -->';
export const END = '<!-- access:end -->';

export function renderAccessTable(rows: AccessRow[]): string {
  return [
    '| operations | who |',
    '| --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.operations.map((operation) => `\`${operation}\``).join(', ')} | ${row.words} |`,
    ),
  ].join('\n');
}

/** The README with its table between the markers replaced. */
export function withAccessTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`README.md needs ${START} and ${END} around the table of who may do what`);
  }
  return `${readme.slice(0, start + START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

/** The table as the README holds it, white space folded (Prettier pads the columns). */
export function accessTableIn(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return readme
    .slice(start + START.length, end)
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .map((cell) => cell.trim().replace(/^-+$/, '---'))
        .join(' | ')
        .trim(),
    )
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
  await writeFile(file, withAccessTable(await readFile(file, 'utf8'), renderAccessTable(ACCESS)));
  console.log('README.md: the table of who may do what, rewritten (run `npm run format` next)');
}
