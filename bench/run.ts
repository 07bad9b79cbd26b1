// `npm run bench`: a fresh database, the large network seeded, then every scenario one after
// another, peers beside each in the same run. Options: --scenario
// map-read|gate|fanout|validation|first-screen|console|supplies (one only), --quick (a small network and a
// few seconds per case: what CI runs).
import 'reflect-metadata';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, hostname, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareBenchDatabase } from './database.js';
import {
  type BenchResults,
  consoleTable,
  fanoutTable,
  firstScreenTable,
  gateTable,
  mapReadTable,
  suppliesTable,
  targets,
  validationTable,
  targetsTable,
} from './report.js';
import { consoleBench } from './scenarios/console.js';
import { type FanoutCase, fanout } from './scenarios/fanout.js';
import { firstScreen } from './scenarios/first-screen.js';
import { gate } from './scenarios/gate.js';
import { mapRead } from './scenarios/map-read.js';
import { supplies } from './scenarios/supplies.js';
import { validationCurve } from './scenarios/validation.js';

const SCENARIOS = [
  'map-read',
  'gate',
  'fanout',
  'validation',
  'first-screen',
  'console',
  'supplies',
] as const;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--scenario') ? args[args.indexOf('--scenario') + 1] : null;
if (only && !(SCENARIOS as readonly string[]).includes(only)) {
  console.error(`--scenario must be one of ${SCENARIOS.join(', ')}`);
  process.exit(2);
}
const runs = (scenario: (typeof SCENARIOS)[number]) => !only || only === scenario;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const seed = quick
  ? { shelters: 100, residents: 2_000, bedsShare: 0.1 }
  : { shelters: 1000, residents: 100_000, bedsShare: 0.1 };

const seedStarted = performance.now();
const database = await prepareBenchDatabase(seed);
const results: BenchResults = {
  date: new Date().toISOString(),
  machine,
  quick,
  seed: { ...seed, seconds: Math.round((performance.now() - seedStarted) / 1000) },
};
const sections: string[] = [];
const stamp = results.date.slice(0, 10);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
const file = path.join(
  root,
  'bench/results',
  `${stamp}-${hostname()}${only ? `-${only}` : ''}${quick ? '-quick' : ''}.json`,
);
const failures: string[] = [];

/**
 * One scenario: its report and table kept, and the JSON written at once, so that a scenario that
 * fails (said, and the run's exit code 1) loses neither the others' figures nor the time they took.
 */
