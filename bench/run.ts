// `npm run bench`: every scenario, one after another, peers beside each in the same run.
// Options: --scenario gate|fanout, --quick (a few seconds per case, small enough for CI).
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, hostname, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fanout, type FanoutReport } from './scenarios/fanout.js';
import { gate, type GateReport } from './scenarios/gate.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--scenario') ? args[args.indexOf('--scenario') + 1] : null;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

function gateTable(report: GateReport): string {
  const tps = report.pgbench.tps;
  const lines = [
    '| setup | clients | cycles/s | p50 ms | p99 ms | no bed (conflicts) | other errors | cycles/s ÷ pgbench tps |',
    '|---|---|---|---|---|---|---|---|',
    ...report.rows.map(({ setup, clients, result, conflicts }) => {
      const others = Object.entries(result.errors)
        .filter(([code]) => code !== 'NO_SUITABLE_BEDS')
        .reduce((sum, [, n]) => sum + n, 0);
      return `| ${setup} | ${clients} | ${result.perSecond} | ${result.p50} | ${result.p99} | ${conflicts} | ${others} | ${tps ? (result.perSecond / tps).toFixed(2) : 'n/a'} |`;
    }),
  ];
  return [
    `A cycle is one check-in and one check-out through GraphQL (two transactions, each: lock, bed pick, write, figures, version, outbox row).`,
    `Calibration, same run, same PostgreSQL: pgbench TPC-B, ${report.pgbench.clients} clients: ${tps ?? 'n/a'} tps.`,
    `Double bookings over the whole run (two assignments of one bed overlapping in time): ${report.doubleBookings}.`,
    '',
    ...lines,
  ].join('\n');
}

function fanoutTable(report: FanoutReport): string {
  return [
    `Public map sockets in four client processes (half watching the whole city, half one to three boroughs), count reports landing on random shelters for ${report.seconds} s per row. The clients’ own CPU is shown: they share the two cores with the server and PostgreSQL, and their queue is part of the age.`,
    'Age: from the change’s transaction to the socket of each client that watches it, for every shelter state delivered. Delivered: versions that reached each client, or were overtaken by a later one that did, ÷ versions committed in what it watches. Server CPU: the API process (which also commits the changes); baseline: the same changes with no client; per tick: server CPU s/s × tick.',
    '',
    '| clients | tick ms | server | connected | changes/s | delivered ÷ expected | converged | age p50 ms | p95 ms | p99 ms | max ms | server CPU s/s | baseline CPU s/s | CPU ms per tick | server loop delay p99 ms | heap KB per client | dropped | clients’ CPU s/s |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...report.rows.map(
      (row) =>
        `| ${row.clients} | ${row.tickMs} | ${row.server} | ${row.connected} | ${row.changesPerSecond} | ${row.deliveredRatio} | ${row.convergedRatio} | ${row.ageMs.p50} | ${row.ageMs.p95} | ${row.ageMs.p99} | ${row.ageMs.max} | ${row.serverCpuPerSecond} | ${row.baselineCpuPerSecond} | ${row.serverCpuPerTickMs} | ${row.serverLoopDelayP99Ms} | ${row.heapPerClientKB} | ${row.disconnects} | ${row.clientsCpuPerSecond} |`,
    ),
    '',
    'socket.io beside the bare `ws` reference, same clients, same changes, same run: the fan-out’s own CPU per tick is (server CPU − baseline) × tick.',
    '',
    '| clients | tick ms | fan-out CPU ms per tick, socket.io | ws | socket.io ÷ ws | age p99 ms, socket.io | ws |',
    '|---|---|---|---|---|---|---|',
    ...report.rows
      .filter((row) => row.server === 'socket.io')
      .map((row) => {
        const reference = report.rows.find(
          (other) =>
            other.server === 'ws' && other.clients === row.clients && other.tickMs === row.tickMs,
        );
        const own = (r: typeof row) =>
          Math.max(0, (r.serverCpuPerSecond - r.baselineCpuPerSecond) * r.tickMs);
        return reference
          ? `| ${row.clients} | ${row.tickMs} | ${Math.round(own(row))} | ${Math.round(own(reference))} | ${own(reference) > 0 ? (own(row) / own(reference)).toFixed(2) : 'n/a'} | ${row.ageMs.p99} | ${reference.ageMs.p99} |`
          : '';
      }),
  ].join('\n');
}

const results: Record<string, unknown> = { date: new Date().toISOString(), machine, quick };
const sections: string[] = [];
if (!only || only === 'gate') {
  const report = await gate({ seconds: quick ? 3 : 15, shelters: quick ? 10 : 100 });
  results.gate = report;
  sections.push(`## gate\n\n${gateTable(report)}`);
  if (report.doubleBookings !== 0) {
    process.exitCode = 1;
  }
}

if (!only || only === 'fanout') {
  const report = await fanout(
    quick
      ? { cases: [{ clients: 200, tickMs: 1000 }], seconds: 5, rate: 50 }
      : {
          cases: [
            ...[1000, 5000, 10000].map((clients) => ({ clients, tickMs: 1000 })),
            { clients: 10000, tickMs: 500 },
          ],
          seconds: 60,
          rate: 50,
        },
  );
  results.fanout = report;
  sections.push(`## fan-out\n\n${fanoutTable(report)}`);
  if (report.rows.some((row) => row.deliveredRatio < 1 || row.convergedRatio < 1)) {
    process.exitCode = 1;
  }
}

const stamp = new Date().toISOString().slice(0, 10);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
const file = path.join(
  root,
  'bench/results',
  `${stamp}-${hostname()}${quick ? '-quick' : ''}.json`,
);
await writeFile(file, JSON.stringify(results, null, 2) + '\n');
const markdown = `# Performance\n\nThe latest \`npm run bench\`${quick ? ' --quick' : ''}, ${results.date as string}, on ${machine}.\nLoad generator, API and PostgreSQL share the machine (the load generator runs in the API's own process): compare figures only within one run, as ratios.\n\n${sections.join('\n\n')}\n`;
// The docs keep a whole run's table: a quick run or a single scenario leaves them as they are.
if (!quick && !only) {
  await writeFile(path.join(root, 'docs/PERFORMANCE.md'), markdown);
}
console.log(markdown);
console.log(`results: ${path.relative(root, file)}`);
