import { randomUUID } from 'node:crypto';
import type { Namespace } from 'socket.io';
import type { SignedIn } from '../clients/graphql-client.js';
import { StaffGateway } from '../apps/api/src/realtime/staff.gateway.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { createOrganisation, shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { adminOf, type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.js';

const CREATE =
  'mutation($input: CreateHealthServiceInput!) { createHealthService(input: $input) { id name category sensitive street boroughCode languages cost requirements populations capacity { status } } }';
const UPDATE =
  'mutation($id: ID!, $input: UpdateHealthServiceInput!) { updateHealthService(id: $id, input: $input) { id phone street lat lng } }';
const REPORT =
  'mutation($input: ReportServiceCapacityInput!) { reportServiceCapacity(input: $input) { id capacity { status waitDays reportedAt ageMinutes stale } } }';
const ONE =
  'query($id: ID!, $s: ID) { healthService(id: $id, shelterId: $s) { id sensitive capacity { status waitDays reportedAt ageMinutes stale } } }';
const LIST =
  'query($s: ID, $filter: HealthServiceFilter) { healthServices(shelterId: $s, filter: $filter) { id name sensitive capacity { status stale } } }';
const FIT =
  'query($id: ID!, $s: ID, $r: ID, $l: [String!], $p: Population) { serviceFit(serviceId: $id, shelterId: $s, residentId: $r, languages: $l, population: $p) { serviceId active language sharedLanguages population capacityFit overrideNeeded requirementsToCheck capacity { status } } }';
const GRANT =
  'mutation($input: GrantFieldVisitInput!) { grantFieldVisit(input: $input) { userId email shelterId until current } }';

interface Capacity {
  status: string;
  waitDays: number | null;
  reportedAt: string | null;
  ageMinutes: number | null;
  stale: boolean;
}

const code = (result: GraphQLResponse) => result.errors?.[0]?.extensions.code;
const fields = (result: GraphQLResponse) => result.errors?.[0]?.extensions.fields;
const reason = (result: GraphQLResponse) => result.errors?.[0]?.extensions.reason;

