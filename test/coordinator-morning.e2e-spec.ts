import { randomUUID } from 'node:crypto';
import { bedsAt } from './factories/occupancy.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';

interface Stay {
  shelterId: string;
  shelterName: string | null;
  bedId: string | null;
  bedLabel: string | null;
  roomName: string | null;
  from: string;
  to: string | null;
  ended: string | null;
}

const STAYS = `query($id: ID!) { residentStays(residentId: $id) {
  id shelterId shelterName bedId bedLabel roomName from to ended } }`;

/** A coordinator's morning over the API: who am I and where, the people's times, history and stays. */
describe("A coordinator's morning (e2e)", () => {
  let app: TestApp;
  let shelterA: string;
  let shelterB: string;
  let coordinator: SignedIn & { email: string };
  let volunteer: SignedIn;
  let residentId: string;

  beforeAll(async () => {
    // A zone with a fixed offset all year, so that the expected offset does not depend on the date.
    app = await startTestApp({ TIME_ZONE: 'America/Mexico_City' });
    shelterA = await shelterFor(app, { name: 'Casa Tochan (prueba)', populations: ['MEN'] });
    shelterB = await shelterFor(app, {
      name: 'Albergue Juventud 2000 (prueba)',
      populations: ['MEN'],
    });
    coordinator = await staffAt(app, {
      role: 'COORDINATOR',
      shelterIds: [shelterA, shelterB],
      displayName: 'Marisol Coordinadora',
    });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterA });
    await bedsAt(coordinator, shelterA, 3, 'MEN');
    const registered = await coordinator.gql<{
      registerHousehold: { members: { id: string }[] };
    }>(REGISTER, {
      input: householdInput(shelterA, [adult('Wilner Prueba', { population: 'MEN' })], {
        legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' },
      }),
    });
    residentId = registered.data!.registerHousehold.members[0].id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('me names the shelters one works in, with the role in each', async () => {
    const me = await coordinator.gql<{
      me: { memberships: { shelterId: string; shelterName: string; role: string }[] };
    }>('{ me { memberships { shelterId shelterName role } } }');
    expect(me.errors).toBeUndefined();
    expect(
      [...me.data!.me.memberships].sort((a, b) => a.shelterName.localeCompare(b.shelterName)),
    ).toEqual([
      { shelterId: shelterB, shelterName: 'Albergue Juventud 2000 (prueba)', role: 'COORDINATOR' },
      { shelterId: shelterA, shelterName: 'Casa Tochan (prueba)', role: 'COORDINATOR' },
    ]);
  });

  it("gives appointment times in ISO 8601 with TIME_ZONE's offset, the same instant", async () => {
    const at = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 5 * 3_600_000);
    const added = await volunteer.gql<{ addAppointment: { startsAt: string } }>(
      'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { startsAt } }',
      {
        input: {
          requestId: randomUUID(),
          residentId,
          kind: 'COMAR',
          startsAt: at.toISOString(),
          place: 'COMAR, Versalles 49',
        },
      },
    );
    expect(added.errors).toBeUndefined();
    const startsAt = added.data!.addAppointment.startsAt;
    expect(startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-06:00$/);
    expect(Date.parse(startsAt)).toBe(at.getTime());
    const wallHour = (at.getUTCHours() + 24 - 6) % 24;
    expect(startsAt.slice(11, 13)).toBe(String(wallHour).padStart(2, '0'));
    const due = await volunteer.gql<{ appointmentsDue: { startsAt: string }[] }>(
      'query($s: ID!) { appointmentsDue(shelterId: $s) { startsAt } }',
      { s: shelterA },
    );
    expect(due.data!.appointmentsDue.map((a) => a.startsAt)).toEqual([startsAt]);
  });

  it("names history statuses as the API's enums, and who, by name, to coordinators", async () => {
    const changed = await coordinator.gql(
      'mutation($input: ChangeAsylumStatusInput!) { changeAsylumStatus(input: $input) { id } }',
      {
        input: {
          residentId,
          status: 'PRE_REGISTERED',
          office: 'COMAR CDMX',
          comarFolio: 'CDMX-FOLIO-4411',
        },
      },
    );
    expect(changed.errors).toBeUndefined();
    const HISTORY =
      'query($id: ID!) { residentHistory(residentId: $id) { kind from to byUserId byName } }';
    const seen = await coordinator.gql<{
      residentHistory: { kind: string; from: string; to: string; byName: string | null }[];
    }>(HISTORY, { id: residentId });
    expect(seen.data!.residentHistory.filter((e) => e.kind === 'ASYLUM')).toEqual([
      {
        kind: 'ASYLUM',
        from: 'NOT_STARTED',
        to: 'PRE_REGISTERED',
        byUserId: coordinator.userId,
        byName: 'Marisol Coordinadora',
      },
    ]);
    // The same values changeAsylumStatus takes and the resident's asylumStatus shows.
    const resident = await coordinator.gql<{ resident: { asylumStatus: string } }>(
      'query($id: ID!) { resident(id: $id) { asylumStatus } }',
      { id: residentId },
    );
    expect(resident.data!.resident.asylumStatus).toBe('PRE_REGISTERED');
    const byVolunteer = await volunteer.gql<{
      residentHistory: { kind: string; to: string; byName: string | null }[];
    }>(HISTORY, { id: residentId });
    const entries = byVolunteer.data!.residentHistory;
    expect(entries.filter((e) => e.kind === 'ASYLUM').map((e) => e.to)).toEqual(['PRE_REGISTERED']);
    expect(entries.every((e) => e.byName === null)).toBe(true);
  });

  it("lists a person's stays with shelter and bed names, ends, scoped and audited", async () => {
    const checkedIn = await volunteer.gql<{ checkIn: { bedId: string }[] }>(
      'mutation($input: CheckInInput!) { checkIn(input: $input) { bedId } }',
      { input: { requestId: randomUUID(), shelterId: shelterA, residentIds: [residentId] } },
    );
    expect(checkedIn.errors).toBeUndefined();
    const firstBed = checkedIn.data!.checkIn[0].bedId;
    const beds = await volunteer.gql<{ bedBoard: { id: string; label: string }[] }>(
      'query($s: ID!) { bedBoard(shelterId: $s) { id label } }',
      { s: shelterA },
    );
    const other = beds.data!.bedBoard.find((bed) => bed.id !== firstBed)!;
    const moved = await volunteer.gql(
      'mutation($input: MoveInput!) { move(input: $input) { id } }',
      { input: { requestId: randomUUID(), residentId, bedId: other.id } },
    );
    expect(moved.errors).toBeUndefined();
    const out = await volunteer.gql(
      'mutation($input: CheckOutInput!) { checkOut(input: $input) { id } }',
      { input: { requestId: randomUUID(), residentId } },
    );
    expect(out.errors).toBeUndefined();

    const stays = await coordinator.gql<{ residentStays: Stay[] }>(STAYS, { id: residentId });
    expect(stays.errors).toBeUndefined();
    const list = stays.data!.residentStays;
    expect(list.map((s) => [s.shelterName, s.roomName, s.ended])).toEqual([
      ['Casa Tochan (prueba)', 'Dormitorio', 'MOVED'],
      ['Casa Tochan (prueba)', 'Dormitorio', 'CHECKED_OUT'],
    ]);
    expect(list[1].bedLabel).toBe(other.label);
    expect(list.every((s) => s.shelterId === shelterA && s.to !== null)).toBe(true);
    expect(Date.parse(list[0].to!)).toBeLessThanOrEqual(Date.parse(list[1].from));

    const audited = await app.sql<{ actor_id: string; shelter_id: string }>(
      `SELECT actor_id, shelter_id FROM audit_entry
        WHERE action = 'resident.read' AND detail = 'stays' AND target_id = $1`,
      [residentId],
    );
    expect(audited).toEqual([{ actor_id: coordinator.userId, shelter_id: shelterA }]);
  });

  it('refuses a coordinator of another shelter, and audits the refusal, not a read', async () => {
    const elsewhere = await staffAt(app, { role: 'COORDINATOR', shelterId: await shelterFor(app) });
    const refused = await elsewhere.gql(STAYS, { id: residentId });
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
    const rows = await app.sql<{ outcome: string }>(
      `SELECT outcome FROM audit_entry WHERE actor_id = $1 AND action IN ('residentStays', 'resident.read')`,
      [elsewhere.userId],
    );
    expect(rows).toEqual([{ outcome: 'denied' }]);
    const unknown = await coordinator.gql(STAYS, { id: randomUUID() });
    expect(unknown.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('lists stays without a bed too, and tells staff elsewhere no room, no bed, no protected shelter’s name', async () => {
    // A women's refuge (sensitive, beds mode), a counts-mode shelter, then the one she is at now.
    const refuge = await shelterFor(app, {
      name: 'Refugio Violeta (prueba)',
      sensitive: true,
      populations: ['WOMEN'],
    });
    const counts = await shelterFor(app, { name: 'Casa Conteo (prueba)', populations: ['WOMEN'] });
    const now = await shelterFor(app, { name: 'Casa Ahora (prueba)', populations: ['WOMEN'] });
    const network = await staffAt(app, {
      role: 'COORDINATOR',
      shelterIds: [refuge, counts, now],
    });
    await bedsAt(network, refuge, 2, 'WOMEN');
    await bedsAt(network, now, 2, 'WOMEN');
    const reported = await network.gql(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      { input: await reportInput(network, counts, [{ population: 'WOMEN', freeBeds: 3 }]) },
    );
    expect(reported.errors).toBeUndefined();
    const registered = await network.gql<{ registerHousehold: { members: { id: string }[] } }>(
      REGISTER,
      { input: householdInput(refuge, [adult('Rosa Prueba', { population: 'WOMEN' })]) },
    );
    const person = registered.data!.registerHousehold.members[0].id;
    const checkIn = async (shelterId: string, holdId?: string) => {
      const result = await network.gql(
        'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
        { input: { requestId: randomUUID(), shelterId, residentIds: [person], holdId } },
      );
      expect(result.errors).toBeUndefined();
    };
    const transfer = async (fromShelterId: string, toShelterId: string) => {
      const sent = await network.gql<{ transfer: { holdId: string }[] }>(
        'mutation($input: TransferInput!) { transfer(input: $input) { holdId } }',
        {
          input: { requestId: randomUUID(), fromShelterId, toShelterId, residentIds: [person] },
        },
      );
      expect(sent.errors).toBeUndefined();
      await checkIn(toShelterId, sent.data!.transfer[0].holdId);
    };
    await checkIn(refuge);
    await transfer(refuge, counts);
    await transfer(counts, now);

    // Who works in all three sees all three, the counts-mode stay without a bed.
    const all = await network.gql<{ residentStays: Stay[] }>(STAYS, { id: person });
    expect(all.errors).toBeUndefined();
    expect(
      all.data!.residentStays.map((s) => [s.shelterName, s.roomName, s.bedId !== null]),
    ).toEqual([
      ['Refugio Violeta (prueba)', 'Dormitorio', true],
      ['Casa Conteo (prueba)', null, false],
      ['Casa Ahora (prueba)', 'Dormitorio', true],
    ]);

    // A volunteer where she is now: the refuge only by its id, no room or bed elsewhere.
    const here = await staffAt(app, { role: 'VOLUNTEER', shelterId: now });
    const seen = await here.gql<{ residentStays: Stay[] }>(STAYS, { id: person });
    expect(seen.errors).toBeUndefined();
    expect(
      seen.data!.residentStays.map((s) => [
        s.shelterId,
        s.shelterName,
        s.bedId,
        s.bedLabel,
        s.roomName,
      ]),
    ).toEqual([
      [refuge, null, null, null, null],
      [counts, 'Casa Conteo (prueba)', null, null, null],
      [now, 'Casa Ahora (prueba)', expect.any(String), expect.any(String), 'Dormitorio'],
    ]);
    expect(JSON.stringify(seen.data)).not.toContain('Violeta');
  });
});
