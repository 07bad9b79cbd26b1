import { StaleNudgesNotifier } from '@albergue/shelters';
import {
  CONFIRM_AVAILABILITY,
  confirmArgs,
  reportInput,
  shelterFor,
} from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { type OwnDatabase, ownDatabase } from './helpers/own-database.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

interface Notice {
  shelterId: string;
  confirmedAt: string;
  staleAt: string;
}

const REPORT =
  'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }';

/**
 * Two API instances on one database, staff sockets on each: a shelter whose figures turn stale
 * within STALE_NUDGE_BEFORE is recorded once (both instances record at once) and each of its
 * volunteers' and coordinators' sockets is told once, whichever instance serves it; a fresh
 * confirmation opens a new period.
 */
describe('Staleness nudge across instances (e2e)', () => {
  let database: OwnDatabase;
  let first: TestApp;
  let second: TestApp;
  let shelterId: string;
  let quiet: string;
  let coordinator: Person;
  let volunteer: Person;
  const sockets: TestSocket[] = [];

  const env = () => ({
    DATABASE_URL: database.url,
    STAFF_CHECK: '200ms',
    STALE_AFTER: '12h',
    STALE_NUDGE_BEFORE: '2h',
  });
  const screen = async (app: TestApp, person: Person) => {
    const socket = await connect(app.url, '/staff', { cookie: person.cookie });
    sockets.push(socket);
    return socket;
  };
  const nudges = (socket: TestSocket, shelter = shelterId) =>
    socket.received.filter(
      (r) => r.event === 'figuresTurningStale' && (r.payload as Notice).shelterId === shelter,
    );
  /** Both instances record at the same moment, as two cluster jobs racing would. */
  const recordOnBoth = () =>
    Promise.all([first, second].map((app) => app.app.get(StaleNudgesNotifier).record()));
  /** Several STAFF_CHECKs of both instances: what would come twice has had time to. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));
  const confirmedAgo = (id: string, interval: string) =>
    first.sql(`UPDATE shelter SET availability_confirmed_at = now() - $2::interval WHERE id = $1`, [
      id,
      interval,
    ]);

  beforeAll(async () => {
    database = await ownDatabase();
    first = await startTestApp(env());
    second = await startTestApp(env());
    shelterId = await shelterFor(first, { populations: ['MEN'] });
    quiet = await shelterFor(first, { populations: ['MEN'] });
    coordinator = await staffAt(first, { role: 'COORDINATOR', shelterIds: [shelterId, quiet] });
    volunteer = await staffAt(first, { role: 'VOLUNTEER', shelterId });
    for (const id of [shelterId, quiet]) {
      const reported = await coordinator.gql(REPORT, {
        input: await reportInput(coordinator, id, [{ population: 'MEN', freeBeds: 3 }]),
      });
      expect(reported.errors).toBeUndefined();
    }
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await first?.close();
    await second?.close();
    await database?.remove();
  });

  it('tells each volunteer’s and coordinator’s socket once, with two instances recording and delivering', async () => {
    const onFirst = [await screen(first, coordinator), await screen(first, volunteer)];
    const onSecond = [await screen(second, coordinator), await screen(second, volunteer)];
    const network = await screen(second, await networkUser(first, 'NETWORK_COORDINATOR'));
    // Eleven hours ago: stale in one hour, within the two-hour warning. `quiet` is fresh.
    await confirmedAgo(shelterId, '11 hours');
    const recorded = await recordOnBoth();
    expect(recorded.reduce((a, b) => a + b, 0)).toBe(1);
    const [{ confirmed }] = await first.sql<{ confirmed: Date }>(
      'SELECT availability_confirmed_at AS confirmed FROM shelter WHERE id = $1',
      [shelterId],
    );
    for (const socket of [...onFirst, ...onSecond]) {
      const notice = await socket.next<Notice>(
        'figuresTurningStale',
        (n) => n.shelterId === shelterId,
        10_000,
      );
      expect(notice).toEqual({
        shelterId,
        confirmedAt: confirmed.toISOString(),
        staleAt: new Date(confirmed.getTime() + 12 * 3_600_000).toISOString(),
      });
    }
    // Recorded again (the next minute's job, on either instance): nothing new, nothing resent.
    expect(await recordOnBoth()).toEqual([0, 0]);
    await settle();
    for (const socket of [...onFirst, ...onSecond]) {
      expect(nudges(socket)).toHaveLength(1);
      expect(nudges(socket, quiet)).toHaveLength(0);
    }
    // Network roles do not work the shelter's figures: not told.
    expect(network.received.filter((r) => r.event === 'figuresTurningStale')).toEqual([]);
    expect(
      await first.sql('SELECT count(*)::int AS n FROM stale_nudge WHERE shelter_id = $1', [
        shelterId,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('a socket that connects during the period is told once; a fresh confirmation resets it', async () => {
    const late = await screen(second, volunteer);
    await late.next<Notice>('figuresTurningStale', (n) => n.shelterId === shelterId, 10_000);
    await settle();
    expect(nudges(late)).toHaveLength(1);

    const confirmed = await volunteer.gql(
      CONFIRM_AVAILABILITY(),
      await confirmArgs(volunteer, shelterId),
    );
    expect(confirmed.errors).toBeUndefined();
    // Fresh now: nothing to record, and the old nudge no longer holds for a new socket.
    expect(await recordOnBoth()).toEqual([0, 0]);
    const afterConfirm = await screen(first, coordinator);
    await settle();
    expect(nudges(afterConfirm)).toHaveLength(0);

    // The new period nears its end: told once more.
    await confirmedAgo(shelterId, '10 hours 30 minutes');
    expect((await recordOnBoth()).reduce((a, b) => a + b, 0)).toBe(1);
    await afterConfirm.next<Notice>(
      'figuresTurningStale',
      (n) => n.shelterId === shelterId,
      10_000,
    );
    await late.next<Notice>(
      'figuresTurningStale',
      (n) =>
        n.shelterId === shelterId &&
        n.confirmedAt !== (nudges(late)[0].payload as Notice).confirmedAt,
      10_000,
    );
    await settle();
    expect(nudges(afterConfirm)).toHaveLength(1);
    expect(nudges(late)).toHaveLength(2);
  });

  it('leaves alone figures already stale and closed shelters, and forgets nudges a day after', async () => {
    await confirmedAgo(quiet, '13 hours');
    const closed = await shelterFor(first, { populations: ['MEN'], status: 'CLOSED' });
    await confirmedAgo(closed, '11 hours');
    expect(await recordOnBoth()).toEqual([0, 0]);
    await first.sql(
      `UPDATE stale_nudge SET stale_at = now() - interval '25 hours' WHERE id = (SELECT min(id) FROM stale_nudge)`,
    );
    await recordOnBoth();
    expect(await first.sql('SELECT count(*)::int AS n FROM stale_nudge')).toEqual([{ n: 1 }]);
  });
});
