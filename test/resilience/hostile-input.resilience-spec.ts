import { randomUUID } from 'node:crypto';
import { adult, householdInput } from '../factories/resident.factory.js';
import {
  createOrganisation,
  shelterFor,
  shelterInput,
  versionOf,
} from '../factories/shelter.factory.js';
import { staffAt } from '../factories/staff.factory.js';
import { captureLogs } from '../helpers/log-capture.js';
import {
  adminOf,
  graphql,
  type SignedIn,
  startTestApp,
  type TestApp,
} from '../helpers/test-app.js';
import { type Hostile, hostileRequests, type Sample } from './hostile.js';

/** Tables whose rows a refused request must leave as they were (the audit log records refusals by design; sessions note activity; the login throttle counts failures). */
const WATCHED = [
  'organisation',
  'shelter',
  'shelter_capacity',
  'availability_outbox',
  'app_user',
  'membership',
  'password_token',
  'request_log',
  'household',
  'resident',
  'resident_event',
  'appointment',
  'crypto_key',
  'room',
  'bed',
  'bed_assignment',
  'turnaway',
];
const CASES = Number(process.env.RESILIENCE_CASES ?? 2_000);

describe('Resilience: generated hostile requests', () => {
  const logs = captureLogs('info');
  let app: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  const samples: { sample: Sample; as: () => SignedIn | null }[] = [];

  const digest = async () =>
    (
      await app.sql<{ digest: string }>(
        `SELECT md5(string_agg(x, ',' ORDER BY x)) AS digest FROM (${WATCHED.map(
          (table) => `SELECT '${table}:' || md5(t::text) AS x FROM ${table} t`,
        ).join(' UNION ALL ')}) rows`,
      )
    )[0].digest;

  beforeAll(async () => {
    app = await startTestApp(
      { LOG_LEVEL: 'info', LOGIN_MAX_FAILURES_PER_ADDRESS: '100000' },
      logs.logger,
    );
    admin = await adminOf(app);
    // The coordinator's two shelters: one for men, where the samples act; one with a room.
    const shelterId = await shelterFor(app, { populations: ['MEN'] });
    const otherId = await shelterFor(app, { populations: ['WOMEN', 'FAMILIES'] });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: [shelterId, otherId] });
    const organisationId = await createOrganisation(admin);
    const room = await coordinator.gql<{ createRoom: { id: string } }>(
      'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
      { input: { requestId: randomUUID(), shelterId: otherId, name: 'Sala' } },
    );
    const registered = await coordinator.gql<{ registerHousehold: { members: { id: string }[] } }>(
      'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { members { id } } }',
      { input: householdInput(shelterId, [adult('Persona Base', { population: 'MEN' })]) },
    );
    const residentId = registered.data!.registerHousehold.members[0].id;
    const asAdmin = () => admin;
    const asCoordinator = () => coordinator;
    const anonymous = () => null;
    const add = (
      as: () => SignedIn | null,
      name: string,
      query: string,
      variables: Record<string, unknown>,
    ) => samples.push({ as, sample: { name, query, variables } });
    add(
      asAdmin,
      'createShelter',
      'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
      {
        input: shelterInput(organisationId),
      },
    );
    add(
      asCoordinator,
      'updateShelter',
      'mutation($id: ID!, $input: UpdateShelterInput!) { updateShelter(id: $id, input: $input) { id } }',
      {
        id: shelterId,
        input: { name: 'Nombre nuevo', openingHours: '24 h' },
      },
    );
    add(
      asCoordinator,
      'reportAvailability',
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          shelterId,
          knownVersion: await versionOf(coordinator, shelterId),
          counts: [{ population: 'MEN', freeBeds: 1 }],
        },
      },
    );
    add(
      asCoordinator,
      'registerHousehold',
      'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
      {
        // Sent many times over: confirmed new, so that each run meets validation, not the duplicate check.
        input: householdInput(
          shelterId,
          [adult('Persona Nueva', { population: 'MEN', phone: '5512345678' })],
          { confirmNew: true },
        ),
      },
    );
    add(
      asCoordinator,
      'addBeds',
      'mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          roomId: room.data!.createRoom.id,
          count: 2,
          kind: 'BUNK',
          population: 'MEN',
        },
      },
    );
    add(
      asCoordinator,
      'checkIn',
      'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
      {
        input: { requestId: randomUUID(), shelterId, residentIds: [residentId] },
      },
    );
    add(
      asCoordinator,
      'addAppointment',
      'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          residentId,
          kind: 'COMAR',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          place: 'COMAR CDMX',
        },
      },
    );
    add(
      asCoordinator,
      'recordTurnaway',
      'mutation($input: TurnawayInput!) { recordTurnaway(input: $input) { count } }',
      {
        input: {
          requestId: randomUUID(),
          shelterId,
          population: 'MEN',
          count: 2,
          reason: 'NO_SPACE',
        },
      },
    );
    add(
      anonymous,
      'shelters',
      'query($filter: ShelterFilter, $first: Int) { shelters(filter: $filter, first: $first) { id } }',
      {
        filter: { near: { lat: 19.4, lng: -99.1 }, radiusKm: 5, population: 'MEN', hasSpace: true },
        first: 10,
      },
    );
    add(anonymous, 'shelter', 'query($id: ID!) { shelter(id: $id) { id name } }', {
      id: shelterId,
    });
    add(anonymous, 'login', 'mutation($input: LoginInput!) { login(input: $input) { id } }', {
      input: { email: 'nobody@test.example', password: 'not the password at all' },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it(`answers ${CASES} generated hostile requests without a 5xx or a crash, changes nothing when it refuses, and logs none of them`, async () => {
    const hostile = hostileRequests(
      samples.map((s) => s.sample),
      CASES,
    );
    const callers = new Map(samples.map((s) => [s.sample.name, s.as]));
    let before = await digest();
    const outcomes = { refused: 0, accepted: 0 };
    const changedByRefusal: string[] = [];
    const serverErrors: string[] = [];
    const internal: string[] = [];
    const echoes: string[] = [];
    for (const request of hostile) {
      const caller = callers.get(request.label.split(':')[0])!();
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(caller ? { cookie: caller.cookie } : {}),
        },
        body: JSON.stringify({ query: request.query, variables: request.variables }),
      });
      const text = await response.text();
      if (response.status >= 500) {
        serverErrors.push(`${request.label} -> ${response.status}`);
      }
      const body = (() => {
        try {
          return JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
        } catch {
          return { errors: ['not JSON'] };
        }
      })();
      const messages = JSON.stringify(body.errors ?? []);
      if (messages.includes(request.marker)) {
        echoes.push(request.label);
      }
      if (messages.includes('INTERNAL_SERVER_ERROR')) {
        internal.push(request.label);
      }
      const refused =
        (body.errors?.length ?? 0) > 0 &&
        (!body.data || Object.values(body.data).every((value) => value === null));
      const after = await digest();
      if (refused) {
        outcomes.refused += 1;
        if (after !== before) {
          changedByRefusal.push(request.label);
        }
      } else {
        outcomes.accepted += 1;
      }
      before = after;
    }
    expect(serverErrors).toEqual([]);
    // A client's mistake is a client error, and no error message quotes what was sent.
    expect(internal).toEqual([]);
    expect(echoes).toEqual([]);
    expect(changedByRefusal).toEqual([]);
    // Nearly everything is refused; what is accepted is damage the API may take (an optional field left out, odd but valid text).
    expect(outcomes.refused).toBeGreaterThan(CASES * 0.8);
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    expect(
      (await graphql<{ shelters: unknown[] }>(app.url, '{ shelters(first: 1) { id } }')).data!
        .shelters,
    ).toHaveLength(1);
    const logged = logs.lines.join('');
    const echoed = hostile.filter((request: Hostile) => logged.includes(request.marker));
    expect(echoed.map((request) => request.label)).toEqual([]);
    expect(logs.lines.length).toBeGreaterThan(CASES);
  }, 600_000);
});
