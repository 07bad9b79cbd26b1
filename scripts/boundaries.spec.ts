import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIBS = [
  'audit',
  'auth',
  'common',
  'contracts',
  'i18n',
  'messaging',
  'occupancy',
  'referrals',
  'residents',
  'shelters',
  'supplies',
  'vault',
];

/**
 * A file of a made-up workspace, what it imports, and the rule that must refuse it (null: the
 * import is allowed). One import per file, so each breach is seen on its own.
 */
const CASES: [file: string, imports: string, rule: string | null][] = [
  ['libs/shelters/src/uses-api.ts', '../../../apps/api/src/main.js', 'libs-never-import-apps'],
  ['apps/api/src/deep.ts', '../../../libs/residents/src/inside.js', 'only-through-doors'],
  ['libs/occupancy/src/deep.ts', '../../residents/src/inside.js', 'only-through-doors'],
  ['libs/occupancy/src/sibling.ts', './inside.js', null],
  ['libs/occupancy/src/door.ts', '@albergue/residents', null],
  ['apps/api/src/door.ts', '@albergue/occupancy', null],
  ['apps/web/map/server.ts', '@albergue/common', 'web-imports-only-contracts-and-i18n'],
  ['apps/web/map/api.ts', '../../api/src/main.js', 'web-imports-only-contracts-and-i18n'],
  ['apps/web/map/contracts.ts', '@albergue/contracts', null],
  ['apps/web/map/i18n.ts', '@albergue/i18n', null],
  ['libs/i18n/src/node.ts', 'node:fs', 'contracts-and-i18n-are-dependency-free'],
  ['libs/contracts/src/npm.ts', 'leaflet', 'contracts-and-i18n-are-dependency-free'],
  ['libs/common/src/domain.ts', '@albergue/shelters', 'common-is-the-base'],
  ['libs/vault/src/domain.ts', '@albergue/residents', 'vault-depends-on-common-only'],
  ['libs/vault/src/common.ts', '@albergue/common', null],
  ['libs/audit/src/domain.ts', '@albergue/shelters', 'audit-knows-no-domain'],
  ['libs/shelters/src/residents.ts', '@albergue/residents', 'shelters-knows-no-other-domain'],
  ['libs/residents/src/auth.ts', '@albergue/auth', 'domains-never-import-auth'],
  ['libs/supplies/src/residents.ts', '@albergue/residents', 'supplies-knows-no-resident'],
  ['libs/messaging/src/shelters.ts', '@albergue/shelters', 'messaging-is-transport'],
  // With libs/referrals/src/cycle.ts importing @albergue/occupancy (written below): a cycle is
  // reported once, at the first of its modules.
  ['libs/occupancy/src/cycle.ts', '@albergue/referrals', 'libs-do-not-cycle'],
  ['bench/uses-test.ts', '../test/helpers/client.js', 'product-code-imports-no-tests'],
  ['test/uses-helpers.ts', './helpers/client.js', null],
  ['apps/api/src/typo.ts', './no-such-file.js', 'resolvable'],
];

interface Violation {
  from: string;
  rule: { name: string };
}

/**
 * The boundary rules of .dependency-cruiser.cjs (run by `npm run lint`) against a workspace made
 * of breaches: each rule must refuse its breach and let the allowed imports be, so that loosening
 * a pattern fails here rather than letting a boundary go quietly.
 */
describe('boundary rules', () => {
  let workspace: string;

  beforeAll(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'albergue-boundaries-'));
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(workspace, file)), { recursive: true });
      await writeFile(path.join(workspace, file), text);
    };
    const doors = LIBS.map((lib) => `libs/${lib}/src/index.ts`);
    const paths = Object.fromEntries(
      LIBS.map((lib) => [`@albergue/${lib}`, [`./libs/${lib}/src/index.ts`]]),
    );
    await write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }));
    await Promise.all([
      ...doors.map((door) => write(door, 'export const door = 1;\n')),
      write('apps/api/src/main.ts', 'export const main = 1;\n'),
      write('libs/residents/src/inside.ts', 'export const inside = 1;\n'),
      write('libs/occupancy/src/inside.ts', 'export const inside = 1;\n'),
      write('test/helpers/client.ts', 'export const client = 1;\n'),
      ...CASES.map(([file, imports]) =>
        write(file, `import * as imported from '${imports}';\nexport const it = imported;\n`),
      ),
    ]);
    // The cycle's two halves meet through the doors, as a real one would.
    await write('libs/referrals/src/cycle.ts', "export * from '@albergue/occupancy';\n");
    await write('libs/referrals/src/index.ts', "export * from './cycle.js';\n");
    await write('libs/occupancy/src/index.ts', "export * from './cycle.js';\n");
    await mkdir(path.join(workspace, 'node_modules'), { recursive: true });
    await mkdir(path.join(workspace, 'node_modules/leaflet'), { recursive: true });
    await writeFile(
      path.join(workspace, 'node_modules/leaflet/package.json'),
      '{"name":"leaflet","main":"index.js"}',
    );
    await writeFile(path.join(workspace, 'node_modules/leaflet/index.js'), 'module.exports = 1;\n');
  });

  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true });
  });

  it('refuses each breach by its rule and nothing else', async () => {
    const run = await promisify(execFile)(
      path.join(ROOT, 'node_modules/.bin/depcruise'),
      [
        'apps',
        'libs',
        'bench',
        'test',
        '--config',
        path.join(ROOT, '.dependency-cruiser.cjs'),
        '--output-type',
        'json',
      ],
      { cwd: workspace, maxBuffer: 64 * 1024 * 1024 },
    ).catch((failure: { stdout: string }) => failure);
    const violations = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary
      .violations;
    const found = violations.map(({ from, rule }) => `${from} ${rule.name}`).sort();
    const expected = CASES.flatMap(([file, , rule]) => (rule ? [`${file} ${rule}`] : [])).sort();
    expect(found).toEqual(expected);
  });
});
