import { randomUUID } from 'node:crypto';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { bedsAt } from './factories/occupancy.factory.js';
import { CONFIRM_AVAILABILITY, confirmArgs, shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';

interface Board {
  shelterId: string;
  version: number;
  beds: { id: string; use: { id: string; kind: string; originShelterId: string | null } | null }[];
}
interface Figures {
  shelterId: string;
  version: number;
  trackingMode: string;
  capacities: { population: string; freeBeds: number }[];
}
interface Hold {
  holdId: string;
  bedId: string;
  shelterId: string;
  originShelterId: string | null;
}
interface Due {
  shelterId: string;
  appointments: { appointmentId: string; residentId: string; kind: string; startsAt: string }[];
}

describe('Realtime: staff screens (e2e)', () => {
  // These tests share shelters A and B and their staff, made in beforeAll; each makes the beds,
  // people, holds and sessions it watches for.
  let app: TestApp;
  let coordinator: SignedIn;
  let volunteer: Person;
  /** The volunteer works at A; the coordinator at A and B. */
  let shelterA: string;
  let shelterB: string;
  const sockets: TestSocket[] = [];

  const staffSocket = async (client: SignedIn) => {
    const socket = await connect(app.url, '/staff', { cookie: client.cookie });
    sockets.push(socket);
    return socket;
  };
  const register = async (shelterId: string, name: string, by: SignedIn = coordinator) =>
    (
      await by.gql<{ registerHousehold: { members: { id: string }[] } }>(REGISTER, {
        input: householdInput(shelterId, [adult(name, { population: 'MEN' })], {
          legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' },
          confirmNew: true,
        }),
      })
    ).data!.registerHousehold.members[0].id;
  /** A COMAR appointment an hour from now (within APPOINTMENTS_AHEAD); its id. */
  const appointmentFor = async (residentId: string, by: SignedIn = coordinator) => {
    const added = await by.gql<{ addAppointment: { id: string } }>(
      'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          residentId,
          kind: 'COMAR',
          startsAt: new Date(Date.now() + 3_600_000).toISOString(),
          place: 'COMAR CDMX',
        },
      },
    );
    expect(added.errors).toBeUndefined();
    return added.data!.addAppointment.id;
  };

  beforeAll(async () => {
    app = await startTestApp({ STAFF_CHECK: '300ms', HOLD_WARNING: '2h' });
    shelterA = await shelterFor(app, { name: 'Albergue A', populations: ['MEN'] });
    shelterB = await shelterFor(app, { name: 'Albergue B', populations: ['WOMEN', 'FAMILIES'] });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: [shelterA, shelterB] });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterA });
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a handshake without a live session, or from a foreign page', async () => {
    const anonymous = connect(app.url, '/staff');
    await expect(anonymous).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const forged = connect(app.url, '/staff', { cookie: 'albergue_session=not-a-session' });
    await expect(forged).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const foreign = connect(app.url, '/staff', {
      cookie: volunteer.cookie,
      origin: 'https://evil.example',
    });
    await expect(foreign).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });

  it('tells the shelter’s staff each change with exact figures, the bed board, and the holds arriving', async () => {
    const screen = await staffSocket(volunteer);
    await bedsAt(coordinator, shelterA, 3);
    const figures = await screen.next<Figures>(
      'shelter',
      (f) => f.shelterId === shelterA && f.trackingMode === 'BEDS',
    );
    expect(figures.capacities).toEqual([
      expect.objectContaining({ population: 'MEN', freeBeds: 3 }),
    ]);
    const board = await screen.next<Board>(
      'board',
      (b) => b.shelterId === shelterA && b.beds.length === 3,
    );
    expect(board.beds.every((bed) => bed.use === null)).toBe(true);

    const traveller = await register(shelterB, 'Viajero Uno');
    const hold = await coordinator.gql<{ placeHold: { holdId: string; bedId: string }[] }>(
      'mutation($input: PlaceHoldInput!) { placeHold(input: $input) { holdId bedId } }',
      {
        input: {
          requestId: randomUUID(),
          fromShelterId: shelterB,
          shelterId: shelterA,
          residentIds: [traveller],
          hours: 1,
        },
      },
    );
    expect(hold.errors).toBeUndefined();
    const arrived = await screen.next<Hold>('holdArrived');
    expect(arrived).toMatchObject({
      shelterId: shelterA,
      bedId: hold.data!.placeHold[0].bedId,
      originShelterId: shelterB,
    });
    // Within HOLD_WARNING (2 h here) of its end: the screen is warned once.
    const expiring = await screen.next<Hold>('holdExpiring');
    expect(expiring.holdId).toBe(arrived.holdId);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(screen.received.filter((r) => r.event === 'holdExpiring')).toHaveLength(1);
  });

  it('tells the shelter’s staff of appointments coming up, by id, and nobody else', async () => {
    const screen = await staffSocket(volunteer);
    const elsewhere = await staffSocket(coordinator);
    const appointmentId = await appointmentFor(await register(shelterA, 'Cita Próxima'));
    const due = await screen.next<Due>('appointmentsDue', (d) =>
      d.appointments.some((a) => a.appointmentId === appointmentId),
    );
    expect(due.shelterId).toBe(shelterA);
    expect(Object.keys(due.appointments[0]).sort()).toEqual([
      'appointmentId',
      'kind',
      'residentId',
      'startsAt',
    ]);
    // The coordinator works at A too and hears of it; nothing reaches a socket as a name.
    await elsewhere.next<Due>('appointmentsDue', (d) => d.appointments.length > 0);
    expect(JSON.stringify(screen.received)).not.toContain('Cita Próxima');
  });

  it('keeps a shelter’s board, holds and appointments from those who do not work its board', async () => {
    const boardEvents = ['board', 'holdArrived', 'holdExpiring', 'appointmentsDue'];
    // A shelter of this test's own, so that it needs nothing of the others'.
    const shelterC = await shelterFor(app, { name: 'Albergue C', populations: ['MEN'] });
    const coordinatorC = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterC });
    const health = await staffSocket(
      await staffAt(app, { role: 'HEALTH_WORKER', shelterId: shelterC }),
    );
    const otherShelter = await staffSocket(
      await staffAt(app, { role: 'COORDINATOR', shelterId: shelterB }),
    );
    const screen = await staffSocket(
      await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterC }),
    );
    await bedsAt(coordinatorC, shelterC, 2);
    const traveller = await register(shelterB, 'Viajero Dos');
    const hold = await coordinator.gql(
      'mutation($input: PlaceHoldInput!) { placeHold(input: $input) { holdId } }',
      {
        input: {
          requestId: randomUUID(),
          fromShelterId: shelterB,
          shelterId: shelterC,
          residentIds: [traveller],
          hours: 1,
        },
      },
    );
    expect(hold.errors).toBeUndefined();
    const appointmentId = await appointmentFor(
      await register(shelterC, 'Cita Ajena', coordinatorC),
      coordinatorC,
    );
    // The board's own staff hear all of it: the others had the same time to.
    await screen.next<Hold>('holdArrived', (h) => h.shelterId === shelterC);
    await screen.next<Hold>('holdExpiring', (h) => h.shelterId === shelterC);
    await screen.next<Due>('appointmentsDue', (d) =>
      d.appointments.some((a) => a.appointmentId === appointmentId),
    );
    await new Promise((resolve) => setTimeout(resolve, 700));

    // The health worker at C hears C's figures, never its board or its residents' appointments.
    expect(health.received.some((r) => r.event === 'shelter')).toBe(true);
    expect(health.received.filter((r) => boardEvents.includes(r.event))).toEqual([]);
    // The coordinator of B alone hears nothing of C at all.
    expect(
      otherShelter.received.filter(
        (r) => (r.payload as { shelterId?: string } | undefined)?.shelterId === shelterC,
      ),
    ).toEqual([]);
  });

  it('gives network coordinators every shelter’s figures', async () => {
    const network = await networkUser(app, 'NETWORK_COORDINATOR');
    const screen = await staffSocket(network);
    const result = await coordinator.gql(
      CONFIRM_AVAILABILITY(),
      await confirmArgs(coordinator, shelterB),
    );
    expect(result.errors).toBeUndefined();
    await screen.next<Figures>('shelter', (f) => f.shelterId === shelterB);
  });

  it('drops a staff socket as soon as its session ends', async () => {
    const leaving = await app.signIn(volunteer.email, volunteer.password);
    const screen = await staffSocket(leaving);
    const staying = await staffSocket(volunteer);
    await leaving.gql('mutation { logout }');
    await screen.closed();
    // The same codes as GraphQL's: UNAUTHENTICATED, with the reason.
    expect(screen.received.find((r) => r.event === 'signedOut')).toMatchObject({
      payload: { code: 'UNAUTHENTICATED', reason: 'SESSION_INVALID' },
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(staying.socket.connected).toBe(true);
  });
});
