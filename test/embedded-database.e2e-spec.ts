import { chmod, mkdtemp, readFile, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningAlbergue, startAlbergue } from '../apps/api/src/bootstrap.js';
import { loadConfig } from '../apps/api/src/config/config.js';
import { createLogger } from '../apps/api/src/logging/logger.js';
import { DEMO_PASSWORD, graphql, signIn } from './helpers/test-app.js';

/**
 * The path `npm start` takes when DATABASE_URL is unset: its own PostgreSQL in DATA_DIR. The app
 * on its own embedded PostgreSQL in `dataDir`, quiet, on a free port, with `npm start`'s defaults:
 * the demo network loaded on a first start is part of what this spec is about, so it keeps it
 * (and signs in as the demo admin), unlike the other specs (TEST_START).
 */
async function start(dataDir: string, env: Record<string, string> = {}) {
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    TILE_URL: 'none',
    ...env,
  });
  return startAlbergue(config, createLogger(config));
}

describe('Embedded PostgreSQL (e2e)', () => {
  let dataDir: string;
  let running: RunningAlbergue | undefined;

  const count = async (url: string) =>
    (await graphql<{ shelters: { id: string }[] }>(url, '{ shelters(first: 1000) { id } }')).data!
      .shelters.length;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'albergue-embedded-'));
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    await running?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts its own database with migrations and demo data, and keeps the data across a restart', async () => {
    running = await start(dataDir);
    expect(running.databaseUrl).toMatch(/^postgres:\/\/albergue:.+@127\.0\.0\.1:\d+\/albergue$/);
    expect(await count(running.url)).toBe(40);
    const renamed = await graphql<{ shelters: { id: string }[] }>(
      running.url,
      '{ shelters(first: 1) { id } }',
    );
    const id = renamed.data!.shelters[0].id;
    const admin = await signIn(running.url, 'admin@demo.example', DEMO_PASSWORD);
    await admin.gql(
      'mutation($id: ID!) { updateShelter(id: $id, input: { name: "Renombrado" }) { id } }',
      { id },
    );
    await running.close();
    running = undefined;

    running = await start(dataDir);
    expect(await count(running.url)).toBe(40);
    const after = await graphql<{ shelter: { name: string } }>(
      running.url,
      'query($id: ID!) { shelter(id: $id) { name } }',
      { id },
    );
    expect(after.data!.shelter.name).toBe('Renombrado');
    // initdb, every migration, the whole demo network and a second start: a watchdog for a hang,
    // not a measure (jest's default 30 s was met under a loaded CI machine).
  }, 120_000);

  it('answers /health with 503 while its PostgreSQL is down, and restarts it (supervised)', async () => {
    const health = async () => {
      const response = await fetch(`${running!.url}/health`);
      return { code: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await health()).toMatchObject({
      code: 200,
      body: {
        status: 'ok',
        database: { supervised: true, state: 'running', restarts: 0 },
        realtime: { listening: true },
      },
    });

    // Stop only the database, as a crash of PostgreSQL would (or an operator who did not know).
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    process.kill(pid, 'SIGINT');
    let down = await health();
    for (let attempt = 0; attempt < 100 && down.code === 200; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      down = await health();
    }
    expect(down).toMatchObject({ code: 503, body: { status: 'unavailable' } });

    let back = down;
    for (let attempt = 0; attempt < 100 && back.code !== 200; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      back = await health();
    }
    expect(back).toMatchObject({
      code: 200,
      body: { status: 'ok', database: { supervised: true, state: 'running', restarts: 1 } },
    });
    expect(Number((await readFile(pidFile, 'utf8')).split('\n')[0])).not.toBe(pid);
  });
});

/**
 * As root, a DATA_DIR in a folder that the server's `postgres` user cannot enter, as a clone in a
 * home directory is: the database goes under /var/lib/albergue, and no folder is opened.
 */
(process.getuid?.() === 0 ? describe : describe.skip)(
  'Embedded PostgreSQL in a private folder, as root (e2e)',
  () => {
    let parent: string;
    let target: string | undefined;
    let running: RunningAlbergue | undefined;

    beforeAll(async () => {
      parent = await mkdtemp(path.join(tmpdir(), 'albergue-private-'));
    });

    afterAll(async () => {
      await running?.close();
      if (target) {
        await rm(path.dirname(target), { recursive: true, force: true });
      }
      await rm(parent, { recursive: true, force: true });
    });

    it('keeps its database under /var/lib/albergue, linked from DATA_DIR/pg', async () => {
      const privateData = path.join(parent, 'data');
      running = await start(privateData, { DEMO_DATA: 'false' });
      target = await readlink(path.join(privateData, 'pg'));

      expect(target).toMatch(/^\/var\/lib\/albergue\/[0-9a-f]{12}\/pg$/);
      expect((await fetch(`${running.url}/health`)).status).toBe(200);
      expect((await stat(parent)).mode & 0o777).toBe(0o700);
      expect((await stat(path.dirname(target))).mode & 0o777).toBe(0o750);
    });
  },
);
