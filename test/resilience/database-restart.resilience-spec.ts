import { type OwnDatabase, ownDatabase } from '../helpers/own-database.js';
import { checkInsAndOuts, loadSetting, loadWorkers } from './check-in-load.js';
import type { TestSocket } from '../helpers/sockets.js';
import { type SignedIn, startTestApp, type TestApp } from '../helpers/test-app.js';

const WORKERS = 8;
const BEDS = 12;
const PEOPLE_PER_WORKER = 4;
/** The load runs this long, and in any case until this long after the database is back. */
const LOAD_MS = 8_000;
const AFTER_RESTART_MS = 3_000;
describe('Resilience: PostgreSQL restarted in the middle of a check-in load', () => {
  let database: OwnDatabase;
  let app: TestApp;
  let coordinator: SignedIn;
  let shelterId: string;
  let map: TestSocket;

  beforeAll(async () => {
    database = await ownDatabase();
    app = await startTestApp({ DATABASE_URL: database.url, REALTIME_TICK: '200ms' });
    ({ coordinator, shelterId, map } = await loadSetting(app, BEDS));
  }, 120_000);

  afterAll(async () => {
    map?.close();
    await app?.close();
    await database?.remove();
  });

  it('recovers by itself within 10 s; no committed check-in lost or doubled; the map converges', async () => {
    const people = await loadWorkers(coordinator, shelterId, WORKERS, PEOPLE_PER_WORKER);
    const until = Date.now() + LOAD_MS;
    let restartedAt = 0;
    const restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, LOAD_MS / 4));
      await database.stop();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await database.start();
      restartedAt = Date.now();
    })();
    const { checkIns, checkOuts } = await checkInsAndOuts(
      coordinator,
      shelterId,
      people,
      () => Date.now() < until || restartedAt === 0 || Date.now() < restartedAt + AFTER_RESTART_MS,
    );
    await restart;
    const faults = [...checkIns, ...checkOuts].flatMap((o) => o.retried);
    expect(faults.length).toBeGreaterThan(0); // the restart did hit the load
    // Told "try again", never "internal error" (a transport error is a request that never arrived).
    expect(
      faults.filter((fault) => fault !== 'SERVICE_UNAVAILABLE' && /^[A-Z_]+$/.test(fault)),
    ).toEqual([]);
    const firstAfter = Math.min(
      ...[...checkIns, ...checkOuts].filter((o) => o.ok && o.at > restartedAt).map((o) => o.at),
    );
    expect(firstAfter - restartedAt).toBeLessThan(10_000);

    const [{ stays }] = await app.sql<{ stays: number }>(
      `SELECT count(*)::int AS stays FROM bed_assignment WHERE shelter_id = $1 AND kind = 'stay'`,
      [shelterId],
    );
    expect(stays).toBe(checkIns.filter((o) => o.ok).length);
    const [{ open }] = await app.sql<{ open: number }>(
      `SELECT count(*)::int AS open FROM bed_assignment WHERE shelter_id = $1 AND ended_at IS NULL`,
      [shelterId],
    );
    expect(open).toBe(0);
    const [{ doubled }] = await app.sql<{ doubled: number }>(
      `SELECT count(*)::int AS doubled FROM bed_assignment a JOIN bed_assignment b ON a.bed_id = b.bed_id AND a.id < b.id
        WHERE tstzrange(a.started_at, coalesce(a.ended_at, 'infinity')) && tstzrange(b.started_at, coalesce(b.ended_at, 'infinity'))`,
    );
    expect(doubled).toBe(0);
    const [{ version }] = await app.sql<{ version: string }>(
      'SELECT availability_version AS version FROM shelter WHERE id = $1',
      [shelterId],
    );
    await map.next<{ shelters: { id: string; version: number }[] }>('availability', (u) =>
      u.shelters.some((s) => s.id === shelterId && s.version === Number(version)),
    );
    // A server of the operator's (DATABASE_URL) is the operator's to restart: the app only waits.
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { database: unknown }).database).toEqual({
      supervised: false,
    });
  }, 120_000);
});
