import { type ChildProcess, execFile, fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { type RunningAlbergue, startAlbergue } from '../apps/api/src/bootstrap.js';
import { loadConfig } from '../apps/api/src/config/config.js';
import { freePort } from '../apps/api/src/database/embedded-postgres.js';

const run = promisify(execFile);
/** The project root, from dist/bench (where this file runs). */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One resident data key for every instance of a run, since they share the database. */
export const BENCH_RESIDENT_KEY = randomBytes(32).toString('base64');

/** The environment an Albergue of the bench runs with, in this process or another. */
export function benchEnv(
  databaseUrl: string,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TILE_URL: 'none',
    RESIDENT_KEY: BENCH_RESIDENT_KEY,
    LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
    ...env,
  };
}

/** Albergue as `npm start` runs it, in this process, on the bench's database, silent. */
export async function startBenchApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ app: RunningAlbergue; close(): Promise<void> }> {
  const app = await startAlbergue(
    loadConfig(benchEnv(databaseUrl, env)),
    pino({ level: 'silent' }),
  );
  return { app, close: () => app.close() };
}

/** A server of the bench in its own process (Albergue's `npm start`, or a peer), and its CPU. */
export interface BenchProcess {
  url: string;
  pid: number;
  /** CPU-seconds the process has used so far (user + system, from /proc). */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Albergue as `npm start` runs it (dist/apps/api/src/main.js) in a process of its own, on the
 * bench's database: what a second instance, or a fair comparison with a peer in its own
 * process, needs. Resolves once /health answers.
 */
export async function spawnApi(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<BenchProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(await startFlags()), path.join(root, 'dist/apps/api/src/main.js')],
    {
      env: { ...process.env, ...benchEnv(databaseUrl, { PORT: String(port), ...env }) },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null || attempt > 300) {
      child.kill('SIGKILL');
      throw new Error('Albergue (npm start) did not start');
    }
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return processHandle(child, url);
}

/** The node flags of `npm start` (package.json), so that a spawned instance runs as deployed. */
async function startFlags(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** A peer server (bench/peers/*.js) forked with DATABASE_URL; it sends `{ url }` once it listens. */
export async function forkPeer(script: string, databaseUrl: string): Promise<BenchProcess> {
  const child = fork(path.join(root, 'dist/bench/peers', script), [], {
    env: { ...process.env, DATABASE_URL: databaseUrl, GRAPHILE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
  });
  return processHandle(child, url);
}

function processHandle(child: ChildProcess, url: string): BenchProcess {
  return {
    url,
    pid: child.pid!,
    cpuSeconds: () => processCpuSeconds(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** utime + stime of a process, in seconds (fields 14 and 15 of /proc/<pid>/stat, in clock ticks). */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** CPU-seconds so far of every process named `postgres` (server and backends), by pid. */
export async function postgresCpu(): Promise<Map<number, number>> {
  const used = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if ((await readFile(`/proc/${entry}/comm`, 'utf8')).trim() === 'postgres') {
        used.set(Number(entry), await processCpuSeconds(Number(entry)));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return used;
}

/**
 * PostgreSQL's CPU between two readings: what each process used in between (a backend that
 * started in between, all of its CPU). A backend that ended in between is missed: measure while
 * the servers under test keep their pools open.
 */
export function postgresCpuBetween(
  before: Map<number, number>,
  after: Map<number, number>,
): number {
  let total = 0;
  for (const [pid, seconds] of after) {
    total += seconds - (before.get(pid) ?? 0);
  }
  return total;
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times: 100 on every common build. */
const CLOCK_TICKS = 100;

/**
 * A new, empty database `name` on the server of `serverUrl` (dropped first if an earlier run left
 * one; the database the URL names is never touched); its URL.
 */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One connection for a few statements, closed whatever happens. */
export async function withClient<T>(
  url: string,
  act: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await act(client);
  } finally {
    await client.end();
  }
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: Record<string, number>;
}

/**
 * Runs `clients` loops of `act` for `seconds` and measures each call. `act` returns an error code
 * or null. Bounded in time, loopback only.
 */
export async function load(
  clients: number,
  seconds: number,
  act: (client: number) => Promise<string | null>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const error = await act(client);
        latencies.push(performance.now() - t0);
        if (error) {
          errors[error] = (errors[error] ?? 0) + 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) /
    10;
  return {
    requests: latencies.length,
    seconds: elapsed,
    perSecond: Math.round(latencies.length / elapsed),
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
}

const PGBENCH = ['/usr/lib/postgresql/15/bin/pgbench', '/usr/bin/pgbench'].find((p) =>
  existsSync(p),
);

/**
 * pgbench's built-in TPC-B on the same server, in a database of its own: the calibration that
 * says what this machine's PostgreSQL does at all. Null (with a hint) where pgbench is missing.
 */
export async function pgbenchTps(
  databaseUrl: string,
  clients: number,
  seconds: number,
): Promise<number | null> {
  if (!PGBENCH) {
    console.warn(
      'pgbench not found: apt-get install postgresql-client (Debian) to add the calibration',
    );
    return null;
  }
  const url = new URL(databaseUrl);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const common = ['-h', url.hostname, '-p', url.port, '-U', decodeURIComponent(url.username)];
  await recreateDatabase(databaseUrl, 'albergue_pgbench');
  await run(PGBENCH, [...common, '-i', '-s', '1', '-q', 'albergue_pgbench'], { env });
  const { stdout } = await run(
    PGBENCH,
    [...common, '-n', '-c', String(clients), '-j', '2', '-T', String(seconds), 'albergue_pgbench'],
    { env },
  );
  const match = /tps = ([\d.]+)/.exec(stdout);
  return match ? Math.round(Number(match[1])) : null;
}
