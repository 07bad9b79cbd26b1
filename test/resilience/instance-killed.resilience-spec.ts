import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../apps/api/src/database/embedded-postgres.js';
import { sampleNetwork } from '../factories/network.factory.js';
import { connect, type TestSocket } from '../helpers/sockets.js';
import {
  adminOf,
  type SignedIn,
  startTestApp,
  TEST_RESIDENT_KEY,
  TEST_START,
  type TestApp,
} from '../helpers/test-app.js';

interface Entry {
  id: string;
  version: number;
}

const LOAD_MS = 4_000;

/** Whatever this map has seen: the snapshot, then every update, highest version kept. */
function track(socket: TestSocket, snapshot: Entry[]): Map<string, number> {
  const held = new Map(snapshot.map((entry) => [entry.id, entry.version]));
  socket.socket.on('availability', (update: { shelters: Entry[] }) => {
    for (const entry of update.shelters) {
      held.set(entry.id, Math.max(held.get(entry.id) ?? 0, entry.version));
    }
  });
  return held;
}

describe('Resilience: one of two API instances killed in the middle of a load', () => {
  let survivor: TestApp;
  let victim: ChildProcess;
  let victimUrl: string;

  beforeAll(async () => {
    survivor = await startTestApp({ REALTIME_TICK: '200ms' });
    // The shelters the load renames, through either instance.
    await sampleNetwork(survivor, 12);
    const port = await freePort();
    victimUrl = `http://127.0.0.1:${port}`;
    // The second instance runs as `npm start` does, in its own process, so that it can be killed.
    victim = spawn(process.execPath, [path.resolve('dist/apps/api/src/main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: survivor.databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        TILE_URL: 'none',
        RESIDENT_KEY: TEST_RESIDENT_KEY,
        ...TEST_START,
        REALTIME_TICK: '200ms',
      },
      stdio: 'ignore',
    });
    for (let attempt = 0; attempt < 150; attempt += 1) {
      const up = await fetch(`${victimUrl}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the second instance did not start');
  }, 60_000);

  afterAll(async () => {
    victim?.kill('SIGKILL');
    await survivor?.close();
  });

  it('keeps serving on the other, whose maps miss nothing that either committed', async () => {
    const snapshot = (await (await fetch(`${survivor.url}/availability.json`)).json()) as {
      shelters: Entry[];
    };
    const map = await connect(survivor.url, '/public');
    const held = track(map, snapshot.shelters);
    await map.emit('watch', { areas: ['*'], known: Object.fromEntries(held) });
    const admins: SignedIn[] = [await adminOf(survivor), await adminOf({ url: victimUrl })];
    const ids = snapshot.shelters.map((entry) => entry.id);
    const survivorFailures: string[] = [];
    let victimAnswered = 0;
    let killedAt = 0;
    const until = Date.now() + LOAD_MS;
    const kill = (async () => {
      await new Promise((resolve) => setTimeout(resolve, LOAD_MS / 3));
      victim.kill('SIGKILL');
      killedAt = Date.now();
    })();
    for (let n = 0; Date.now() < until; n += 1) {
      const through = n % 2;
      const rename = admins[through]
        .gql(
          'mutation($id: ID!, $input: UpdateShelterInput!) { updateShelter(id: $id, input: $input) { id } }',
          {
            id: ids[n % ids.length],
            input: { openingHours: `Turno ${n}` },
          },
        )
        .then(
          (result) => ({ ok: !result.errors, code: result.errors?.[0].extensions.code }),
          (error: unknown) => ({
            ok: false,
            code: error instanceof Error ? error.message : 'error',
          }),
        );
      const outcome = await rename;
      if (through === 0 && !outcome.ok) {
        survivorFailures.push(String(outcome.code));
      }
      if (through === 1 && outcome.ok) {
        victimAnswered += 1;
      }
    }
    await kill;
    expect(killedAt).toBeGreaterThan(0);
    expect(victimAnswered).toBeGreaterThan(0); // it did take part before it died
    expect(survivorFailures).toEqual([]);
    const truth = await survivor.sql<{ id: string; version: string }>(
      'SELECT id, availability_version AS version FROM shelter',
    );
    const behind = () => truth.filter((row) => held.get(row.id) !== Number(row.version));
    for (let attempt = 0; attempt < 50 && behind().length > 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(behind()).toEqual([]);
    map.close();
  });
});
