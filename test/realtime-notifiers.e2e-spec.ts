import { type StaffNotifier, StaffNotifiers } from '@albergue/shelters';
import { CONFIRM_AVAILABILITY, confirmArgs, shelterFor } from './factories/shelter.factory.js';
import { type Person, staffAt } from './factories/staff.factory.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

interface Notice {
  holdId: string;
  shelterId: string;
}

const CONFIRM = CONFIRM_AVAILABILITY();

/**
 * What staff are told comes from notifiers the libs register, not from the gateway: one
 * registered here, from outside the realtime layer, is delivered at each moment, and one that
 * fails is counted in /health while the others go on.
 * The two tests share one app and run in order: notifiers stay registered, and the second reads
 * /health's count after the first saw it at 0.
 */
describe('Realtime: staff notifiers (e2e)', () => {
  let app: TestApp;
  let coordinator: Person;
  let volunteer: Person;
  let shelterId: string;
  const sockets: TestSocket[] = [];

  const health = async () =>
    ((await (await fetch(`${app.url}/health`)).json()) as { realtime: Record<string, unknown> })
      .realtime;
  /** `holdExpiring` is only the envelope here: the hold id says which moment sent it. */
  const notice = (holdId: string, shelter: string) => ({
    holdId,
    bedId: holdId,
    shelterId: shelter,
    expiresAt: new Date(0).toISOString(),
    originShelterId: null,
  });
  /** Says, at each moment, that moment's name (and `tag`, to tell two of them apart). */
  const outside = (tag = ''): StaffNotifier => ({
    name: `a spec’s notifier${tag}`,
    onConnect: ({ socket, reply }) =>
      socket.boards.forEach((board) => reply('holdExpiring', notice(`connect${tag}`, board))),
    onChange: ({ shelter, send }) =>
      send({ shelter: shelter.id }, 'holdExpiring', notice(`change${tag}`, shelter.id)),
    onCheck: ({ listening, send }) =>
      listening.boards.forEach((board) =>
        send({ board }, 'holdExpiring', notice(`check${tag}`, board)),
      ),
  });
  const failing: StaffNotifier = {
    name: 'a failing notifier',
    onChange: () => Promise.reject(new Error('unreachable database')),
  };

  beforeAll(async () => {
    app = await startTestApp({ STAFF_CHECK: '300ms' });
    shelterId = await shelterFor(app, { populations: ['MEN'] });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await app.close();
  });

  it('delivers what a notifier registered outside the gateway says, at each moment', async () => {
    expect(await health()).toMatchObject({ staffUndelivered: 0 });
    app.app.get(StaffNotifiers).register(outside());
    const screen = await connect(app.url, '/staff', { cookie: volunteer.cookie });
    sockets.push(screen);

    const from = (moment: string) =>
      screen.next<Notice>('holdExpiring', (n) => n.holdId === moment && n.shelterId === shelterId);
    await from('connect');
    expect(
      (await coordinator.gql(CONFIRM, await confirmArgs(coordinator, shelterId))).errors,
    ).toBeUndefined();
    await from('change');
    await from('check');
  });

  it('counts a notifier that fails in /health, and those after it still deliver', async () => {
    const notifiers = app.app.get(StaffNotifiers);
    notifiers.register(failing);
    notifiers.register(outside(' after the failure'));
    const screen = await connect(app.url, '/staff', { cookie: volunteer.cookie });
    sockets.push(screen);

    expect(
      (await coordinator.gql(CONFIRM, await confirmArgs(coordinator, shelterId))).errors,
    ).toBeUndefined();
    await screen.next<Notice>('holdExpiring', (n) => n.holdId === 'change after the failure');
    expect(await health()).toMatchObject({ staffUndelivered: 1 });
  });
});
