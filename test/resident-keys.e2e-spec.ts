import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type RunningAlbergue, startAlbergue } from '../apps/api/src/bootstrap.js';
import { loadConfig } from '../apps/api/src/config/config.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { type Person, staffAt } from './factories/staff.factory.js';
import { captureLogs } from './helpers/log-capture.js';
import { freshDatabase, signIn, startTestApp, TEST_ADMIN, TEST_START } from './helpers/test-app.js';

const run = promisify(execFile);

/** The embedded default: the key file in DATA_DIR, refused when missing, and the rotation command. */
describe('Resident data keys (e2e)', () => {
  // These tests share one DATA_DIR and its key file, in order: the first start makes the key and
  // registers a resident (and the reader), whose name the last test reads back after a rotation.
  let dataDir: string;
  let keyFile: string;
  let running: RunningAlbergue | undefined;
  let residentId: string;
  let shelterId: string;
  /** A coordinator of the resident's shelter, who reads the name back after each restart. */
  let reader: Person;

  const start = async (env: Record<string, string> = {}) => {
    const logs = captureLogs();
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      TILE_URL: 'none',
      ...TEST_START,
      ...env,
    });
    running = await startAlbergue(config, logs.logger);
    return { app: running, logs: logs.lines };
  };
  const stop = async () => {
    await running?.close();
    running = undefined;
  };
  const readName = async (app: RunningAlbergue) => {
    const coordinator = await signIn(app.url, reader.email, reader.password);
    const result = await coordinator.gql<{ resident: { name: string } }>(
      'query($id: ID!) { resident(id: $id) { name } }',
      { id: residentId },
    );
    return result.data?.resident.name;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'albergue-keys-'));
    await chmod(dataDir, 0o755);
    keyFile = path.join(dataDir, 'resident.key');
  });

  afterAll(async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates an owner-only key file in DATA_DIR on first start, and says so', async () => {
    const { app, logs } = await start();
    expect(
      logs.some((line) => line.includes('created the resident data key') && line.includes(keyFile)),
    ).toBe(true);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    shelterId = await shelterFor(app);
    const volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    reader = await staffAt(app, { role: 'COORDINATOR', shelterId });
    const registered = await volunteer.gql<{ registerHousehold: { members: { id: string }[] } }>(
      REGISTER,
      {
        input: householdInput(shelterId, [adult('Rose-Andrée Clervil')]),
      },
    );
    residentId = registered.data!.registerHousehold.members[0].id;
    await stop();
  });

  it('refuses to start on a data directory whose key is missing', async () => {
    await rename(keyFile, `${keyFile}.away`);
    await expect(start()).rejects.toThrow(/resident data key file .* is missing/);
    await rename(`${keyFile}.away`, keyFile);
  });

  it('refuses production without a key outside DATA_DIR', async () => {
    await expect(start({ NODE_ENV: 'production' })).rejects.toThrow(
      /RESIDENT_KEY or RESIDENT_KEY_FILE must be set in production/,
    );
    await expect(start({ NODE_ENV: 'production', RESIDENT_KEY_FILE: keyFile })).rejects.toThrow(
      /outside DATA_DIR/,
    );
  });

  it('`npm run keys:rotate` re-seals everything with a new key, and the app reads it after', async () => {
    const before = (await readFile(keyFile, 'utf8'))
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    const { stdout } = await run('node', ['dist/apps/api/src/keys/rotate-keys.js'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        RESIDENT_KEY: '',
        NODE_ENV: 'development',
      },
    });
    expect(stdout).toMatch(
      /Re-sealed every sealed value with key \w+ \(rows: resident \d+, resident_event \d+, appointment \d+, referral \d+, referral_event \d+, second_factor 1, supply_pledge \d+\)/,
    );
    const after = (await readFile(keyFile, 'utf8'))
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'));
    expect(after).toHaveLength(2);
    expect(after[0]).toBe(before[0]);
    const { app } = await start();
    expect(await readName(app)).toBe('Rose-Andrée Clervil');
    // The first admin's TOTP secret, re-sealed too, still gives the codes they sign in with.
    await expect(signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password)).resolves.toMatchObject({
      totpSecret: TEST_ADMIN.totpSecret,
    });
    expect(existsSync(keyFile)).toBe(true);
    // The name's blind index was rebuilt under the new key: a search by one part, misspelt, finds her.
    const coordinator = await signIn(app.url, reader.email, reader.password);
    const found = await coordinator.gql<{ findResidents: { resident: { id: string } }[] }>(
      'query($s: ID!) { findResidents(shelterId: $s, name: "Klervil") { resident { id } } }',
      { s: shelterId },
    );
    expect(found.data!.findResidents.map((m) => m.resident.id)).toEqual([residentId]);
  });

  it('puts the previous key file back when the rotation fails, so the next start keeps its key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'albergue-keys-fail-'));
    const file = path.join(dir, 'resident.key');
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const databaseUrl = await freshDatabase();
    const app = await startTestApp({
      RESIDENT_KEY: '',
      RESIDENT_KEY_FILE: file,
      DATABASE_URL: databaseUrl,
    });
    const before = await readFile(file, 'utf8');
    // A value no key opens: the rotation's transaction fails part-way and rolls back.
    await app.sql("UPDATE second_factor SET secret_sealed = 'v1:unknown:x:y:z'");
    const keysOnRecord = await app.sql('SELECT key_id FROM crypto_key');
    await app.close();
    try {
      const failed = run('node', ['dist/apps/api/src/keys/rotate-keys.js'], {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          RESIDENT_KEY_FILE: file,
          RESIDENT_KEY: '',
          NODE_ENV: 'development',
        },
      });
      const error = await failed.then(
        () => undefined,
        (thrown: unknown) => thrown as { stderr: string },
      );
      expect(error).toBeDefined();
      expect(await readFile(file, 'utf8')).toBe(before);
      expect(error!.stderr).toMatch(/is as it was/);
      const restarted = await startTestApp({
        RESIDENT_KEY: '',
        RESIDENT_KEY_FILE: file,
        DATABASE_URL: databaseUrl,
      });
      expect(await restarted.sql('SELECT key_id FROM crypto_key')).toEqual(keysOnRecord);
      await restarted.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