describe('Health services directory and field visits (e2e)', () => {
  // These tests share one app: two shelters, an organisation, clinics A and B with a staff
  // member each, made in beforeAll; each test makes what else it needs.
  let app: TestApp;
  let admin: SignedIn;
  let organisationId: string;
  let shelterA: string;
  let shelterB: string;
  let healthWorker: Person;
  let coordinator: Person;
  let clinicA: string;
  let clinicB: string;
  let staffA: Person;
  const sockets: TestSocket[] = [];

  const serviceCount = async () =>
    (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM health_service'))[0].n;
  const input = (overrides: Record<string, unknown> = {}) => ({
    requestId: randomUUID(),
    organisationId,
    name: 'Clínica Centro',
    category: 'CLINIC',
    street: 'Calle Regina 12',
    boroughCode: 'cdmx-cuauhtemoc',
    lat: 19.428,
    lng: -99.134,
    languages: ['es', 'fr'],
    requirements: ['NO_ID_NEEDED'],
    hours: { periods: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }] },
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}) => {
    const created = await admin.gql<{ createHealthService: { id: string } }>(CREATE, {
      input: input(overrides),
    });
    expect(created.errors).toBeUndefined();
    return created.data!.createHealthService.id;
  };

  beforeAll(async () => {
    app = await startTestApp({ STAFF_CHECK: '300ms' });
    admin = await adminOf(app);
    organisationId = await createOrganisation(admin);
    shelterA = await shelterFor(app, { name: 'Albergue Norte', populations: ['FAMILIES'] });
    shelterB = await shelterFor(app, { name: 'Albergue Sur', populations: ['MEN'] });
    healthWorker = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: shelterA });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterA });
    clinicA = await create({ name: 'Clínica A' });
    clinicB = await create({ name: 'Clínica B' });
    staffA = await serviceStaffAt(app, clinicA);
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await app.close();
  });

  it('an admin describes services: a clinic at a street, a mobile clinic on an area only; a retry makes one', async () => {
    const retried = input({
      name: 'Clínica móvil (equipo de campo)',
      category: 'MOBILE_CLINIC',
      street: null,
      lat: null,
      lng: null,
      boroughCode: 'cdmx-iztapalapa',
      populations: ['FAMILIES', 'WOMEN'],
    });
    const before = await serviceCount();
    const first = await admin.gql<{ createHealthService: Record<string, unknown> }>(CREATE, {
      input: retried,
    });
    const again = await admin.gql<{ createHealthService: Record<string, unknown> }>(CREATE, {
      input: retried,
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.createHealthService).toMatchObject({
      category: 'MOBILE_CLINIC',
      street: null,
      boroughCode: 'cdmx-iztapalapa',
      cost: 'FREE',
      populations: ['FAMILIES', 'WOMEN'],
      capacity: { status: 'UNKNOWN' },
    });
    expect(again.data!.createHealthService.id).toBe(first.data!.createHealthService.id);
    expect(await serviceCount()).toBe(before + 1);

    const updated = await admin.gql<{ updateHealthService: Record<string, unknown> }>(UPDATE, {
      id: first.data!.createHealthService.id,
      input: { phone: '+52 55 1234 5678' },
    });
    expect(updated.data!.updateHealthService).toMatchObject({ phone: '+52 55 1234 5678' });
  });

  it.each([
    ['a category that does not exist', { category: 'WITCH_DOCTOR' }, 'BAD_USER_INPUT', 'category'],
    [
      'a borough not in the catalogue',
      { boroughCode: 'atlantis' },
      'BAD_USER_INPUT',
      'boroughCode',
    ],
    ['lat without lng', { lng: null }, 'BAD_USER_INPUT', 'input.lng'],
    [
      'neither a street nor an area',
      { street: null, boroughCode: null, lat: null, lng: null },
      'BAD_USER_INPUT',
      'input.boroughCode',
    ],
    ['a language that is not a code', { languages: ['Spanish'] }, 'BAD_USER_INPUT', 'languages'],
    [
      'hours that say nothing',
      { hours: { alwaysOpen: false, periods: [] } },
      'BAD_USER_INPUT',
      'input.hours',
    ],
    [
      'an organisation that does not exist',
      { organisationId: randomUUID() },
      'NOT_FOUND',
      'input.organisationId',
    ],
  ])(
    '%s is refused with a typed error naming the field, and nothing changes',
    async (_what, bad, expected, field) => {
      const before = await serviceCount();
      const result = await admin.gql(CREATE, { input: input(bad) });
      expect(code(result)).toBe(expected);
      expect(JSON.stringify(fields(result) ?? result.errors![0].message)).toContain(field);
      expect(await serviceCount()).toBe(before);
    },
  );

  it('an update that would leave half a point is refused and changes nothing', async () => {
    const before = await app.sql('SELECT * FROM health_service WHERE id = $1', [clinicB]);
    const result = await admin.gql(UPDATE, { id: clinicB, input: { lat: null } });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(fields(result)).toEqual(['input.lat']);
    expect(await app.sql('SELECT * FROM health_service WHERE id = $1', [clinicB])).toEqual(before);
  });

  it('staff of clinic A report its capacity (who and when kept), never clinic B’s', async () => {
    const reported = await staffA.gql<{ reportServiceCapacity: { capacity: Capacity } }>(REPORT, {
      input: { requestId: randomUUID(), serviceId: clinicA, status: 'WAITLIST', waitDays: 3 },
    });
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportServiceCapacity.capacity).toMatchObject({
      status: 'WAITLIST',
      waitDays: 3,
      ageMinutes: 0,
      stale: false,
    });
    const [row] = await app.sql<{ capacity_reported_by: string; capacity_reported_at: Date }>(
      'SELECT capacity_reported_by, capacity_reported_at FROM health_service WHERE id = $1',
      [clinicA],
    );
    expect(row.capacity_reported_by).toBe(staffA.userId);
    expect(Date.now() - row.capacity_reported_at.getTime()).toBeLessThan(60_000);

    const before = await app.sql('SELECT * FROM health_service WHERE id = $1', [clinicB]);
    const other = await staffA.gql(REPORT, {
      input: { requestId: randomUUID(), serviceId: clinicB, status: 'ACCEPTING' },
    });
    expect(code(other)).toBe('FORBIDDEN');
    expect(code(await staffA.gql(ONE, { id: clinicB }))).toBe('FORBIDDEN');
    expect(await app.sql('SELECT * FROM health_service WHERE id = $1', [clinicB])).toEqual(before);
    const mine = await staffA.gql<{ myHealthServices: { id: string }[] }>(
      '{ myHealthServices { id } }',
    );
    expect(mine.data!.myHealthServices.map((s) => s.id)).toEqual([clinicA]);
    // Another role is on no service's staff: the same query answers nothing.
    const none = await healthWorker.gql<{ myHealthServices: unknown[] }>(
      '{ myHealthServices { id } }',
    );
    expect(none.data!.myHealthServices).toEqual([]);
  });

  it.each([
    ['waitDays without WAITLIST', { status: 'ACCEPTING', waitDays: 4 }],
    ['WAITLIST without waitDays', { status: 'WAITLIST' }],
    ['UNKNOWN, which is only read', { status: 'UNKNOWN' }],
  ])('a report with %s is refused naming the field, and changes nothing', async (_what, bad) => {
    const before = await app.sql('SELECT * FROM health_service WHERE id = $1', [clinicA]);
    const result = await staffA.gql(REPORT, {
      input: { requestId: randomUUID(), serviceId: clinicA, ...bad },
    });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(fields(result) ?? result.errors![0].message)).toMatch(/waitDays|status/);
    expect(await app.sql('SELECT * FROM health_service WHERE id = $1', [clinicA])).toEqual(before);
  });

  it('referring staff read services from their shelter, sensitive ones flagged; an old report reads UNKNOWN with its age', async () => {
    const sensitive = await create({ name: 'Atención a sobrevivientes', sensitive: true });
    const withoutShelter = await healthWorker.gql(LIST, {});
    expect(code(withoutShelter)).toBe('FORBIDDEN');
    expect(code(await healthWorker.gql(LIST, { s: shelterB }))).toBe('FORBIDDEN');
    const listed = await healthWorker.gql<{
      healthServices: { id: string; sensitive: boolean }[];
    }>(LIST, { s: shelterA });
    expect(listed.data!.healthServices).toEqual(
      expect.arrayContaining([
        {
          id: sensitive,
          name: 'Atención a sobrevivientes',
          sensitive: true,
          capacity: { status: 'UNKNOWN', stale: false },
        },
      ]),
    );

    await app.sql(
      `UPDATE health_service SET capacity_status = 'accepting',
              capacity_reported_at = now() - interval '2 days' WHERE id = $1`,
      [clinicB],
    );
    const stale = await coordinator.gql<{ healthService: { capacity: Capacity } }>(ONE, {
      id: clinicB,
      s: shelterA,
    });
    expect(stale.data!.healthService.capacity).toMatchObject({
      status: 'UNKNOWN',
      waitDays: null,
      stale: true,
    });
    expect(stale.data!.healthService.capacity.ageMinutes).toBeGreaterThanOrEqual(2 * 24 * 60);
    expect(stale.data!.healthService.capacity.reportedAt).not.toBeNull();
    const unknown = await coordinator.gql<{ healthServices: { id: string }[] }>(LIST, {
      s: shelterA,
      filter: { capacity: ['UNKNOWN'] },
    });
    const ids = unknown.data!.healthServices.map((s) => s.id);
    expect(ids).toContain(clinicB);
    expect(ids).not.toContain(clinicA);

    const haitianCreole = await admin.gql(UPDATE, { id: clinicB, input: { languages: ['ht'] } });
    expect(haitianCreole.errors).toBeUndefined();
    const filtered = await healthWorker.gql<{ healthServices: { id: string }[] }>(LIST, {
      s: shelterA,
      filter: { language: 'ht', categories: ['CLINIC'] },
    });
    expect(filtered.data!.healthServices.map((s) => s.id)).toEqual([clinicB]);
    const mobile = await healthWorker.gql<{ healthServices: { id: string }[] }>(LIST, {
      s: shelterA,
      filter: { categories: ['MOBILE_CLINIC'] },
    });
    expect(mobile.data!.healthServices.length).toBeGreaterThan(0);
    expect(mobile.data!.healthServices.map((s) => s.id)).not.toContain(clinicA);
  });

  it('checks a resident against a service before referring: language, group, capacity, requirements to check', async () => {
    const registered = await coordinator.gql<{
      registerHousehold: { members: { id: string }[] };
    }>(REGISTER, {
      input: householdInput(shelterA, [adult('Rose Fit (prueba)', { languages: ['ht'] })]),
    });
    expect(registered.errors).toBeUndefined();
    const residentId = registered.data!.registerHousehold.members[0].id;
    await app.sql("UPDATE health_service SET populations = '{women}' WHERE id = $1", [clinicA]);

    const fit = await healthWorker.gql<{ serviceFit: Record<string, unknown> }>(FIT, {
      id: clinicA,
      s: shelterA,
      r: residentId,
    });
    expect(fit.errors).toBeUndefined();
    expect(fit.data!.serviceFit).toEqual({
      serviceId: clinicA,
      active: true,
      language: 'NOT_MET',
      sharedLanguages: [],
      population: 'NOT_MET',
      capacityFit: 'MET',
      overrideNeeded: false,
      requirementsToCheck: ['NO_ID_NEEDED'],
      capacity: { status: 'WAITLIST' },
    });
    // The read went through residents' door: audited with its purpose.
    const audited = await app.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entry WHERE target_id = $1 AND detail LIKE '%service fit%'",
      [residentId],
    );
    expect(audited[0].n).toBeGreaterThan(0);

    // A person described at a field visit (no record).
    const described = await healthWorker.gql<{ serviceFit: Record<string, unknown> }>(FIT, {
      id: clinicA,
      s: shelterA,
      l: ['fr'],
      p: 'WOMEN',
    });
    expect(described.data!.serviceFit).toMatchObject({
      language: 'MET',
      sharedLanguages: ['fr'],
      population: 'MET',
    });
    await app.sql(
      "UPDATE health_service SET capacity_status = 'not_accepting', capacity_reported_at = now(), wait_days = NULL WHERE id = $1",
      [clinicA],
    );
    const full = await healthWorker.gql<{ serviceFit: Record<string, unknown> }>(FIT, {
      id: clinicA,
      s: shelterA,
      l: ['es'],
    });
    expect(full.data!.serviceFit).toMatchObject({ capacityFit: 'NOT_MET', overrideNeeded: true });

    // Not from another shelter, not both ways at once.
    const elsewhere = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: shelterB });
    expect(code(await elsewhere.gql(FIT, { id: clinicA, s: shelterA, r: residentId }))).toBe(
      'FORBIDDEN',
    );
    const notHere = await elsewhere.gql(FIT, { id: clinicA, s: shelterB, r: residentId });
    expect(code(notHere)).toBe('BAD_USER_INPUT');
    expect(fields(notHere)).toEqual(['residentId']);
    const both = await healthWorker.gql(FIT, {
      id: clinicA,
      s: shelterA,
      r: residentId,
      l: ['es'],
    });
    expect(code(both)).toBe('BAD_USER_INPUT');
  });

  it('a coordinator grants a field visit that ends by itself: then no read, no act, no socket room in the shelter', async () => {
    const visitor = await networkUser(app, null, { displayName: 'Equipo móvil' });
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const granted = await coordinator.gql<{ grantFieldVisit: Record<string, unknown> }>(GRANT, {
      input: {
        requestId: randomUUID(),
        email: visitor.email.toUpperCase(),
        shelterId: shelterA,
        until,
      },
    });
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.grantFieldVisit).toMatchObject({
      email: visitor.email,
      shelterId: shelterA,
      until,
      current: true,
    });
    const me = await visitor.gql<{ me: { memberships: { role: string; expiresAt: string }[] } }>(
      '{ me { memberships { role expiresAt } } }',
    );
    expect(me.data!.me.memberships).toEqual([{ role: 'HEALTH_WORKER', expiresAt: until }]);
    const audited = await app.sql<{ actor_id: string; shelter_id: string }>(
      `SELECT actor_id, shelter_id FROM audit_entry
        WHERE action = 'fieldVisit.granted' AND target_id = $1`,
      [visitor.userId],
    );
    expect(audited).toEqual([{ actor_id: coordinator.userId, shelter_id: shelterA }]);
    const visits = await coordinator.gql<{ fieldVisits: { userId: string; current: boolean }[] }>(
      'query($s: ID!) { fieldVisits(shelterId: $s) { userId current } }',
      { s: shelterA },
    );
    expect(visits.data!.fieldVisits).toEqual([{ userId: visitor.userId, current: true }]);

    // In the shelter while the visit lasts: reads services, hears the shelter on /staff.
    expect((await visitor.gql(LIST, { s: shelterA })).errors).toBeUndefined();
    const socket = await connect(app.url, '/staff', { cookie: visitor.cookie });
    sockets.push(socket);
    const namespace = (
      app.app.get(StaffGateway, { strict: false }) as unknown as { namespace: Namespace }
    ).namespace;
    const inRoom = () =>
      namespace.adapter.rooms.get(`shelter:${shelterA}`)?.has(socket.socket.id!) ?? false;
    expect(inRoom()).toBe(true);

    // Time passes beyond `until` (moved back rather than waited for).
    await app.sql(
      "UPDATE membership SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [visitor.userId],
    );
    expect(code(await visitor.gql(LIST, { s: shelterA }))).toBe('FORBIDDEN');
    const after = await visitor.gql<{ me: { memberships: unknown[] } }>(
      '{ me { memberships { shelterId } } }',
    );
    expect(after.data!.me.memberships).toEqual([]);
    expect(code(await visitor.gql(FIT, { id: clinicA, s: shelterA, l: ['es'] }))).toBe('FORBIDDEN');
    // No announcement: the socket's periodic re-check (STAFF_CHECK, 300 ms here) takes the room.
    await until_(() => !inRoom());
    expect(socket.socket.connected).toBe(true);

    const ended = await coordinator.gql<{ fieldVisits: { current: boolean }[] }>(
      'query($s: ID!) { fieldVisits(shelterId: $s) { current } }',
      { s: shelterA },
    );
    expect(ended.data!.fieldVisits).toEqual([{ current: false }]);
  });

  it('refuses a visit too long, in the past, over a standing role, to a network role, or from another shelter’s coordinator; ends one early', async () => {
    const visitor = await networkUser(app, null);
    const grant = (by: SignedIn, overrides: Record<string, unknown>) =>
      by.gql(GRANT, {
        input: {
          requestId: randomUUID(),
          email: visitor.email,
          shelterId: shelterA,
          until: new Date(Date.now() + 86_400_000).toISOString(),
          ...overrides,
        },
      });
    const memberships = () =>
      app.sql('SELECT * FROM membership WHERE shelter_id = $1 ORDER BY user_id', [shelterA]);
    const before = await memberships();

    const tooLong = await grant(coordinator, {
      until: new Date(Date.now() + 31 * 86_400_000).toISOString(),
    });
    expect(code(tooLong)).toBe('BAD_USER_INPUT');
    expect(reason(tooLong)).toBe('FIELD_VISIT_UNTIL');
    expect(fields(tooLong)).toEqual(['input.until']);
    const past = await grant(coordinator, { until: new Date(Date.now() - 60_000).toISOString() });
    expect(fields(past)).toEqual(['input.until']);
    const standing = await grant(coordinator, { email: healthWorker.email });
    expect(code(standing)).toBe('CONFLICT');
    expect(reason(standing)).toBe('FIELD_VISIT_CONFLICT');
    expect(fields(standing)).toEqual(['input.email']);
    // A network role sees aggregates only: a visit would open referrals' reasons to it.
    const networkCoordinator = await networkUser(app, 'NETWORK_COORDINATOR');
    const network = await grant(coordinator, { email: networkCoordinator.email });
    expect(code(network)).toBe('CONFLICT');
    // Its own reason, so that the console says which refusal it is.
    expect(reason(network)).toBe('FIELD_VISIT_NETWORK_ROLE');
    expect(fields(network)).toEqual(['input.email']);
    const unknown = await grant(coordinator, { email: 'nadie@test.example' });
    expect(code(unknown)).toBe('NOT_FOUND');
    expect(reason(unknown)).toBe('USER_NOT_FOUND');
    const otherCoordinator = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterB });
    expect(code(await grant(otherCoordinator, {}))).toBe('FORBIDDEN');
    expect(code(await grant(healthWorker, {}))).toBe('FORBIDDEN');
    expect(await memberships()).toEqual(before);

    // An admin grants it; the coordinator ends it now.
    expect((await grant(admin, {})).errors).toBeUndefined();
    const ended = await coordinator.gql<{ endFieldVisit: { current: boolean } }>(
      'mutation($u: ID!, $s: ID!) { endFieldVisit(userId: $u, shelterId: $s) { current } }',
      { u: visitor.userId, s: shelterA },
    );
    expect(ended.data!.endFieldVisit.current).toBe(false);
    expect(code(await visitor.gql(LIST, { s: shelterA }))).toBe('FORBIDDEN');
    // A standing membership is not a visit: ending it that way is refused.
    const notVisit = await coordinator.gql(
      'mutation($u: ID!, $s: ID!) { endFieldVisit(userId: $u, shelterId: $s) { current } }',
      { u: healthWorker.userId, s: shelterA },
    );
    expect(code(notVisit)).toBe('NOT_FOUND');
  });
});

/** Resolves once `done()` holds, checking after each turn of the server's timers (bounded). */
async function until_(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeoutMs) {
      throw new Error(`not within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
