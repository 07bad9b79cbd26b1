import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { type RunningAlbergue, startAlbergue } from '../apps/api/src/bootstrap.js';
import { loadConfig } from '../apps/api/src/config/config.js';

const run = promisify(execFile);

/** Albergue as `npm start` runs it, on its own embedded PostgreSQL (or BENCH_DATABASE_URL), silent. */
export async function startBenchApp(
  env: Record<string, string> = {},
): Promise<{ app: RunningAlbergue; close(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'albergue-bench-'));
  await chmod(dataDir, 0o755);
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TILE_URL: '',
    RESIDENT_KEY: randomBytes(32).toString('base64'),
    LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
    ...env,
  });
  const app = await startAlbergue(config, pino({ level: 'silent' }));
  return {
    app,
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
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
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS albergue_pgbench');
  await client.query('CREATE DATABASE albergue_pgbench');
  await client.end();
  await run(PGBENCH, [...common, '-i', '-s', '1', '-q', 'albergue_pgbench'], { env });
  const { stdout } = await run(
    PGBENCH,
    [...common, '-n', '-c', String(clients), '-j', '2', '-T', String(seconds), 'albergue_pgbench'],
    { env },
  );
  const match = /tps = ([\d.]+)/.exec(stdout);
  return match ? Math.round(Number(match[1])) : null;
}
