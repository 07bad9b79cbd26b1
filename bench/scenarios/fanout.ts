import {
  type AvailabilityRules,
  AvailabilityService,
  Population,
  SHELTERS_OPTIONS,
  ShelterSearchService,
  SheltersService,
} from '@albergue/shelters';
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { StaleReportDetails } from '@albergue/contracts';
import type { FromClient, ToClient } from '../fanout-client.js';
import { AvailabilityFeed } from '../../apps/api/src/realtime/availability-feed.js';
import { type BenchProcess, spawnApi, startBenchApp, withClient } from '../harness.js';
import { startWsReference } from '../ws-reference.js';

const CLIENT_SCRIPT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fanout-client.js',
);
const PROCESSES = 4;
/** Shelters added to the demo network's 40, spread over its boroughs, that the changes land on. */
const EXTRA_SHELTERS = 160;
const BEDS = 50;

export type FanoutServer =
  'socket.io' | 'ws' | 'socket.io ×2, same instance' | 'socket.io ×2, other instance';

export interface FanoutRow {
  clients: number;
  tickMs: number;
  /**
   * The API's socket.io gateway, or the bare `ws` reference fed the same way; with two
   * instances, the clients on the instance that commits the changes, or on the other one.
   */
  server: FanoutServer;
  connected: number;
  failed: number;
  changes: number;
  changesPerSecond: number;
  /** Versions that reached the clients (or were overtaken by a later one that did) ÷ versions committed in the areas they watch. */
  deliveredRatio: number;
  /** Clients holding exactly the database's versions at the end. */
  convergedRatio: number;
  ageMs: { p50: number; p95: number; p99: number; max: number };
  /** Server process CPU over the measured window (both instances' with two), in CPU-seconds per second, and per tick. */
  serverCpuPerSecond: number;
  serverCpuPerTickMs: number;
  /** The same with no client connected (the change traffic alone), measured in the same run. */
  baselineCpuPerSecond: number;
  /**
   * From the last change's commit until every map of the run held the database's versions (null:
   * not within CATCH_UP_LIMIT_MS). A map that is late but gets there lost nothing; one that never
   * does, did.
   */
  catchUpMs: number | null;
  /** This process's heap growth per client connected to it (null for the other instance's clients). */
  heapPerClientKB: number | null;
  disconnects: number;
  /** The API process's event loop: how late its timers ran (p99), a sign of bursts the CPU average hides. */
  serverLoopDelayP99Ms: number;
  /** The client processes' CPU, all together, in CPU-seconds per second: they share the machine with the server. */
  clientsCpuPerSecond: number;
}

export interface FanoutReport {
  seconds: number;
  rows: FanoutRow[];
}

