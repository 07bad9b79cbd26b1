import { randomUUID } from 'node:crypto';
import { HoldsService } from '@albergue/occupancy';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { switchToBedsMode } from './factories/occupancy.factory.js';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { type ShelterRole, staffAt } from './factories/staff.factory.js';
import { adminOf, type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';

const ADD_BEDS = 'mutation($input: AddBedsInput!) { addBeds(input: $input) { id shelterId } }';
const CHECK_IN =
  'mutation($input: CheckInInput!) { checkIn(input: $input) { id bedId residentId } }';
const CHECK_OUT = 'mutation($input: CheckOutInput!) { checkOut(input: $input) { id endReason } }';
const HOLD =
  'mutation($input: PlaceHoldInput!) { placeHold(input: $input) { id holdId bedId expiresAt } }';

interface Figures {
  population: string;
  total_beds: number;
  free_beds: number;
  overflow_total: number;
  overflow_free: number;
}

describe('Occupancy engine (e2e)', () => {
  // These tests share shelters A (men) and B (families) and run in order: the figures each
  // expects follow from the rooms, beds, stays and holds the tests before it left. The coordinator
  // works at both, the volunteer at A.
  let app: TestApp;
  let coordinator: SignedIn;
  let volunteer: SignedIn;
  let shelterA: string;
  let shelterB: string;

  const room = async (shelterId: string, name: string) =>
    (
      await coordinator.gql<{ createRoom: { id: string } }>(
        'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
        {
          input: { requestId: randomUUID(), shelterId, name },
        },
      )
    ).data!.createRoom.id;
  const beds = async (
    roomId: string,
    count: number,
    population: string,
    extra: Record<string, unknown> = {},
  ) =>
    (
      await coordinator.gql<{ addBeds: { id: string }[] }>(ADD_BEDS, {
        input: { requestId: randomUUID(), roomId, count, kind: 'BUNK', population, ...extra },
      })
    ).data!.addBeds;
  const residents = async (shelterId: string, count: number, population = 'MEN') => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 20) {
      const members = Array.from({ length: Math.min(20, count - i) }, (_, k) =>
        adult(`Persona ${i + k}`, { population }),
      );
      const result = await coordinator.gql<{ registerHousehold: { members: { id: string }[] } }>(
        REGISTER,
        {
          // "Persona 1", "Persona 2"…: look-alike names, confirmed as new people.
          input: householdInput(shelterId, members, {
            legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' },
            confirmNew: true,
          }),
        },
      );
      ids.push(...result.data!.registerHousehold.members.map((m) => m.id));
    }
    return ids;
  };
  const checkIn = (
    client: SignedIn,
    shelterId: string,
    residentIds: string[],
    extra: Record<string, unknown> = {},
  ) =>
    client.gql<{ checkIn: { bedId: string; residentId: string }[] }>(CHECK_IN, {
      input: { requestId: randomUUID(), shelterId, residentIds, ...extra },
    });
  const figures = (shelterId: string) =>
    app.sql<Figures>(
      'SELECT population::text, total_beds, free_beds, overflow_total, overflow_free FROM shelter_capacity WHERE shelter_id = $1 ORDER BY population',
      [shelterId],
    );
  /** What the beds and assignments say, counted afresh. */
  const recount = (shelterId: string) =>
    app.sql<Figures>(
      `SELECT b.population::text, count(*) FILTER (WHERE NOT b.overflow)::int AS total_beds,
              count(*) FILTER (WHERE NOT b.overflow AND a.id IS NULL)::int AS free_beds,
              count(*) FILTER (WHERE b.overflow)::int AS overflow_total,
              count(*) FILTER (WHERE b.overflow AND a.id IS NULL)::int AS overflow_free
         FROM bed b LEFT JOIN bed_assignment a ON a.bed_id = b.id AND a.ended_at IS NULL
        WHERE b.shelter_id = $1 AND b.out_of_service_reason IS NULL GROUP BY b.population ORDER BY 1`,
      [shelterId],
    );

  /** A volunteer (or another role) of one shelter only, made by the admin as in real life. */
  const staffOnlyAt = (shelterId: string, role: ShelterRole = 'VOLUNTEER') =>
    staffAt(app, { role, shelterId, displayName: 'Receiver' });

  beforeAll(async () => {
    app = await startTestApp();
    shelterA = await shelterFor(app, { name: 'Albergue A', populations: ['MEN'] });
    shelterB = await shelterFor(app, { name: 'Albergue B', populations: ['FAMILIES'] });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: [shelterA, shelterB] });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterA });
  });

  afterAll(async () => {
    await app.close();
  });

  it('derives a shelter’s figures from its beds once beds are set up, and refuses count reports then', async () => {
    const dorm = await room(shelterA, 'Dorm A');
    await beds(dorm, 10, 'MEN');
    await beds(await room(shelterA, 'Hall'), 4, 'MEN', { kind: 'MAT', overflow: true });
    await switchToBedsMode(coordinator, shelterA);
    expect(await figures(shelterA)).toEqual([
      { population: 'men', total_beds: 10, free_beds: 10, overflow_total: 4, overflow_free: 4 },
    ]);
    const shelter = await app.gql<{
      shelter: { trackingMode: string; availability: { band: string; freeBeds: number | null } };
    }>('query($id: ID!) { shelter(id: $id) { trackingMode availability { band freeBeds } } }', {
      id: shelterA,
    });
    expect(shelter.data!.shelter.trackingMode).toBe('BEDS');
    expect(shelter.data!.shelter.availability.band).toBe('SPACE');
    const report = await coordinator.gql(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      { input: await reportInput(coordinator, shelterA, [{ population: 'MEN', freeBeds: 3 }]) },
    );
    expect(report.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'COUNTS_MODE_ONLY',
    });
  });

  it('lists a shelter’s rooms, empty ones too, with their beds; an admin sets a new shelter up and switches it', async () => {
    const shelterN = await shelterFor(app, { name: 'Albergue N', populations: ['WOMEN'] });
    const admin = await adminOf(app);
    const make = (name: string) =>
      admin.gql<{ createRoom: { id: string } }>(
        'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
        { input: { requestId: randomUUID(), shelterId: shelterN, name } },
      );
    const dorm = (await make('Dorm 1')).data!.createRoom.id;
    expect((await make('Ático')).errors).toBeUndefined();
    const added = await admin.gql<{ addBeds: { id: string }[] }>(ADD_BEDS, {
      input: { requestId: randomUUID(), roomId: dorm, count: 11, kind: 'BED', population: 'WOMEN' },
    });
    expect(added.errors).toBeUndefined();
    const ROOMS = 'query($s: ID!) { rooms(shelterId: $s) { name beds { label population } } }';
    const rooms = await admin.gql<{
      rooms: { name: string; beds: { label: string; population: string }[] }[];
    }>(ROOMS, { s: shelterN });
    expect(rooms.data!.rooms.map((each) => [each.name, each.beds.length])).toEqual([
      ['Ático', 0],
      ['Dorm 1', 11],
    ]);
    // Natural order: Dorm 1-2 before Dorm 1-10.
    expect(rooms.data!.rooms[1].beds.slice(0, 2).map((bed) => bed.label)).toEqual([
      'Dorm 1-1',
      'Dorm 1-2',
    ]);
    await switchToBedsMode(admin, shelterN);
    // A coordinator of other shelters reads nothing of this one.
    const refused = await coordinator.gql(ROOMS, { s: shelterN });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('audits an admin’s read of a sensitive shelter’s set-up, never its own coordinator’s', async () => {
    const refuge = await shelterFor(app, {
      name: 'Refugio R',
      sensitive: true,
      populations: ['WOMEN'],
    });
    const admin = await adminOf(app);
    const own = await staffAt(app, { role: 'COORDINATOR', shelterId: refuge });
    const READS = `query($s: ID!) { rooms(shelterId: $s) { name } bedsModePreview(shelterId: $s) {
      figures { population totalBeds } } }`;
    const audited = (actorId: string) =>
      app.sql<{ action: string; target_id: string; detail: string }>(
        `SELECT action, target_id, detail FROM audit_entry WHERE actor_id = $1 AND shelter_id = $2
            AND action IN ('rooms', 'bedsModePreview') ORDER BY action`,
        [actorId, refuge],
      );
    expect((await own.gql(READS, { s: refuge })).errors).toBeUndefined();
    expect(await audited(own.userId)).toEqual([]);
    expect((await admin.gql(READS, { s: refuge })).errors).toBeUndefined();
    expect(await audited(admin.userId)).toEqual([
      { action: 'bedsModePreview', target_id: refuge, detail: 'sensitive' },
      { action: 'rooms', target_id: refuge, detail: 'sensitive' },
    ]);
  });

  it('200 concurrent check-ins for 14 free places end in exactly 14 stays and 186 clear CONFLICTs', async () => {
    const people = await residents(shelterA, 200);
    const results = await Promise.all(people.map((id) => checkIn(volunteer, shelterA, [id])));
    const ok = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT');
    expect(ok).toHaveLength(14);
    expect(conflicts).toHaveLength(186);
    expect(conflicts.every((r) => r.errors![0].extensions.reason === 'NO_SUITABLE_BEDS')).toBe(
      true,
    );
    const [{ stays, beds: distinctBeds }] = await app.sql<{ stays: number; beds: number }>(
      `SELECT count(*)::int AS stays, count(DISTINCT bed_id)::int AS beds FROM bed_assignment WHERE shelter_id = $1 AND ended_at IS NULL`,
      [shelterA],
    );
    expect([stays, distinctBeds]).toEqual([14, 14]);
    // Regular beds first, overflow mats last.
    expect(await figures(shelterA)).toEqual([
      { population: 'men', total_beds: 10, free_beds: 0, overflow_total: 4, overflow_free: 0 },
    ]);
  });

  it('the database itself refuses a second active assignment of a bed, whatever the code does', async () => {
    const [taken] = await app.sql<{ bed_id: string; group_id: string; by_user_id: string }>(
      'SELECT bed_id, group_id, by_user_id FROM bed_assignment WHERE shelter_id = $1 AND ended_at IS NULL LIMIT 1',
      [shelterA],
    );
    await expect(
      app.sql(
        `INSERT INTO bed_assignment (bed_id, shelter_id, kind, group_id, by_user_id) VALUES ($1, $2, 'hold', $3, $4)`,
        [taken.bed_id, shelterA, taken.group_id, taken.by_user_id],
      ),
    ).rejects.toThrow(/bed_assignment_active_bed_idx/);
  });

  it('checks out, freeing the bed; refuses someone not checked in, and someone already in a bed', async () => {
    const [stay] = await app.sql<{ resident_id: string }>(
      `SELECT a.resident_id FROM bed_assignment a JOIN bed b ON b.id = a.bed_id WHERE a.shelter_id = $1 AND a.ended_at IS NULL AND a.kind = 'stay' AND NOT b.overflow LIMIT 1`,
      [shelterA],
    );
    const again = await checkIn(volunteer, shelterA, [stay.resident_id]);
    expect(again.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_IN_A_BED',
    });
    const out = await volunteer.gql<{ checkOut: { endReason: string } }>(CHECK_OUT, {
      input: { requestId: randomUUID(), residentId: stay.resident_id },
    });
    expect(out.data!.checkOut.endReason).toBe('CHECKED_OUT');
    const twice = await volunteer.gql(CHECK_OUT, {
      input: { requestId: randomUUID(), residentId: stay.resident_id },
    });
    expect(twice.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_CHECKED_IN',
    });
    expect((await figures(shelterA))[0].free_beds).toBe(1);
  });

  it('a replayed check-in acts once and returns the first result', async () => {
    const [person] = await residents(shelterA, 1);
    const input = { requestId: randomUUID(), shelterId: shelterA, residentIds: [person] };
    const [first, second] = await Promise.all([
      volunteer.gql(CHECK_IN, { input }),
      volunteer.gql(CHECK_IN, { input }),
    ]);
    expect(second.data).toEqual(first.data);
    const [{ n }] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM bed_assignment WHERE resident_id = $1`,
      [person],
    );
    expect(n).toBe(1);
  });

  it('50 concurrent household check-ins (3 each) for 10 beds leave no household split', async () => {
    for (const name of ['Family 1', 'Family 2']) {
      await beds(await room(shelterB, name), 5, 'FAMILIES');
    }
    await switchToBedsMode(coordinator, shelterB);
    const households: string[][] = [];
    for (let i = 0; i < 50; i += 1) {
      const result = await coordinator.gql<{ registerHousehold: { members: { id: string }[] } }>(
        REGISTER,
        {
          input: householdInput(
            shelterB,
            [adult(`Madre ${i}`), adult(`Padre ${i}`), adult(`Tía ${i}`)],
            { legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' }, confirmNew: true },
          ),
        },
      );
      households.push(result.data!.registerHousehold.members.map((m) => m.id));
    }
    const results = await Promise.all(households.map((ids) => checkIn(coordinator, shelterB, ids)));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    for (const ids of households) {
      const [{ n }] = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM bed_assignment WHERE resident_id = ANY($1) AND ended_at IS NULL`,
        [ids],
      );
      expect([0, 3]).toContain(n);
    }
    // Two of the three households sleep in one room each.
    const rooms = await app.sql<{ rooms: number }>(
      `SELECT count(DISTINCT b.room_id)::int AS rooms FROM bed_assignment a JOIN bed b ON b.id = a.bed_id
        WHERE a.shelter_id = $1 AND a.ended_at IS NULL GROUP BY a.group_id ORDER BY rooms`,
      [shelterB],
    );
    expect(rooms.map((r) => r.rooms)).toEqual([1, 1, 2]);
  });

  it('refuses a bed of another shelter, and a household larger than the free suitable beds, changing nothing', async () => {
    const [otherBed] = await app.sql<{ id: string }>(
      'SELECT id FROM bed WHERE shelter_id = $1 LIMIT 1',
      [shelterB],
    );
    const [person] = await residents(shelterA, 1);
    const before = await figures(shelterA);
    const foreign = await checkIn(volunteer, shelterA, [person], { bedIds: [otherBed.id] });
    expect(foreign.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BED_OF_ANOTHER_SHELTER',
    });
    const crowd = await residents(shelterA, 5);
    const tooMany = await checkIn(volunteer, shelterA, crowd);
    expect(tooMany.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NO_SUITABLE_BEDS',
    });
    expect(await figures(shelterA)).toEqual(before);
  });

  describe('holds', () => {
    let holdRoom: string;

    beforeAll(async () => {
      holdRoom = await room(shelterA, 'Holds');
      await beds(holdRoom, 6, 'WOMEN');
    });

    it('keep beds for people on the way; the arrivals check in on them', async () => {
      const arrivals = await residents(shelterA, 2, 'WOMEN');
      const hold = await coordinator.gql<{ placeHold: { holdId: string; bedId: string }[] }>(HOLD, {
        input: {
          requestId: randomUUID(),
          fromShelterId: shelterB,
          shelterId: shelterA,
          population: 'WOMEN',
          count: 2,
          hours: 2,
        },
      });
      const held = hold.data!.placeHold;
      expect(held).toHaveLength(2);
      expect((await figures(shelterA)).find((f) => f.population === 'women')!.free_beds).toBe(4);
      const checked = await checkIn(volunteer, shelterA, arrivals, { holdId: held[0].holdId });
      expect(checked.data!.checkIn.map((s) => s.bedId).sort()).toEqual(
        held.map((h) => h.bedId).sort(),
      );
      expect((await figures(shelterA)).find((f) => f.population === 'women')!.free_beds).toBe(4);
      const reuse = await checkIn(volunteer, shelterA, await residents(shelterA, 2, 'WOMEN'), {
        holdId: held[0].holdId,
      });
      expect(reuse.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'HOLD_EXPIRED',
      });
    });

    it('from elsewhere: at most a share of the free beds, for a bounded time; the receiving coordinator sees them and releases them', async () => {
      const shelterC = await shelterFor(app, { populations: ['WOMEN'] });
      const receiver = await staffOnlyAt(shelterC, 'COORDINATOR');
      const roomC = await receiver.gql<{ createRoom: { id: string } }>(
        'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
        { input: { requestId: randomUUID(), shelterId: shelterC, name: 'Llegadas' } },
      );
      await receiver.gql(ADD_BEDS, {
        input: {
          requestId: randomUUID(),
          roomId: roomC.data!.createRoom.id,
          count: 6,
          kind: 'BED',
          population: 'WOMEN',
        },
      });
      await switchToBedsMode(receiver, shelterC);
      const holdAtC = (count: number, hours = 2) =>
        coordinator.gql<{ placeHold: { holdId: string; expiresAt: string }[] }>(HOLD, {
          input: {
            requestId: randomUUID(),
            fromShelterId: shelterB,
            shelterId: shelterC,
            population: 'WOMEN',
            count,
            hours,
          },
        });
      expect((await holdAtC(2, 13)).errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'HOLD_TOO_LONG',
      });
      // Six free beds: B may hold three of them (HOLDS_FROM_ELSEWHERE_SHARE 0.5), not a fourth.
      const first = await holdAtC(3);
      expect(first.errors).toBeUndefined();
      expect((await holdAtC(1)).errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'HOLD_SHARE_EXCEEDED',
      });
      const seen = await receiver.gql<{
        holdsAt: { holdId: string; originShelterId: string | null }[];
      }>('query($s: ID!) { holdsAt(shelterId: $s) { holdId originShelterId } }', {
        s: shelterC,
      });
      expect(seen.data!.holdsAt).toEqual(
        Array(3).fill({ holdId: first.data!.placeHold[0].holdId, originShelterId: shelterB }),
      );
      const released = await receiver.gql(
        'mutation($input: CancelHoldInput!) { cancelHold(input: $input) { endReason } }',
        { input: { requestId: randomUUID(), holdId: first.data!.placeHold[0].holdId } },
      );
      expect(released.errors).toBeUndefined();
      expect(
        (
          await receiver.gql<{ holdsAt: unknown[] }>(
            'query($s: ID!) { holdsAt(shelterId: $s) { id } }',
            { s: shelterC },
          )
        ).data!.holdsAt,
      ).toEqual([]);
      const again = await holdAtC(3);
      expect(again.errors).toBeUndefined();
      // A hold for a count names nobody: it is no way for C to take one of B's residents.
      const [ofB] = await residents(shelterB, 1, 'WOMEN');
      const taken = await checkIn(receiver, shelterC, [ofB], {
        holdId: again.data!.placeHold[0].holdId,
      });
      expect(taken.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'RESIDENT_NOT_HERE',
      });
      const [stillAtB] = await app.sql<{ current_shelter_id: string }>(
        'SELECT current_shelter_id FROM resident WHERE id = $1',
        [ofB],
      );
      expect(stillAtB.current_shelter_id).toBe(shelterB);
    });

    it('a group whose every bed is out of service is still served: full, not "not for this group"', async () => {
      const shelterE = await shelterFor(app, { populations: ['WOMEN'] });
      const coordinatorE = await staffOnlyAt(shelterE, 'COORDINATOR');
      const roomE = await coordinatorE.gql<{ createRoom: { id: string } }>(
        'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
        { input: { requestId: randomUUID(), shelterId: shelterE, name: 'Mujeres' } },
      );
      const added = await coordinatorE.gql<{ addBeds: { id: string }[] }>(ADD_BEDS, {
        input: {
          requestId: randomUUID(),
          roomId: roomE.data!.createRoom.id,
          count: 2,
          kind: 'BED',
          population: 'WOMEN',
        },
      });
      await switchToBedsMode(coordinatorE, shelterE);
      for (const { id } of added.data!.addBeds) {
        const closed = await coordinatorE.gql(
          'mutation($input: SetBedOutOfServiceInput!) { setBedOutOfService(input: $input) { id } }',
          { input: { requestId: randomUUID(), bedId: id, reason: 'Reparación del techo' } },
        );
        expect(closed.errors).toBeUndefined();
      }
      const seen = await app.gql<{
        shelter: {
          populations: string[];
          availability: { byPopulation: { population: string; band: string; totalBeds: number }[] };
        };
      }>(
        'query($id: ID!) { shelter(id: $id) { populations availability { byPopulation { population band totalBeds } } } }',
        { id: shelterE },
      );
      expect(seen.data!.shelter.populations).toEqual(['WOMEN']);
      expect(seen.data!.shelter.availability.byPopulation).toEqual([
        { population: 'WOMEN', band: 'FULL', totalBeds: 0 },
      ]);
    });

    it('hold only people of the placing shelter, never one person twice; the placing shelter follows and may cancel', async () => {
      const [local] = await residents(shelterA, 1, 'WOMEN');
      const foreign = await coordinator.gql(HOLD, {
        input: {
          requestId: randomUUID(),
          fromShelterId: shelterB,
          shelterId: shelterA,
          residentIds: [local],
          hours: 1,
        },
      });
      expect(foreign.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'RESIDENT_NOT_HERE',
      });
      const first = await coordinator.gql<{ placeHold: { holdId: string }[] }>(HOLD, {
        input: {
          requestId: randomUUID(),
          fromShelterId: shelterA,
          shelterId: shelterA,
          residentIds: [local],
          hours: 1,
        },
      });
      expect(first.errors).toBeUndefined();
      const twice = await coordinator.gql(HOLD, {
        input: {
          requestId: randomUUID(),
          fromShelterId: shelterA,
          shelterId: shelterA,
          residentIds: [local],
          hours: 1,
        },
      });
      expect(twice.errors![0].extensions.code).toBe('CONFLICT');
      const [fromB] = await residents(shelterB, 1, 'WOMEN');
      const placed = await coordinator.gql<{
        placeHold: { holdId: string; originShelterId: string }[];
      }>(
        'mutation($input: PlaceHoldInput!) { placeHold(input: $input) { holdId originShelterId } }',
        {
          input: {
            requestId: randomUUID(),
            fromShelterId: shelterB,
            shelterId: shelterA,
            residentIds: [fromB],
            hours: 1,
          },
        },
      );
      expect(placed.data!.placeHold[0].originShelterId).toBe(shelterB);
      const followed = await coordinator.gql<{ transfersFrom: { holdId: string }[] }>(
        'query($s: ID!) { transfersFrom(shelterId: $s) { holdId } }',
        { s: shelterB },
      );
      expect(followed.data!.transfersFrom.map((t) => t.holdId)).toContain(
        placed.data!.placeHold[0].holdId,
      );
      const cancel = (holdId: string) =>
        coordinator.gql(
          'mutation($input: CancelHoldInput!) { cancelHold(input: $input) { endReason } }',
          { input: { requestId: randomUUID(), holdId } },
        );
      expect((await cancel(placed.data!.placeHold[0].holdId)).errors).toBeUndefined();
      expect((await cancel(placed.data!.placeHold[0].holdId)).errors![0].extensions.reason).toBe(
        'HOLD_EXPIRED',
      );
      expect((await cancel(first.data!.placeHold[0].holdId)).errors).toBeUndefined();
    });

    it('expire exactly once with two schedulers running, freeing their beds', async () => {
      const placed = [];
      for (let i = 0; i < 2; i += 1) {
        placed.push(
          (
            await coordinator.gql<{ placeHold: { holdId: string }[] }>(HOLD, {
              input: {
                requestId: randomUUID(),
                fromShelterId: shelterA,
                shelterId: shelterA,
                population: 'WOMEN',
                count: 1,
              },
            })
          ).data!.placeHold[0].holdId,
        );
      }
      await app.sql(
        `UPDATE bed_assignment SET expires_at = now() - interval '1 minute' WHERE group_id = ANY($1)`,
        [placed],
      );
      const service = app.app.get(HoldsService);
      const [a, b] = await Promise.all([service.expireHolds(), service.expireHolds()]);
      expect(a + b).toBe(2);
      const rows = await app.sql<{ end_reason: string }>(
        'SELECT end_reason FROM bed_assignment WHERE group_id = ANY($1)',
        [placed],
      );
      expect(rows.map((r) => r.end_reason)).toEqual(['expired', 'expired']);
      expect((await figures(shelterA)).find((f) => f.population === 'women')!.free_beds).toBe(4);
    });
  });

  describe('moves, transfers and turnaways', () => {
    it('moves a person to another bed of the shelter, and refuses a bed of another shelter', async () => {
      const dorm = await room(shelterA, 'Moves');
      const [first, second] = await beds(dorm, 2, 'LGBTQ');
      const [person] = await residents(shelterA, 1, 'LGBTQ');
      await checkIn(volunteer, shelterA, [person], { bedIds: [first.id] });
      const moved = await volunteer.gql<{ move: { bedId: string } }>(
        'mutation($input: MoveInput!) { move(input: $input) { bedId } }',
        {
          input: { requestId: randomUUID(), residentId: person, bedId: second.id },
        },
      );
      expect(moved.data!.move.bedId).toBe(second.id);
      const [elsewhere] = await app.sql<{ id: string }>(
        'SELECT id FROM bed WHERE shelter_id = $1 LIMIT 1',
        [shelterB],
      );
      const wrong = await volunteer.gql(
        'mutation($input: MoveInput!) { move(input: $input) { bedId } }',
        {
          input: { requestId: randomUUID(), residentId: person, bedId: elsewhere.id },
        },
      );
      expect(wrong.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'BED_OF_ANOTHER_SHELTER',
      });
      expect(await figures(shelterA)).toEqual(await recount(shelterA));
    });

    it('transfers as one act: a failure at the destination leaves the origin as it was; B checks in or declines, and A sees how it ended', async () => {
      const transfer = async (residentId: string, toShelterId: string) => {
        const result = await coordinator.gql<{
          transfer: { holdId: string; shelterId: string; originShelterId: string }[];
        }>(
          'mutation($input: TransferInput!) { transfer(input: $input) { holdId shelterId originShelterId } }',
          {
            input: {
              requestId: randomUUID(),
              fromShelterId: shelterA,
              residentIds: [residentId],
              toShelterId,
            },
          },
        );
        return { ...result, data: result.data && { transfer: result.data.transfer[0] } };
      };
      const people = await residents(shelterA, 2, 'LGBTQ');
      await beds(await room(shelterA, 'Transfers'), 2, 'LGBTQ');
      for (const person of people) {
        expect((await checkIn(volunteer, shelterA, [person])).errors).toBeUndefined();
      }
      const beforeA = await figures(shelterA);
      // B has no LGBTQ beds: the transfer fails and A keeps the stay.
      const failed = await transfer(people[0], shelterB);
      expect(failed.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'NO_SUITABLE_BEDS',
      });
      expect(await figures(shelterA)).toEqual(beforeA);
      await beds(await room(shelterB, 'LGBTQ'), 2, 'LGBTQ');
      const sent = (await transfer(people[0], shelterB)).data!.transfer;
      expect(sent).toMatchObject({ shelterId: shelterB, originShelterId: shelterA });
      // Staff of B alone may read the record of the person on the way, to receive them.
      const receiver = await staffOnlyAt(shelterB);
      const read = await receiver.gql<{ resident: { name: string } }>(
        'query($id: ID!) { resident(id: $id) { name } }',
        { id: people[0] },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data!.resident.name).toMatch(/^Persona/);
      // Read only: no changes to a person of another shelter.
      const change = await receiver.gql(
        'mutation($id: ID!) { updateResident(id: $id, input: { languages: ["es"] }) { id } }',
        { id: people[0] },
      );
      expect(change.errors![0].extensions.code).toBe('FORBIDDEN');
      const notYet = await receiver.gql('query($id: ID!) { resident(id: $id) { name } }', {
        id: people[1],
      });
      expect(notYet.errors![0].extensions.code).toBe('FORBIDDEN');
      const arrived = await checkIn(coordinator, shelterB, [people[0]], { holdId: sent.holdId });
      expect(arrived.errors).toBeUndefined();
      // The shelter they left may still read them for a while, but not act on their bed at B.
      const fromA = await volunteer.gql(CHECK_OUT, {
        input: { requestId: randomUUID(), residentId: people[0], leavesNetwork: true },
      });
      expect(fromA.errors![0].extensions.code).toBe('FORBIDDEN');
      const [moved] = await app.sql<{ current_shelter_id: string; previous_shelter_id: string }>(
        'SELECT current_shelter_id, previous_shelter_id FROM resident WHERE id = $1',
        [people[0]],
      );
      expect(moved).toEqual({ current_shelter_id: shelterB, previous_shelter_id: shelterA });
      const second = (await transfer(people[1], shelterB)).data!.transfer;
      const declined = await coordinator.gql(
        'mutation($input: DeclineTransferInput!) { declineTransfer(input: $input) { endReason } }',
        {
          input: { requestId: randomUUID(), holdId: second.holdId },
        },
      );
      expect(declined.errors).toBeUndefined();
      const seen = await volunteer.gql<{
        transfersFrom: { residentId: string; endReason: string }[];
      }>('query($s: ID!) { transfersFrom(shelterId: $s) { residentId endReason } }', {
        s: shelterA,
      });
      expect(seen.data!.transfersFrom).toEqual(
        expect.arrayContaining([
          { residentId: people[0], endReason: 'CHECKED_IN' },
          { residentId: people[1], endReason: 'DECLINED' },
        ]),
      );
      for (const shelter of [shelterA, shelterB]) {
        expect(await figures(shelter)).toEqual(await recount(shelter));
      }
    });

    it('registers a newcomer and checks them in as one act at the gate: no bed, nobody registered', async () => {
      const gate = (population: string) =>
        volunteer.gql<{ registerAndCheckIn: { residentId: string }[] }>(
          'mutation($input: RegisterAndCheckInInput!) { registerAndCheckIn(input: $input) { residentId } }',
          {
            input: householdInput(shelterA, [adult('Recién Llegado', { population })], {
              legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' },
              confirmNew: true,
            }),
          },
        );
      const before = (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM resident'))[0].n;
      // No bed of that group here: the check-in fails, and so does the registration.
      const refused = await gate('UNACCOMPANIED_MINORS');
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'NO_SUITABLE_BEDS',
      });
      expect((await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM resident'))[0].n).toBe(
        before,
      );
      const admitted = await gate('WOMEN');
      expect(admitted.errors).toBeUndefined();
      const [stay] = admitted.data!.registerAndCheckIn;
      const [row] = await app.sql<{ current_shelter_id: string }>(
        'SELECT current_shelter_id FROM resident WHERE id = $1',
        [stay.residentId],
      );
      expect(row.current_shelter_id).toBe(shelterA);
    });

    it('a check-out out of the network closes the case as departed', async () => {
      await beds(await room(shelterA, 'Salida'), 1, 'FAMILIES');
      const [person] = await residents(shelterA, 1, 'FAMILIES');
      expect((await checkIn(volunteer, shelterA, [person])).errors).toBeUndefined();
      await volunteer.gql(CHECK_OUT, {
        input: { requestId: randomUUID(), residentId: person, leavesNetwork: true },
      });
      const [row] = await app.sql<{ case_status: string }>(
        'SELECT case_status FROM resident WHERE id = $1',
        [person],
      );
      expect(row.case_status).toBe('departed');
    });

    it('records turnaways without personal data, and reports daily figures in the shelter’s time zone', async () => {
      const turned = await volunteer.gql<{ recordTurnaway: { count: number } }>(
        'mutation($input: TurnawayInput!) { recordTurnaway(input: $input) { count } }',
        {
          input: {
            requestId: randomUUID(),
            shelterId: shelterA,
            population: 'MEN',
            count: 7,
            reason: 'NO_SPACE',
          },
        },
      );
      expect(turned.data!.recordTurnaway.count).toBe(7);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(
        new Date(),
      );
      const daily = await coordinator.gql<{
        dailyFigures: {
          day: string;
          capacity: number;
          occupied: number;
          bedNights: number;
          arrivals: number;
          departures: number;
          turnaways: number;
        }[];
      }>(
        'query($s: ID!, $d: String!) { dailyFigures(shelterId: $s, from: $d, to: $d) { day capacity occupied bedNights arrivals departures turnaways } }',
        { s: shelterA, d: today },
      );
      const [row] = daily.data!.dailyFigures;
      const [{ stays }] = await app.sql<{ stays: number }>(
        `SELECT count(*)::int AS stays FROM bed_assignment WHERE shelter_id = $1 AND kind = 'stay' AND ended_at IS NULL`,
        [shelterA],
      );
      expect(row).toMatchObject({ day: today, turnaways: 7, bedNights: stays });
      expect(row.arrivals).toBeGreaterThanOrEqual(stays);
      expect(row.departures).toBeGreaterThan(0);
      const backwards = await coordinator.gql(
        'query($s: ID!) { dailyFigures(shelterId: $s, from: "2026-11-10", to: "2026-11-01") { day } }',
        { s: shelterA },
      );
      expect(backwards.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'RANGE_INVALID',
      });
    });
  });

  it('keeps the figures equal to a recount from the beds after 1,000 random check-ins, check-outs and holds', async () => {
    const people = await residents(shelterA, 40);
    const inBed = new Set<string>();
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let step = 0; step < 1000; step += 1) {
      const person = people[Math.floor(random() * people.length)];
      const roll = random();
      if (roll < 0.45) {
        const result = await checkIn(volunteer, shelterA, [person]);
        if (!result.errors) {
          inBed.add(person);
        }
      } else if (roll < 0.85) {
        const result = await volunteer.gql(CHECK_OUT, {
          input: { requestId: randomUUID(), residentId: person },
        });
        if (!result.errors) {
          inBed.delete(person);
        }
      } else {
        await coordinator.gql(HOLD, {
          input: {
            requestId: randomUUID(),
            fromShelterId: shelterA,
            shelterId: shelterA,
            population: 'MEN',
            count: 1,
            hours: 1,
          },
        });
      }
    }
    expect(await figures(shelterA)).toEqual(await recount(shelterA));
    const [{ stays }] = await app.sql<{ stays: number }>(
      `SELECT count(*)::int AS stays FROM bed_assignment WHERE resident_id = ANY($1) AND ended_at IS NULL AND kind = 'stay'`,
      [people],
    );
    expect(stays).toBe(inBed.size);
  }, 120_000);
});
