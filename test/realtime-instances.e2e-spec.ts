import pg from 'pg';
import { CONFIRM_AVAILABILITY, confirmArgs, shelterFor } from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { type OwnDatabase, ownDatabase } from './helpers/own-database.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';

interface Update {
  shelters: { id: string; version: number; name: string }[];
}

/**
 * Two API instances on one PostgreSQL of their own, so that it can be restarted under them.
 * REALTIME_SWEEP is an hour here: what converges after the restart does so because each
 * instance catches up when it listens again, not because of the periodic sweep. The tests share
 * one shelter and its coordinator (beforeAll); each waits for the versions it made itself.
 */
describe('Realtime across instances and database restarts (e2e)', () => {
  let database: OwnDatabase;
  let first: TestApp;
  let second: TestApp;
  let coordinator: SignedIn;
  let shelterId: string;
  const sockets: TestSocket[] = [];

  const env = () => ({ DATABASE_URL: database.url, REALTIME_TICK: '100ms', REALTIME_SWEEP: '1h' });
  const map = async (app: TestApp) => {
    const socket = await connect(app.url, '/public');
    sockets.push(socket);
    const reply = await socket.emit<{ ok: boolean }>('watch', { areas: ['*'] });
    expect(reply.ok).toBe(true);
    return socket;
  };
  const sees = (socket: TestSocket, version: number, name?: string) =>
    socket.next<Update>(
      'availability',
      (u) =>
        u.shelters.some(
          (s) => s.id === shelterId && s.version >= version && (!name || s.name === name),
        ),
      15_000,
    );

  beforeAll(async () => {
    database = await ownDatabase();
    first = await startTestApp(env());
    second = await startTestApp(env());
    shelterId = await shelterFor(first);
    coordinator = await staffAt(first, { role: 'COORDINATOR', shelterId });
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await first?.close();
    await second?.close();
    await database?.remove();
  });

  it('brings a change made through one instance to the maps of the other', async () => {
    const other = await map(second);
    const result = await coordinator.gql<{ confirmAvailability: { availabilityVersion: number } }>(
      CONFIRM_AVAILABILITY('availabilityVersion'),
      await confirmArgs(coordinator, shelterId),
    );
    await sees(other, result.data!.confirmAvailability.availabilityVersion);
  });

  it('converges every map to the database after PostgreSQL restarts, with no process restart', async () => {
    const maps = [await map(first), await map(second)];
    await database.stop();
    await database.start();
    // Committed with no notification at all, then every listening connection cut (whether or
    // not it was back yet): only catching up by versions when listening again can bring it.
    const direct = new pg.Client({ connectionString: database.url });
    await direct.connect();
    const [{ version }] = (
      await direct.query<{ version: string }>(
        `UPDATE shelter SET name = 'Tras el reinicio', availability_version = availability_version + 1
          WHERE id = $1 RETURNING availability_version AS version`,
        [shelterId],
      )
    ).rows;
    await direct.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'albergue-listener'`,
    );
    await direct.end();
    await Promise.all(maps.map((socket) => sees(socket, Number(version), 'Tras el reinicio')));
    // And the API itself works again: a change through GraphQL reaches both.
    let after: number | undefined;
    for (let attempt = 0; attempt < 50 && after === undefined; attempt += 1) {
      const result = await coordinator
        .gql<{
          confirmAvailability: { availabilityVersion: number };
        }>(CONFIRM_AVAILABILITY('availabilityVersion'), await confirmArgs(coordinator, shelterId))
        .catch(() => ({ data: undefined }));
      after = result.data?.confirmAvailability.availabilityVersion;
      if (after === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    expect(after).toBe(Number(version) + 1);
    await Promise.all(maps.map((socket) => sees(socket, after!)));
    expect(maps.every((socket) => socket.socket.connected)).toBe(true);
  }, 60_000);
});
