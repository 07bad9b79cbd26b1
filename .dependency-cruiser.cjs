// The boundaries of docs/DESIGN (README "Boundaries"), checked by `npm run lint`. A rule names
// the design's sentence it holds. Libraries are folders under libs/; each has one door,
// libs/<lib>/src/index.ts, reached through its alias @albergue/<lib>.
/** The domain libraries: they declare their policies and know each other only through doors. */
const DOMAINS = 'shelters|occupancy|residents|referrals|supplies|messaging';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-apps',
      comment: 'A library never imports an application (apps/api, apps/web).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'only-through-doors',
      comment:
        "A library's files are reached from outside it only through its door (libs/<lib>/src/index.ts, " +
        'the alias @albergue/<lib>); what the door does not name stays inside.',
      severity: 'error',
      from: { path: '^(libs/([^/]+)/|(?!libs/))' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'web-imports-only-contracts-and-i18n',
      comment:
        'The browser side imports no server code but the two dependency-free libs, contracts and i18n.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/api/|libs/(?!contracts/|i18n/)|test/|bench/)' },
    },
    {
      name: 'the-map-stays-apart-from-the-console',
      comment:
        'The public map (and its service worker) never imports the staff console: its first view must not grow.',
      severity: 'error',
      from: { path: '^apps/web/(map|sw)/' },
      to: { path: '^apps/web/console/' },
    },
    {
      name: 'the-shared-map-code-knows-neither-page',
      comment:
        "The shelter map both pages draw (apps/web/shared) imports neither the console nor the public map's own code: each page parametrises it.",
      severity: 'error',
      from: { path: '^apps/web/shared/' },
      to: { path: '^apps/web/(console|map|sw)/' },
    },
    {
      name: 'console-screens-do-not-import-the-route-table',
      comment:
        "The console's route table (routes.tsx) maps addresses to screens and app.tsx renders it: a screen that imported either would make a cycle. Who a section is for is in core/sections.ts, which any screen may import.",
      severity: 'error',
      from: { path: '^apps/web/console/', pathNot: '^apps/web/console/(app|main)\\.tsx$' },
      to: { path: '^apps/web/console/(routes|app)\\.tsx$' },
    },
    {
      name: 'contracts-and-i18n-are-dependency-free',
      comment:
        'contracts and i18n import nothing outside themselves (no Node, no npm): both sides read them.',
      severity: 'error',
      from: { path: '^libs/(contracts|i18n)/src/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/$1/' },
    },
    {
      name: 'common-is-the-base',
      comment: 'common depends on no library but contracts.',
      severity: 'error',
      from: { path: '^libs/common/' },
      to: { path: '^libs/(?!common/|contracts/)' },
    },
    {
      name: 'vault-depends-on-common-only',
      comment: 'The vault (keys, sealing, keyed look-ups) depends on common only.',
      severity: 'error',
      from: { path: '^libs/vault/' },
      to: { path: '^libs/(?!vault/|common/|contracts/)' },
    },
    {
      name: 'audit-knows-no-domain',
      comment: 'The audit log records ids; it knows no domain, no auth and no vault.',
      severity: 'error',
      from: { path: '^libs/audit/' },
      to: { path: '^libs/(?!audit/|common/|contracts/)' },
    },
    {
      name: 'shelters-knows-no-other-domain',
      comment: 'Shelters is what the other domains build on: it knows none of them, nor auth.',
      severity: 'error',
      from: { path: '^libs/shelters/' },
      to: { path: `^libs/(${DOMAINS.replace('shelters|', '')}|auth)/` },
    },
    {
      name: 'domains-never-import-auth',
      comment: 'Domain libs declare their policies as metadata (common) and never import auth.',
      severity: 'error',
      from: { path: `^libs/(${DOMAINS})/` },
      to: { path: '^libs/auth/' },
    },
    {
      name: 'supplies-knows-no-resident',
      comment:
        'Supplies knows no resident (donor contacts are sealed and short-lived): it builds on ' +
        'shelters, common, the vault and contracts only.',
      severity: 'error',
      from: { path: '^libs/supplies/' },
      to: { path: '^libs/(?!supplies/|common/|contracts/|shelters/|vault/)' },
    },
    {
      name: 'messaging-is-transport',
      comment: 'Messaging is transport: it knows no shelter or resident.',
      severity: 'error',
      from: { path: '^libs/messaging/' },
      to: { path: `^libs/(${DOMAINS.replace('|messaging', '')})/` },
    },
    {
      name: 'libs-do-not-cycle',
      comment:
        'Dependencies point one way between libraries: nothing depends back. (Cycles inside one ' +
        "library, such as two entities naming each other's relation, are TypeORM's way.)",
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, via: { path: '^libs/', pathNot: '^libs/$1/' } },
    },
    {
      name: 'product-code-imports-no-tests',
      comment:
        'apps, libs, bench, clients and migrations never import test/ (what both need is in clients/).',
      severity: 'error',
      from: { path: '^(apps|libs|bench|clients|migrations)/' },
      to: { path: '^test/' },
    },
    {
      name: 'resolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.data|\\.cache|coverage)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