export interface FanoutCase {
  clients: number;
  tickMs: number;
  /** 1: the API in this process, then the bare ws reference; 2: a second API process beside it. */
  instances: 1 | 2;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(histogram: Map<number, number>, total: number, q: number): number {
  const target = q * total;
  let seen = 0;
  for (const age of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(age)!;
    if (seen >= target) {
      return age;
    }
  }
  return NaN;
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

type Report = Extract<FromClient, { type: 'report' }>;

/**
 * "fan-out": N public map sockets in separate client processes (each on its own 127.x.y.z
 * address), half watching the whole city and half one to three boroughs, while changes land on
 * random shelters at `rate` per second: how much of it arrives, how old, and what it costs the
 * server (the API runs in this process; its CPU is read before and after, and once with no
 * client at all for the change traffic's own cost). A one-instance size runs twice: against the
 * API's socket.io gateway, then against a bare `ws` server fed the same way (the reference). A
 * two-instance size puts half the client processes on a second API process (`npm start`) on the
 * same database: what its clients see has crossed PostgreSQL's notifications.
 */
export async function fanout({
  databaseUrl,
  cases,
  seconds,
  rate,
}: {
  databaseUrl: string;
  cases: FanoutCase[];
  seconds: number;
  rate: number;
}): Promise<FanoutReport> {
  const rows: FanoutRow[] = [];
  for (const tickMs of [...new Set(cases.map((c) => c.tickMs))]) {
    const own = cases.filter((c) => c.tickMs === tickMs);
    rows.push(...(await withTick(databaseUrl, tickMs, own, seconds, rate)));
  }
  return { seconds, rows };
}

/** One API with REALTIME_TICK = tickMs, and each case of this tick in turn. */
async function withTick(
  databaseUrl: string,
  tickMs: number,
  cases: FanoutCase[],
  seconds: number,
  rate: number,
): Promise<FanoutRow[]> {
  const env = { SOCKETS_PER_ADDRESS: '4', REALTIME_TICK: `${tickMs}ms` };
  const bench = await startBenchApp(databaseUrl, env);
  const { app } = bench;
  try {
    const shelters = await seed(app.app.get(SheltersService), databaseUrl);
    const availability = app.app.get(AvailabilityService);
    // The database's truth, each time asked: what every map must hold in the end.
    const search = app.app.get(ShelterSearchService);
    const currentVersions = async () => Object.fromEntries(await search.versions());
    const changes = (forMs: number) => changeLoop(availability, shelters, rate, forMs);
    const cpuWhile = async (act: Promise<number>, other?: BenchProcess) => {
      const before = process.cpuUsage();
      const otherBefore = (await other?.cpuSeconds()) ?? 0;
      const t0 = performance.now();
      const count = await act;
      const used = process.cpuUsage(before);
      const otherUsed = ((await other?.cpuSeconds()) ?? 0) - otherBefore;
      return {
        count,
        elapsed: (performance.now() - t0) / 1000,
        cpu: (used.user + used.system) / 1e6 + otherUsed,
      };
    };
    const baseline = await cpuWhile(changes(Math.min(seconds, 10) * 1000));
    const baselineCpuPerSecond = baseline.cpu / baseline.elapsed;
    const reference = await startWsReference(
      app.app.get(AvailabilityFeed),
      app.app.get<symbol, AvailabilityRules>(SHELTERS_OPTIONS),
      tickMs,
    );
    const rows: FanoutRow[] = [];
    for (const { clients: size, instances } of cases) {
      const second = instances === 2 ? await spawnApi(databaseUrl, env) : null;
      const runs: {
        servers: FanoutServer[];
        urls: (p: number) => { url: string; wsUrl: string | null };
      }[] = second
        ? [
            {
              servers: ['socket.io ×2, same instance', 'socket.io ×2, other instance'],
              urls: (p) => ({ url: p < PROCESSES / 2 ? app.url : second.url, wsUrl: null }),
            },
          ]
        : [
            { servers: ['socket.io'], urls: () => ({ url: app.url, wsUrl: null }) },
            { servers: ['ws'], urls: () => ({ url: app.url, wsUrl: reference.url }) },
          ];
      for (const { servers, urls } of runs) {
        console.log(`fan-out: ${size} clients, ${tickMs} ms tick, ${servers.join(' and ')}`);
        const heapBefore = heapUsed();
        const children = Array.from({ length: PROCESSES }, () =>
          fork(CLIENT_SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
        );
        const connected = await Promise.all(
          children.map((child, p) =>
            ask(child, {
              type: 'start',
              ...urls(p),
              count: Math.ceil(size / PROCESSES),
              net: 10 + p,
              allAreasShare: 0.5,
            }),
          ),
        );
        const localClients = servers.length === 2 ? size / 2 : size;
        const heapPerClientKB =
          Math.round(((heapUsed() - heapBefore) / localClients / 1024) * 10) / 10;
        children.forEach((child) => child.send({ type: 'measure' } satisfies ToClient));
        const loop = monitorEventLoopDelay({ resolution: 10 });
        loop.enable();
        const measured = await cpuWhile(changes(seconds * 1000), second ?? undefined);
        loop.disable();
        const catchUpMs = await caughtUp(children, currentVersions);
        const versions = await currentVersions();
        const reports = (
          await Promise.all(children.map((child) => ask(child, { type: 'finish', versions })))
        ).flatMap((report) => (report.type === 'report' ? [report] : []));
        // With two instances, the first half of the processes are on this one, the rest on the other.
        servers.forEach((server, side) => {
          const share = (all: unknown[]) =>
            servers.length === 1
              ? all
              : all.slice(side * (all.length / 2), (side + 1) * (all.length / 2));
          rows.push(
            row({
              reports: share(reports) as Report[],
              connected: share(connected) as FromClient[],
              size: servers.length === 1 ? size : size / 2,
              tickMs,
              server,
              measured,
              baselineCpuPerSecond,
              heapPerClientKB: side === 0 ? heapPerClientKB : null,
              catchUpMs,
              loopDelayP99Ms: Math.round(loop.percentile(99) / 1e6),
            }),
          );
        });
        // A client ends when its channel closes, once its report is in: ending by itself, its
        // 'exit' could overtake its last message here.
        children.forEach((child) => child.disconnect());
        await Promise.all(children.map((child) => exited(child)));
        await sleep(1000);
      }
      await second?.stop();
    }
    await reference.close();
    return rows;
  } finally {
    await bench.close();
  }
}

const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

function row({
  reports,
  connected,
  size,
  tickMs,
  server,
  measured,
  baselineCpuPerSecond,
  heapPerClientKB,
  catchUpMs,
  loopDelayP99Ms,
}: {
  reports: Report[];
  connected: FromClient[];
  size: number;
  tickMs: number;
  server: FanoutServer;
  measured: { count: number; elapsed: number; cpu: number };
  baselineCpuPerSecond: number;
  heapPerClientKB: number | null;
  catchUpMs: number | null;
  loopDelayP99Ms: number;
}): FanoutRow {
  const ages = new Map<number, number>();
  let total = 0;
  for (const report of reports) {
    for (const [age, count] of Object.entries(report.ages)) {
      ages.set(Number(age), (ages.get(Number(age)) ?? 0) + count);
      total += count;
    }
  }
  const sum = (pick: (report: Report) => number) =>
    reports.reduce((acc, report) => acc + pick(report), 0);
  const sockets = sum((r) => r.sockets);
  const expected = sum((r) => r.expected);
  return {
    clients: size,
    tickMs,
    server,
    connected: sockets,
    failed: connected.reduce(
      (acc, message) => acc + (message.type === 'connected' ? message.failed : 0),
      0,
    ),
    changes: measured.count,
    changesPerSecond: Math.round(measured.count / measured.elapsed),
    deliveredRatio: expected ? round(sum((r) => r.delivered) / expected, 4) : 1,
    convergedRatio: sockets ? round(sum((r) => r.converged) / sockets, 4) : 0,
    ageMs: {
      p50: percentile(ages, total, 0.5),
      p95: percentile(ages, total, 0.95),
      p99: percentile(ages, total, 0.99),
      max: percentile(ages, total, 1),
    },
    serverCpuPerSecond: round(measured.cpu / measured.elapsed),
    serverCpuPerTickMs: Math.round((measured.cpu / measured.elapsed) * tickMs),
    baselineCpuPerSecond: round(baselineCpuPerSecond),
    heapPerClientKB,
    catchUpMs,
    disconnects: sum((r) => r.disconnects),
    clientsCpuPerSecond: round(sum((r) => r.cpuPerSecond)),
    serverLoopDelayP99Ms: loopDelayP99Ms,
  };
}

/** How long after the last change a run's maps may take to hold every committed version. */
const CATCH_UP_LIMIT_MS = 120_000;

/** Waits until every map holds the database's versions; how long that took, or null if it did not. */
async function caughtUp(
  children: ChildProcess[],
  currentVersions: () => Promise<Record<string, number>>,
): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < CATCH_UP_LIMIT_MS) {
    const versions = await currentVersions();
    const answers = await Promise.all(
      children.map((child) => ask(child, { type: 'check', versions })),
    );
    if (
      answers.every((answer) => answer.type === 'converged' && answer.converged === answer.sockets)
    ) {
      return Math.round(performance.now() - started);
    }
    await sleep(250);
  }
  return null;
}

/** Sends a client process a message and waits for its answer (its listeners gone after). */
function ask(child: ChildProcess, message: ToClient): Promise<FromClient> {
  return new Promise((resolve, reject) => {
    const answered = (answer: FromClient) => {
      child.off('exit', exitedEarly);
      resolve(answer);
    };
    const exitedEarly = (code: number | null) => {
      child.off('message', answered);
      reject(new Error(`fan-out client exited (${code}) while asked to ${message.type}`));
    };
    child.once('message', answered);
    child.once('exit', exitedEarly);
    child.send(message);
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The shelters the changes land on: EXTRA_SHELTERS more, in the demo network's boroughs. */
async function seed(sheltersService: SheltersService, databaseUrl: string): Promise<string[]> {
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ organisation_id: string; borough: string }>(
      `SELECT DISTINCT ON (address_borough_code) organisation_id, address_borough_code AS borough
         FROM shelter WHERE address_borough_code IS NOT NULL ORDER BY address_borough_code`,
    ),
  );
  const ids: string[] = [];
  for (let i = 0; i < EXTRA_SHELTERS; i += 1) {
    const place = rows[i % rows.length];
    const shelter = await sheltersService.create({
      requestId: randomUUID(),
      organisationId: place.organisation_id,
      name: `Fan-out ${i}`,
      location: { lat: 19.25 + (i % 40) / 200, lng: -99.25 + Math.floor(i / 40) / 20 },
      address: { boroughCode: place.borough, city: 'Ciudad de México' },
      capacity: [{ population: Population.MEN, totalBeds: BEDS }],
    } as Parameters<SheltersService['create']>[0]);
    ids.push(shelter.id);
  }
  return ids;
}

const STALE_RETRIES = 20;

/**
 * `rate` count reports a second on random shelters, for `forMs`; resolves with how many committed.
 * Each report says the version it last saw; one refused as stale (another report got there
 * first) is sent again on the version the refusal carries, as a client would: several reports in
 * flight on one shelter may each be refused a few times, so up to STALE_RETRIES times.
 */
async function changeLoop(
  availability: AvailabilityService,
  shelters: string[],
  rate: number,
  forMs: number,
): Promise<number> {
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  const known = new Map<string, number>();
  let committed = 0;
  const report = async (shelterId: string, retries: number): Promise<void> => {
    try {
      const shelter = await availability.report({
        requestId: randomUUID(),
        shelterId,
        knownVersion: known.get(shelterId) ?? 0,
        counts: [{ population: Population.MEN, freeBeds: Math.floor(Math.random() * BEDS) }],
      } as Parameters<AvailabilityService['report']>[0]);
      known.set(shelterId, Math.max(known.get(shelterId) ?? 0, shelter.availabilityVersion));
      committed += 1;
    } catch (error) {
      const details = (error as { details?: Partial<StaleReportDetails> }).details;
      if (retries === 0 || !details?.current) {
        throw error;
      }
      known.set(shelterId, details.current.version);
      await report(shelterId, retries - 1);
    }
  };
  for (let n = 0; ; n += 1) {
    const due = started + (n * 1000) / rate;
    if (due - started >= forMs) {
      break;
    }
    const wait = due - performance.now();
    if (wait > 0) {
      await sleep(wait);
    }
    pending.push(report(shelters[Math.floor(Math.random() * shelters.length)], STALE_RETRIES));
  }
  await Promise.all(pending);
  return committed;
}
