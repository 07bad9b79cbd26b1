import { randomUUID } from 'node:crypto';
import { HoldsService } from '@albergue/occupancy';
import { bedsAt, switchToBedsMode } from './factories/occupancy.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import {
  CONFIRM_AVAILABILITY,
  confirmArgs,
  reportInput,
  shelterFor,
} from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { captureLogs } from './helpers/log-capture.js';
import { type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';

const PLACES = 'id holdId bedId shelterId residentId population originShelterId kind';
const TRANSFER = `mutation($input: TransferInput!) { transfer(input: $input) { ${PLACES} } }`;
const HOLD = `mutation($input: PlaceHoldInput!) { placeHold(input: $input) { ${PLACES} } }`;
const CHECK_IN = `mutation($input: CheckInInput!) { checkIn(input: $input) { ${PLACES} } }`;
const CANCEL = `mutation($input: CancelHoldInput!) { cancelHold(input: $input) { ${PLACES} } }`;
const PUBLIC = `query($id: ID!) { shelter(id: $id) { trackingMode populations availability {
  band freeBeds totalBeds byPopulation { population band freeBeds totalBeds } } } }`;

interface Place {
  id: string;
  holdId: string | null;
  bedId: string | null;
  shelterId: string;
  residentId: string | null;
  population: string | null;
  originShelterId: string | null;
  kind: string;
}
interface PublicShelter {
  trackingMode: string;
  populations: string[];
  availability: {
    band: string;
    freeBeds: number | null;
    totalBeds: number | null;
    byPopulation: { population: string; band: string; freeBeds: number; totalBeds: number }[];
  };
}
interface SnapshotShelter {
  id: string;
  version: number;
  availability: { band: string; byPopulation: { population: string; freeBeds: number | null }[] };
}

// Fictional names: none of them may reach a log line or an error.
const NAMES = ['Mireille Jean-Baptiste', 'Rose Jean-Baptiste', 'Ti Jean-Baptiste'];

describe('Households, counts-mode holds and beds mode going live (e2e)', () => {
  let app: TestApp;
  let logLines: string[];
  let coordinator: SignedIn;
  let origin: string;

  const freeOf = (shelter: PublicShelter, population: string) =>
    shelter.availability.byPopulation.find((p) => p.population === population)?.freeBeds;
  const publicShelter = async (id: string) =>
    (await app.gql<{ shelter: PublicShelter }>(PUBLIC, { id })).data!.shelter;
  const versionOf = async (id: string) =>
    Number(
      (
        await app.sql<{ v: string }>(
          'SELECT availability_version::text AS v FROM shelter WHERE id = $1',
          [id],
        )
      )[0].v,
    );
  /** The public snapshot's entry once it has caught up with the shelter's version. */
  const snapshotOf = async (id: string): Promise<SnapshotShelter> => {
    const version = await versionOf(id);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const body = (await (await fetch(`${app.url}/availability.json`)).json()) as {
        shelters: SnapshotShelter[];
      };
      const entry = body.shelters.find((s) => s.id === id);
      if (entry && entry.version >= version) {
        return entry;
      }
      if (Date.now() > deadline) {
        throw new Error(`snapshot still at ${entry?.version} for version ${version}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const register = async (shelterId: string, members: Record<string, unknown>[]) => {
    const result = await coordinator.gql<{
      registerHousehold: { id: string; members: { id: string }[] };
    }>(REGISTER, { input: householdInput(shelterId, members) });
    if (!result.data) {
      throw new Error(`registerHousehold failed: ${JSON.stringify(result.errors)}`);
    }
    return {
      householdId: result.data.registerHousehold.id,
      ids: result.data.registerHousehold.members.map((m) => m.id),
    };
  };
  /** A mother and her two children (one under five), checked in at the origin. */
  const familyAtOrigin = async (names = NAMES) => {
    const family = await register(origin, [
      adult(names[0]),
      adult(names[1], { birthYear: 2022, guardianIndex: 0 }),
      adult(names[2], { birthYear: 2015, guardianIndex: 0 }),
    ]);
    const checked = await coordinator.gql(CHECK_IN, {
      input: { requestId: randomUUID(), shelterId: origin, residentIds: family.ids },
    });
    expect(checked.errors).toBeUndefined();
    return family;
  };
  const transfer = (input: Record<string, unknown>) =>
    coordinator.gql<{ transfer: Place[] }>(TRANSFER, {
      input: { requestId: randomUUID(), fromShelterId: origin, ...input },
    });
  const openStays = (ids: string[]) =>
    app.sql<{ resident_id: string; shelter_id: string; bed_id: string | null }>(
      `SELECT resident_id, shelter_id, bed_id FROM bed_assignment
        WHERE resident_id = ANY($1) AND kind = 'stay' AND ended_at IS NULL ORDER BY resident_id`,
      [ids],
    );
  const report = async (shelterId: string, counts: { population: string; freeBeds: number }[]) =>
    coordinator.gql(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      { input: await reportInput(coordinator, shelterId, counts) },
    );
  /** The next counts-mode shelter (families and women), with these free places reported. */
  const countsShelter = async (families: number, women = 2) => {
    const id = countsShelters.shift()!;
    expect(
      (
        await report(id, [
          { population: 'FAMILIES', freeBeds: families },
          { population: 'WOMEN', freeBeds: women },
        ])
      ).errors,
    ).toBeUndefined();
    return id;
  };
  let destination: string;
  let goingLive: string;
  const countsShelters: string[] = [];

  beforeAll(async () => {
    const logs = captureLogs();
    logLines = logs.lines;
    app = await startTestApp({}, logs.logger);
    origin = await shelterFor(app, { name: 'Origen', populations: ['FAMILIES'] });
    destination = await shelterFor(app, { name: 'Destino', populations: ['FAMILIES'] });
    goingLive = await shelterFor(app, { name: 'Estreno', populations: ['FAMILIES', 'WOMEN'] });
    for (let i = 0; i < 10; i += 1) {
      countsShelters.push(await shelterFor(app, { populations: ['FAMILIES', 'WOMEN'] }));
    }
    // One coordinator of them all, as a network's field coordinator would be.
    coordinator = await staffAt(app, {
      role: 'COORDINATOR',
      shelterIds: [origin, destination, goingLive, ...countsShelters],
    });
    await bedsAt(coordinator, origin, 30, 'FAMILIES');
  });

  afterAll(async () => {
    await app.close();
  });

  afterAll(() => {
    // Refusals name people by id and household place, never by anything sealed.
    const logged = logLines.join('\n');
    for (const name of NAMES) {
      expect(logged).not.toContain(name);
    }
  });

  describe('households transfer together', () => {
    let receiver: SignedIn;

    beforeAll(async () => {
      receiver = await staffAt(app, { role: 'VOLUNTEER', shelterId: destination });
      const admin = coordinator;
      // A small room first, then one that fits the family: they go to the second, together.
      for (const [name, count] of [
        ['Pequeña', 2],
        ['Grande', 4],
      ] as const) {
        const room = await admin.gql<{ createRoom: { id: string } }>(
          'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
          { input: { requestId: randomUUID(), shelterId: destination, name } },
        );
        await admin.gql('mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }', {
          input: {
            requestId: randomUUID(),
            roomId: room.data!.createRoom.id,
            count,
            kind: 'BED',
            population: 'FAMILIES',
          },
        });
      }
      await switchToBedsMode(admin, destination);
    });

    it('moves a household as one act, to one room, under one holdId; a replay acts once; they check in on it', async () => {
      const family = await familyAtOrigin();
      const input = {
        requestId: randomUUID(),
        fromShelterId: origin,
        householdId: family.householdId,
        toShelterId: destination,
      };
      const sent = await coordinator.gql<{ transfer: Place[] }>(TRANSFER, { input });
      expect(sent.errors).toBeUndefined();
      const places = sent.data!.transfer;
      expect(places.map((p) => p.residentId).sort()).toEqual([...family.ids].sort());
      const holdId = places[0].holdId!;
      expect(places.every((p) => p.holdId === holdId && p.kind === 'HOLD')).toBe(true);
      expect(places.every((p) => p.originShelterId === origin)).toBe(true);
      const rooms = await app.sql<{ name: string }>(
        `SELECT DISTINCT r.name FROM bed_assignment a JOIN bed b ON b.id = a.bed_id JOIN room r ON r.id = b.room_id
          WHERE a.group_id = $1`,
        [holdId],
      );
      expect(rooms).toEqual([{ name: 'Grande' }]);
      expect(await openStays(family.ids)).toEqual([]);

      const replay = await coordinator.gql<{ transfer: Place[] }>(TRANSFER, { input });
      expect(replay.data!.transfer.map((p) => p.id).sort()).toEqual(places.map((p) => p.id).sort());
      const [{ n }] = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM bed_assignment WHERE resident_id = ANY($1) AND kind = 'hold'`,
        [family.ids],
      );
      expect(n).toBe(3);

      const arrived = await receiver.gql<{ checkIn: Place[] }>(CHECK_IN, {
        input: {
          requestId: randomUUID(),
          shelterId: destination,
          residentIds: family.ids,
          holdId,
        },
      });
      expect(arrived.errors).toBeUndefined();
      expect((await openStays(family.ids)).map((s) => s.shelter_id)).toEqual(
        Array(3).fill(destination),
      );
    });

    it('refuses to part a guardian and a minor, either way, naming who would stay behind; nothing changes', async () => {
      const family = await familyAtOrigin(['Anne Pierre', 'Lucie Pierre', 'Jean Pierre']);
      const [mother, baby, child] = family.ids;
      const before = await openStays(family.ids);
      const motherAlone = await transfer({ residentIds: [mother], toShelterId: destination });
      expect(motherAlone.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'GUARDIAN_SEPARATED',
      });
      const message = motherAlone.errors![0].message;
      expect(message).toContain(`${baby} (household member 2 (minor))`);
      expect(message).toContain(`${child} (household member 3 (minor))`);
      expect(message).not.toMatch(/Pierre/);

      const childAlone = await transfer({ residentIds: [baby], toShelterId: destination });
      expect(childAlone.errors![0].extensions).toMatchObject({ reason: 'GUARDIAN_SEPARATED' });
      expect(childAlone.errors![0].message).toContain(`${mother} (household member 1)`);
      expect(childAlone.errors![0].message).not.toContain(child);

      expect(await openStays(family.ids)).toEqual(before);
      const [{ holds }] = await app.sql<{ holds: number }>(
        `SELECT count(*)::int AS holds FROM bed_assignment WHERE resident_id = ANY($1) AND kind = 'hold'`,
        [family.ids],
      );
      expect(holds).toBe(0);
    });

    it('parts them only with an override, whose reason stays in both histories, sealed', async () => {
      const family = await familyAtOrigin(['Marie Louis', 'Nadia Louis', 'Paul Louis']);
      const [mother, baby, child] = family.ids;
      const reason = 'Hospitalised at Hospital General: the child stays with her aunt';
      const sent = await transfer({
        residentIds: [child],
        toShelterId: destination,
        override: { reason },
      });
      expect(sent.errors).toBeUndefined();
      expect(sent.data!.transfer.map((p) => p.residentId)).toEqual([child]);
      expect((await openStays([mother, baby])).map((s) => s.shelter_id)).toEqual([origin, origin]);
      for (const id of [mother, child]) {
        const history = await coordinator.gql<{
          residentHistory: { kind: string; override: boolean; reason: string; to: string }[];
        }>('query($id: ID!) { residentHistory(residentId: $id) { kind override reason to } }', {
          id,
        });
        expect(history.data!.residentHistory).toContainEqual({
          kind: 'SEPARATION',
          override: true,
          reason,
          to: destination,
        });
      }
      const raw = await app.sql<{ reason_sealed: string }>(
        `SELECT reason_sealed FROM resident_event WHERE kind = 'separation' AND resident_id = $1`,
        [baby],
      );
      expect(raw).toEqual([]);
      const sealed = await app.sql<{ row: string }>(
        `SELECT row_to_json(e)::text AS row FROM resident_event e WHERE kind = 'separation'`,
      );
      expect(sealed).toHaveLength(2);
      expect(sealed.map((r) => r.row).join()).not.toContain('Hospital');
      const audited = await app.sql<{ target_id: string; detail: string | null }>(
        `SELECT target_id, detail FROM audit_entry WHERE action = 'transfer.separationOverride' ORDER BY target_id`,
      );
      expect(audited).toEqual(
        [mother, child].sort().map((id) => ({ target_id: id, detail: null })),
      );
    });

    it('answers a wrong id with which id is wanted and where to find it', async () => {
      const family = await familyAtOrigin(['Ana Rivas', 'Eva Rivas', 'Leo Rivas']);
      const room = await coordinator.gql<{ createRoom: { id: string } }>(
        'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
        { input: { requestId: randomUUID(), shelterId: destination, name: 'Tercera' } },
      );
      await coordinator.gql('mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }', {
        input: {
          requestId: randomUUID(),
          roomId: room.data!.createRoom.id,
          count: 3,
          kind: 'BED',
          population: 'FAMILIES',
        },
      });
      const sent = await transfer({ householdId: family.householdId, toShelterId: destination });
      const [place] = sent.data!.transfer;
      const wrong = await receiver.gql(CHECK_IN, {
        input: {
          requestId: randomUUID(),
          shelterId: destination,
          residentIds: family.ids,
          holdId: place.id,
        },
      });
      expect(wrong.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'WRONG_ID',
        fields: ['input.holdId'],
      });
      expect(wrong.errors![0].message).toMatch(/holdId/);
      const unknown = await receiver.gql(CHECK_IN, {
        input: {
          requestId: randomUUID(),
          shelterId: destination,
          residentIds: family.ids,
          holdId: randomUUID(),
        },
      });
      expect(unknown.errors![0].extensions).toMatchObject({ reason: 'HOLD_NOT_FOUND' });
      expect(unknown.errors![0].message).toMatch(/holdId that placeHold, transfer and holdsAt/);
      // cancelHold and declineTransfer given a place's id: the hold's own staff get WRONG_ID
      // (naming the holdId), not FORBIDDEN from the guard.
      const destinationCoordinator = await staffAt(app, {
        role: 'COORDINATOR',
        shelterId: destination,
      });
      const wrongCancel = await destinationCoordinator.gql(CANCEL, {
        input: { requestId: randomUUID(), holdId: place.id },
      });
      expect(wrongCancel.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'WRONG_ID',
        fields: ['input.holdId'],
      });
      expect(wrongCancel.errors![0].message).toMatch(/holdId/);
      const wrongDecline = await receiver.gql(
        'mutation($input: DeclineTransferInput!) { declineTransfer(input: $input) { holdId } }',
        { input: { requestId: randomUUID(), holdId: place.id } },
      );
      expect(wrongDecline.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'WRONG_ID',
      });
      // Staff of another shelter still get FORBIDDEN, by either id.
      const stranger = await staffAt(app, { role: 'COORDINATOR', shelterId: countsShelters[0] });
      for (const holdId of [place.id, place.holdId]) {
        const refused = await stranger.gql(CANCEL, { input: { requestId: randomUUID(), holdId } });
        expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
      }
      // The right one works.
      const declined = await receiver.gql(
        'mutation($input: DeclineTransferInput!) { declineTransfer(input: $input) { holdId endReason } }',
        { input: { requestId: randomUUID(), holdId: place.holdId } },
      );
      expect(declined.errors).toBeUndefined();
    });
  });

  describe('holds and transfers at a counts-mode shelter', () => {
    const holdAt = (shelterId: string, count: number, extra: Record<string, unknown> = {}) =>
      coordinator.gql<{ placeHold: Place[] }>(HOLD, {
        input: {
          requestId: randomUUID(),
          fromShelterId: origin,
          shelterId,
          population: 'FAMILIES',
          count,
          ...extra,
        },
      });

    it('takes held places from the published figure; cancelling or expiry gives them back, on the map too', async () => {
      const counts = await countsShelter(4);
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(4);
      const version = await versionOf(counts);

      const held = await holdAt(counts, 2);
      expect(held.errors).toBeUndefined();
      expect(held.data!.placeHold.map((p) => p.bedId)).toEqual([null, null]);
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(2);
      expect(await versionOf(counts)).toBeGreaterThan(version);
      expect(
        (await snapshotOf(counts)).availability.byPopulation.find(
          (p) => p.population === 'FAMILIES',
        )?.freeBeds,
      ).toBe(2);

      const cancelled = await coordinator.gql(CANCEL, {
        input: { requestId: randomUUID(), holdId: held.data!.placeHold[0].holdId },
      });
      expect(cancelled.errors).toBeUndefined();
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(4);

      const lapsing = await holdAt(counts, 1, { hours: 1 });
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(3);
      await app.sql(
        `UPDATE bed_assignment SET expires_at = now() - interval '1 second' WHERE group_id = $1`,
        [lapsing.data!.placeHold[0].holdId],
      );
      expect(await app.app.get(HoldsService).expireHolds()).toBe(1);
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(4);
      expect(
        (await snapshotOf(counts)).availability.byPopulation.find(
          (p) => p.population === 'FAMILIES',
        )?.freeBeds,
      ).toBe(4);
    });

    it('a report counts the places physically free: held places stay apart until the hold ends or the people arrive', async () => {
      const counts = await countsShelter(4);
      const heldOf = async () =>
        (
          await app.sql<{ held: number }>(
            `SELECT held FROM shelter_capacity WHERE shelter_id = $1 AND population = 'families'`,
            [counts],
          )
        )[0].held;
      const confirm = async () =>
        coordinator.gql(CONFIRM_AVAILABILITY(), await confirmArgs(coordinator, counts));

      // A report while a hold is open: the staff see 4 places free, one of them kept for the
      // person on the way, so the public sees 3 (not 4: that would give the held place twice).
      const held = await holdAt(counts, 1);
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(3);
      expect(await heldOf()).toBe(1);
      expect((await report(counts, [{ population: 'FAMILIES', freeBeds: 4 }])).errors).toBe(
        undefined,
      );
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(3);
      // Cancelled after that report: its place is free again.
      await coordinator.gql(CANCEL, {
        input: { requestId: randomUUID(), holdId: held.data!.placeHold[0].holdId },
      });
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(4);
      expect(await heldOf()).toBe(0);

      // A confirmation after a hold changes nothing about it: its expiry gives the place back.
      const lapsing = await holdAt(counts, 1, { hours: 1 });
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(3);
      expect((await confirm()).errors).toBeUndefined();
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(3);
      await app.sql(
        `UPDATE bed_assignment SET expires_at = now() - interval '1 second' WHERE group_id = $1`,
        [lapsing.data!.placeHold[0].holdId],
      );
      expect(await app.app.get(HoldsService).expireHolds()).toBe(1);
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(4);
      expect(await heldOf()).toBe(0);

      // An arrival keeps the places taken: held no more, not free either.
      const family = await familyAtOrigin(['Iris Louis', 'Paul Louis', 'Lou Louis']);
      const sent = await transfer({ householdId: family.householdId, toShelterId: counts });
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(1);
      expect(await heldOf()).toBe(3);
      expect((await report(counts, [{ population: 'FAMILIES', freeBeds: 4 }])).errors).toBe(
        undefined,
      );
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(1);
      const arrived = await coordinator.gql(CHECK_IN, {
        input: {
          requestId: randomUUID(),
          shelterId: counts,
          residentIds: family.ids,
          holdId: sent.data!.transfer[0].holdId,
        },
      });
      expect(arrived.errors).toBeUndefined();
      expect(await heldOf()).toBe(0);
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(1);
      expect((await report(counts, [{ population: 'FAMILIES', freeBeds: 1 }])).errors).toBe(
        undefined,
      );
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(1);
    });

    it('says NO_ROOM for a group with no free places, not "no suitable bed"', async () => {
      const counts = await countsShelter(1, 0);
      const none = await holdAt(counts, 1, { population: 'WOMEN' });
      expect(none.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_ROOM' });
      expect(none.errors![0].message).toMatch(/reports no free places for WOMEN/);
      const unserved = await holdAt(counts, 1, { population: 'MEN' });
      expect(unserved.errors![0].extensions).toMatchObject({ reason: 'NO_ROOM' });
      const family = await familyAtOrigin(['Sara Díaz', 'Ali Díaz', 'Omar Díaz']);
      const tooMany = await transfer({ householdId: family.householdId, toShelterId: counts });
      expect(tooMany.errors![0].extensions).toMatchObject({ reason: 'NO_ROOM' });
      expect(tooMany.errors![0].message).toMatch(/FAMILIES \(3 needed\)/);
      // Nothing moved: still checked in at the origin, the figure as reported.
      expect(await openStays(family.ids)).toHaveLength(3);
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(1);
    });

    it('receives a household on a transfer; its staff check them in (a stay without a bed), then report as usual', async () => {
      const counts = await countsShelter(5);
      const volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: counts });
      const family = await familyAtOrigin(['Rita Joseph', 'Zoe Joseph', 'Noe Joseph']);
      const sent = await transfer({ householdId: family.householdId, toShelterId: counts });
      expect(sent.errors).toBeUndefined();
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(2);
      const holdId = sent.data!.transfer[0].holdId;
      const arrived = await volunteer.gql<{ checkIn: Place[] }>(CHECK_IN, {
        input: { requestId: randomUUID(), shelterId: counts, residentIds: family.ids, holdId },
      });
      expect(arrived.errors).toBeUndefined();
      expect(arrived.data!.checkIn.map((p) => [p.kind, p.bedId, p.population])).toEqual(
        Array(3).fill(['STAY', null, 'FAMILIES']),
      );
      expect((await openStays(family.ids)).map((s) => [s.shelter_id, s.bed_id])).toEqual(
        Array(3).fill([counts, null]),
      );
      // The check-in ends the hold and keeps the places taken until staff report.
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(2);
      const walkIn = await volunteer.gql(CHECK_IN, {
        input: { requestId: randomUUID(), shelterId: counts, residentIds: family.ids },
      });
      expect(walkIn.errors![0].extensions).toMatchObject({ reason: 'BEDS_MODE_ONLY' });
      expect((await report(counts, [{ population: 'FAMILIES', freeBeds: 1 }])).errors).toBe(
        undefined,
      );
      expect(freeOf(await publicShelter(counts), 'FAMILIES')).toBe(1);
    });
  });

  describe('beds mode goes live when ready', () => {
    const switchNow = (shelterId: string) =>
      coordinator.gql<{ switchToBedsMode: { trackingMode: string } }>(
        'mutation($input: BedsModeInput!) { switchToBedsMode(input: $input) { trackingMode } }',
        { input: { requestId: randomUUID(), shelterId } },
      );
    /** One room with `count` beds for each of `populations`; the beds' ids by population. */
    const roomWithBeds = async (shelterId: string, count: number, populations: string[]) => {
      const room = await coordinator.gql<{ createRoom: { id: string } }>(
        'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
        { input: { requestId: randomUUID(), shelterId, name: 'Sala' } },
      );
      const beds: Record<string, string[]> = {};
      for (const population of populations) {
        const added = await coordinator.gql<{ addBeds: { id: string }[] }>(
          'mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }',
          {
            input: {
              requestId: randomUUID(),
              roomId: room.data!.createRoom.id,
              count,
              kind: 'BED',
              population,
            },
          },
        );
        beds[population] = added.data!.addBeds.map((bed) => bed.id);
      }
      return beds;
    };

    it('sets up rooms and beds with no public change, previews, refuses a switch that drops a group, then switches', async () => {
      // A counts-mode shelter, full as reported: its families and women.
      const shelterId = goingLive;
      await report(shelterId, [
        { population: 'FAMILIES', freeBeds: 0 },
        { population: 'WOMEN', freeBeds: 0 },
      ]);
      const before = await publicShelter(shelterId);
      expect(before.availability).toMatchObject({ band: 'FULL', freeBeds: 0, totalBeds: 20 });
      const versionBefore = await versionOf(shelterId);
      const snapshotBefore = await snapshotOf(shelterId);

      const noBeds = await switchNow(shelterId);
      expect(noBeds.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'BEDS_MISSING',
      });

      const room = async (name: string) =>
        (
          await coordinator.gql<{ createRoom: { id: string } }>(
            'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
            { input: { requestId: randomUUID(), shelterId, name } },
          )
        ).data!.createRoom.id;
      const addBeds = async (roomId: string, count: number, population: string) =>
        (
          await coordinator.gql<{ addBeds: { label: string }[] }>(
            'mutation($input: AddBedsInput!) { addBeds(input: $input) { label } }',
            { input: { requestId: randomUUID(), roomId, count, kind: 'BUNK', population } },
          )
        ).data!.addBeds.map((bed) => bed.label);
      const families = await room('Familias');
      expect(await addBeds(families, 10, 'FAMILIES')).toEqual(
        Array.from({ length: 10 }, (_, i) => `Familias-${i + 1}`),
      );
      expect(await addBeds(families, 2, 'FAMILIES')).toEqual(['Familias-11', 'Familias-12']);

      // Nothing public moved: not the figures, not the version, not the snapshot.
      expect(await publicShelter(shelterId)).toEqual(before);
      expect(await versionOf(shelterId)).toBe(versionBefore);
      const snapshotSame = await snapshotOf(shelterId);
      expect(snapshotSame.version).toBe(snapshotBefore.version);
      expect(snapshotSame.availability).toEqual(snapshotBefore.availability);

      const preview = () =>
        coordinator.gql<{
          bedsModePreview: {
            ready: boolean;
            bedsMode: boolean;
            missing: string[];
            figures: { population: string; totalBeds: number; freeBeds: number }[];
          };
        }>(
          'query($s: ID!) { bedsModePreview(shelterId: $s) { ready bedsMode missing figures { population totalBeds freeBeds } } }',
          { s: shelterId },
        );
      expect((await preview()).data!.bedsModePreview).toEqual({
        ready: false,
        bedsMode: false,
        missing: ['WOMEN'],
        figures: [{ population: 'FAMILIES', totalBeds: 12, freeBeds: 12 }],
      });
      const womenMissing = await switchNow(shelterId);
      expect(womenMissing.errors![0].extensions).toMatchObject({ reason: 'BEDS_MISSING' });
      expect(womenMissing.errors![0].message).toMatch(/No bed yet for WOMEN/);
      expect(await publicShelter(shelterId)).toEqual(before);
      expect(await versionOf(shelterId)).toBe(versionBefore);

      await addBeds(await room('Mujeres'), 3, 'WOMEN');
      expect((await preview()).data!.bedsModePreview).toMatchObject({ ready: true, missing: [] });
      const switched = await switchNow(shelterId);
      expect(switched.errors).toBeUndefined();
      const after = await publicShelter(shelterId);
      expect(after.trackingMode).toBe('BEDS');
      expect([...after.populations].sort()).toEqual(['FAMILIES', 'WOMEN']);
      expect(
        after.availability.byPopulation.map((p) => [p.population, p.freeBeds, p.totalBeds]),
      ).toEqual(
        expect.arrayContaining([
          ['FAMILIES', 12, 12],
          ['WOMEN', 3, 3],
        ]),
      );
      const snapshot = await snapshotOf(shelterId);
      expect(snapshot.version).toBeGreaterThan(snapshotBefore.version);
      expect(snapshot.availability.band).toBe('SPACE');
      const again = await switchNow(shelterId);
      expect(again.errors![0].extensions).toMatchObject({ reason: 'ALREADY_BEDS_MODE' });
    });

    it('waits for the places held in counts mode: they have no bed to carry over', async () => {
      const shelterId = await countsShelter(4);
      const held = await coordinator.gql<{ placeHold: Place[] }>(HOLD, {
        input: {
          requestId: randomUUID(),
          fromShelterId: origin,
          shelterId,
          population: 'FAMILIES',
          count: 1,
        },
      });
      await roomWithBeds(shelterId, 2, ['FAMILIES', 'WOMEN']);
      const refused = await switchNow(shelterId);
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'HOLDS_WITHOUT_BEDS',
      });
      expect((await publicShelter(shelterId)).trackingMode).toBe('COUNTS');
      await coordinator.gql(CANCEL, {
        input: { requestId: randomUUID(), holdId: held.data!.placeHold[0].holdId },
      });
      expect((await switchNow(shelterId)).errors).toBeUndefined();
      expect((await publicShelter(shelterId)).trackingMode).toBe('BEDS');
    });

    it('waits for people checked in without a bed: move puts each into a bed, then it switches', async () => {
      const shelterId = await countsShelter(5);
      const family = await familyAtOrigin(['Lia Pierre', 'Max Pierre', 'Noa Pierre']);
      const sent = await transfer({ householdId: family.householdId, toShelterId: shelterId });
      const arrived = await coordinator.gql(CHECK_IN, {
        input: {
          requestId: randomUUID(),
          shelterId,
          residentIds: family.ids,
          holdId: sent.data!.transfer[0].holdId,
        },
      });
      expect(arrived.errors).toBeUndefined();
      const beds = await roomWithBeds(shelterId, 4, ['FAMILIES', 'WOMEN']);
      // In beds mode they would occupy no bed, and their beds would be given again.
      const refused = await switchNow(shelterId);
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'STAYS_WITHOUT_BEDS',
        fields: ['input.shelterId'],
      });
      expect(refused.errors![0].message).toMatch(/3 people .* move each of them into a bed/);
      expect((await publicShelter(shelterId)).trackingMode).toBe('COUNTS');
      const preview = async () =>
        (
          await coordinator.gql<{
            bedsModePreview: { ready: boolean; holdsWithoutBeds: number; staysWithoutBeds: number };
          }>(
            'query($s: ID!) { bedsModePreview(shelterId: $s) { ready holdsWithoutBeds staysWithoutBeds } }',
            { s: shelterId },
          )
        ).data!.bedsModePreview;
      expect(await preview()).toEqual({ ready: false, holdsWithoutBeds: 0, staysWithoutBeds: 3 });

      for (const [i, residentId] of family.ids.entries()) {
        const moved = await coordinator.gql(
          'mutation($input: MoveInput!) { move(input: $input) { id } }',
          { input: { requestId: randomUUID(), residentId, bedId: beds.FAMILIES[i] } },
        );
        expect(moved.errors).toBeUndefined();
      }
      expect((await openStays(family.ids)).map((s) => s.bed_id).sort()).toEqual(
        beds.FAMILIES.slice(0, 3).sort(),
      );
      expect(await preview()).toEqual({ ready: true, holdsWithoutBeds: 0, staysWithoutBeds: 0 });
      expect((await switchNow(shelterId)).errors).toBeUndefined();
      const after = await publicShelter(shelterId);
      expect(after.trackingMode).toBe('BEDS');
      // Their beds are taken: 1 of 4 family beds free.
      expect(freeOf(after, 'FAMILIES')).toBe(1);
    });
  });
});