async function scenario<T>(
  name: (typeof SCENARIOS)[number],
  measure: () => Promise<T>,
  keep: (report: T) => string,
): Promise<void> {
  if (!runs(name)) {
    return;
  }
  const started = performance.now();
  console.log(`bench: ${name}…`);
  try {
    sections.push(keep(await measure()));
    console.log(`bench: ${name} done in ${Math.round((performance.now() - started) / 1000)} s`);
  } catch (error) {
    console.error(`bench: ${name} failed:`, error);
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  await writeFile(file, JSON.stringify({ ...results, failures }, null, 2) + '\n');
}

try {
  await scenario(
    'map-read',
    () =>
      mapRead({
        databaseUrl: database.url,
        statements: database.statements,
        connections: 50,
        ...(quick
          ? { seconds: 3, warmupSeconds: 1, passes: 1 }
          : { seconds: 20, warmupSeconds: 5, passes: 2 }),
      }),
    (report) => {
      results.mapRead = report;
      return `### map read\n\n${mapReadTable(report)}`;
    },
  );
  await scenario(
    'gate',
    () => gate({ databaseUrl: database.url, seconds: quick ? 3 : 15, shelters: quick ? 10 : 100 }),
    (report) => {
      results.gate = report;
      return `### gate\n\n${gateTable(report)}`;
    },
  );
  const cases: FanoutCase[] = quick
    ? [
        { clients: 200, tickMs: 1000, instances: 1 },
        { clients: 200, tickMs: 1000, instances: 2 },
      ]
    : [
        ...[1000, 5000, 10000].map((clients) => ({ clients, tickMs: 1000, instances: 1 as const })),
        { clients: 10000, tickMs: 500, instances: 1 },
        // Two instances: at 5,000 the machine has room and the rows show the cross-instance path
        // (notification, read, tick); at 10,000 the four client processes take most of both cores.
        { clients: 5000, tickMs: 1000, instances: 2 },
        { clients: 10000, tickMs: 1000, instances: 2 },
      ];
  await scenario(
    'fanout',
    () => fanout({ databaseUrl: database.url, cases, seconds: quick ? 5 : 60, rate: 50 }),
    (report) => {
      results.fanout = report;
      return `### fan-out\n\n${fanoutTable(report)}`;
    },
  );
  await scenario(
    'validation',
    () =>
      Promise.resolve(
        validationCurve({
          depths: [5, 10, 20, 40],
          fans: quick ? [4] : [2, 4, 8],
          repeats: quick ? 5 : 101,
        }),
      ),
    (report) => {
      results.validation = report;
      return `### validation\n\n${validationTable(report)}`;
    },
  );
  await scenario(
    'first-screen',
    // Quick: one load per page and condition, on the demo network only.
    () => firstScreen({ databaseUrl: database.url, runs: quick ? 1 : 5, seeded: !quick }),
    (report) => {
      results.firstScreen = report;
      return `### first screen\n\n${firstScreenTable(report)}`;
    },
  );
  await scenario(
    'console',
    // Quick: one load per page, 10 check-outs per board.
    () =>
      consoleBench({
        databaseUrl: database.url,
        runs: quick ? 1 : 5,
        events: quick ? 10 : 100,
      }),
    (report) => {
      results.console = report;
      return `### staff console\n\n${consoleTable(report)}`;
    },
  );
  await scenario(
    'supplies',
    // Full: 1, 10 and 100 years of 200 items (7.3 M rows), and 1,000 shelters × 10 items × a
    // year (3.6 M rows more: 200 items would be 73 M, some 25 GB and too long to load here).
    // Quick: a few seconds of data.
    () =>
      supplies({
        databaseUrl: database.url,
        ...(quick
          ? {
              items: 50,
              years: [1, 2, 4],
              network: { shelters: 20, items: 10, days: 91 },
              calls: 20,
              secondsPerRead: 1,
            }
          : {
              items: 200,
              years: [1, 10, 100],
              network: { shelters: 1000, items: 10, days: 364 },
              calls: 50,
              secondsPerRead: 15,
            }),
      }),
    (report) => {
      results.supplies = report;
      return `### supplies ledger\n\n${suppliesTable(report)}`;
    },
  );
} finally {
  await database.close();
}

// Correctness targets fail the run (CI runs the quick bench); speed targets are reported.
const broken = targets(results).filter(
  (row) => row.met === false && /double bookings|delivered/.test(row.target),
);
if (
  failures.length > 0 ||
  broken.length > 0 ||
  (results.mapRead && results.mapRead.rows.some((row) => row.failed > 0))
) {
  process.exitCode = 1;
}

const markdown = [
  `The latest \`npm run bench\`${quick ? ' --quick' : ''}, ${results.date}, on ${machine}.`,
  `Seeded first: ${seed.shelters} shelters (${Math.round(seed.bedsShare * 100)}% bed by bed) and ${seed.residents} residents on top of the demo network, in ${results.seed.seconds} s (with the database's start).`,
  'Load generators, servers and PostgreSQL share the machine: compare figures only within one run, as ratios.',
  '',
  '### Targets',
  '',
  targetsTable(results),
  '',
  ...sections.flatMap((section) => [section, '']),
].join('\n');
// The docs keep a whole run's tables, between two markers; the text around them is written by
// hand (how to read the tables, what misses a target and why). A quick run, a single scenario or
// a run where a scenario failed leaves them as they are.
if (!quick && !only && failures.length === 0) {
  await writeLatest(path.join(root, 'docs/PERFORMANCE.md'), markdown);
}
console.log(markdown);
console.log(`results: ${path.relative(root, file)}`);

async function writeLatest(docs: string, tables: string): Promise<void> {
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const text = await readFile(docs, 'utf8').catch(() => `# Performance\n\n${start}\n${end}\n`);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    throw new Error(`${docs} has lost its ${start} … ${end} markers`);
  }
  await writeFile(docs, `${text.slice(0, from + start.length)}\n${tables}\n${text.slice(to)}`);
}
