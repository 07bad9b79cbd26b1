import { readFile } from 'node:fs/promises';

/**
 * nest-cli.json describes the monorepo for Nest's tools and editors; the build is
 * scripts/build.mjs and the aliases are tsconfig.json's paths. This keeps the description true:
 * every lib with an alias is a project there, and nothing else.
 */
describe('nest-cli.json', () => {
  const json = async (file: string) =>
    JSON.parse(await readFile(new URL(`../${file}`, import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;

  it('names the api app and every lib of tsconfig.json, each at its folder', async () => {
    const nest = (await json('nest-cli.json')) as {
      projects: Record<string, { type: string; sourceRoot: string }>;
    };
    const tsconfig = (await json('tsconfig.json')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    const libs = Object.entries(tsconfig.compilerOptions.paths).map(([alias, [entry]]) => [
      alias.replace('@albergue/', ''),
      entry.replace(/^\.\//, '').replace(/\/index\.ts$/, ''),
    ]);
    const projects = Object.entries(nest.projects).map(([name, project]) => [
      name,
      project.type,
      project.sourceRoot,
    ]);
    expect(projects.sort()).toEqual(
      [
        ['api', 'application', 'apps/api/src'],
        ...libs.map(([name, sourceRoot]) => [name, 'library', sourceRoot]),
      ].sort(),
    );
  });
});
