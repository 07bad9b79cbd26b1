import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  cp,
  lstat,
  mkdir,
  readlink,
  rename,
  rm,
  rmdir,
  symlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PostgresBinaries, ServerUser } from './postgres-process.js';

/**
 * As root, where the embedded PostgreSQL's binaries and data live.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user, which must
 * be able to walk down to its binaries (in node_modules) and its data (DATA_DIR/pg). A clone in a
 * private folder (a home directory with mode 700, the usual place on a fresh server or in a
 * container) hides both. Whatever cannot be reached then lives under /var/lib/albergue, the
 * ordinary place for a service's data on Linux, readable by root and the postgres group only:
 *
 *   /var/lib/albergue/postgresql-<version>/   a copy of the server's binaries, shared by every clone
 *   /var/lib/albergue/<id>/pg/                the database of one DATA_DIR, linked from DATA_DIR/pg
 *
 * DATA_DIR keeps what is the app's (the server's password, the residents' keys) and a link `pg`
 * saying where the database went. The other way, an ACL that lets `postgres` pass through the
 * private folders, was not taken: `setfacl` is not on a fresh Debian or in its container images (the
 * `acl` package), so `npm start` would not work there as the README promises; it would leave a
 * grant on /root that nobody sees in `ls` and that outlives the clone; and it would open the
 * folders of whoever cloned there. The price of /var/lib/albergue: deleting the clone does not
 * delete the database (the start log, the link and a README in the folder say where it is). Data
 * that is reachable already (any clone outside a private folder, the tests' temporary folders)
 * stays where it is, as before; and as a normal user nothing of this applies.
 */
export const SHARED_HOME = '/var/lib/albergue';

const run = promisify(execFile);

async function idOf(flag: '-u' | '-g'): Promise<number | null> {
  try {
    return Number((await run('id', [flag, 'postgres'])).stdout.trim());
  } catch {
    return null;
  }
}

/** The `postgres` system user, created (no login, no home) when the machine has none. */
export async function postgresUser(log: (line: string) => void): Promise<ServerUser> {
  let uid = await idOf('-u');
  if (uid === null) {
    await run('groupadd', ['--system', '--force', 'postgres']);
    await run('useradd', [
      '--system',
      '--gid',
      'postgres',
      '--home-dir',
      '/nonexistent',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    log(
      'created the system user postgres to run the embedded PostgreSQL (it refuses to run as root)',
    );
    uid = await idOf('-u');
  }
  const gid = await idOf('-g');
  if (uid === null || gid === null) {
    throw new Error(
      'the system user postgres, needed to run PostgreSQL as root, could not be made',
    );
  }
  return { uid, gid };
}

/** Whether `user` can walk down to `dir`: asked of the system, so that ACLs and groups count. */
function canEnter(dir: string, user: ServerUser): boolean {
  return (
    spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], {
      uid: user.uid,
      gid: user.gid,
      stdio: 'ignore',
    }).status === 0
  );
}

/** /var/lib/albergue and the folders in it: root's, entered by the postgres group, closed to others. */
async function ownFolder(dir: string, user: ServerUser): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o750 });
  await chown(dir, 0, user.gid);
  await chmod(dir, 0o750);
}

/** The binaries where `user` can run them: in node_modules, or else a copy under /var/lib/albergue. */
export async function reachableBinaries(
  packaged: PostgresBinaries,
  user: ServerUser,
  log: (line: string) => void,
): Promise<PostgresBinaries> {
  if (canEnter(path.join(packaged.home, 'bin'), user)) {
    return packaged;
  }
  await ownFolder(SHARED_HOME, user);
  const home = path.join(SHARED_HOME, `postgresql-${packaged.version}`);
  if (!existsSync(home)) {
    // Copied beside, then renamed: a copy cut short is never taken for a whole one. Starts at the
    // same moment (tests, two instances in one process) each copy on their own; the first rename wins.
    const partial = `${home}.partial-${randomBytes(4).toString('hex')}`;
    await cp(packaged.home, partial, { recursive: true, verbatimSymlinks: true });
    await chown(partial, 0, user.gid);
    await chmod(partial, 0o750);
    await rename(partial, home).catch(async (error: unknown) => {
      // Another start copied it at the same moment.
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(home)) {
        throw error;
      }
    });
  }
  log(
    `the postgres user cannot enter ${packaged.home}: the embedded PostgreSQL runs from a copy of its binaries in ${home}`,
  );
  return { home, version: packaged.version };
}

/**
 * The server's data directory where `user` can reach it: DATA_DIR/pg as before, or, when DATA_DIR
 * lies in a folder that user cannot enter, /var/lib/albergue/<id>/pg with DATA_DIR/pg a link to it.
 * A database already in DATA_DIR/pg is never moved by the app.
 */
export async function reachableDataDirectory(
  dataDir: string,
  user: ServerUser,
  log: (line: string) => void,
): Promise<string> {
  const root = path.resolve(dataDir);
  await mkdir(root, { recursive: true });
  const link = path.join(root, 'pg');
  const existing = await lstat(link).catch(() => null);
  if (existing?.isSymbolicLink()) {
    const target = path.resolve(root, await readlink(link));
    // Made here before (or by hand: a folder elsewhere is the operator's, left as it is).
    if (target.startsWith(`${SHARED_HOME}/`)) {
      await ownFolder(SHARED_HOME, user);
      await ownFolder(path.dirname(target), user);
    }
    log(`the embedded PostgreSQL's data is in ${target} (DATA_DIR/pg links there)`);
    return target;
  }
  if (canEnter(path.dirname(root), user)) {
    // The postgres user walks down DATA_DIR to its own folder, 0700; the password file is 0600.
    await mkdir(link, { recursive: true, mode: 0o700 });
    await chmod(root, 0o755);
    return link;
  }
  if (existsSync(path.join(link, 'PG_VERSION'))) {
    throw new Error(
      `${link} holds a database that the postgres user cannot reach (it cannot enter a folder above ${root}). ` +
        `With the app stopped, move that folder to ${SHARED_HOME}/<a name of yours>/pg and leave a link to it: ` +
        `ln -s ${SHARED_HOME}/<name>/pg ${link}`,
    );
  }
  if (existing) {
    // An empty DATA_DIR/pg from a start that failed here before; rmdir refuses anything else.
    await rmdir(link);
  }
  const home = path.join(SHARED_HOME, randomBytes(6).toString('hex'));
  await ownFolder(SHARED_HOME, user);
  await ownFolder(home, user);
  await writeFile(
    path.join(home, 'README'),
    `The embedded PostgreSQL database of the Albergue whose DATA_DIR is ${root}\n` +
      `(created ${new Date().toISOString()}; ${link} links to pg/ here).\n` +
      `It is here because the postgres user, which runs the database, cannot enter the folders\n` +
      `above that DATA_DIR. Deleting that DATA_DIR does not delete this folder: delete it too,\n` +
      `with that Albergue stopped, to delete the database.\n`,
  );
  const target = path.join(home, 'pg');
  await symlink(target, link);
  log(
    `the postgres user cannot enter ${path.dirname(root)}: the embedded PostgreSQL's data goes to ${target} (DATA_DIR/pg links there)`,
  );
  return target;
}
