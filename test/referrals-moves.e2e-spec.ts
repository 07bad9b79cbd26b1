import { randomUUID } from 'node:crypto';
import { ReferralRetention } from '@albergue/referrals';
import { bedsAt } from './factories/occupancy.factory.js';
import { healthServiceRow } from './factories/referral.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.js';

const REASON = 'Canario-traslado-8812 diabetes sin insulina';
const NOTE = 'Canario-nota-traslado-4410';
const ONE =
  'query($id: ID!) { referral(id: $id) { id access state shelterId fromShelterId reason notCompletedReason } }';
const CREATE =
  'mutation($input: CreateReferralInput!) { createReferral(input: $input) { id state shelterId } }';
const MOVED_ON =
  'mutation($input: CloseReferralMovedOnInput!) { closeReferralMovedOn(input: $input) { id state notCompletedReason closedAt } }';
const HISTORY = 'query($id: ID!) { referralHistory(id: $id) { fromState toState detail } }';

interface View {
  id: string;
  access: string;
  state: string;
  shelterId: string;
  reason: string | null;
  notCompletedReason: string | null;
}

describe('Health referrals when the person moves, erasure and retention (e2e)', () => {
  let app: TestApp;
  let shelterA: string;
  let shelterB: string;
  let clinic: string;
  let sender: Person;
  let receiving: Person;
  let healthA: Person;
  let healthB: Person;
  let staff: Person;

  const refused = (result: GraphQLResponse<unknown>): Record<string, unknown> =>
    (result.errors?.[0]?.extensions as Record<string, unknown> | undefined) ?? {};

  /** A man registered and checked in at A, with an open referral from A's health worker. */
  const referredAtA = async (name: string) => {
    const registered = await sender.gql<{ registerHousehold: { members: { id: string }[] } }>(
      REGISTER,
      {
        input: householdInput(shelterA, [adult(name, { population: 'MEN' })], { confirmNew: true }),
      },
    );
    const residentId = registered.data!.registerHousehold.members[0].id;
    const checked = await sender.gql(
      'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
      { input: { requestId: randomUUID(), shelterId: shelterA, residentIds: [residentId] } },
    );
    expect(checked.errors).toBeUndefined();
    const referral = await healthA.gql<{ createReferral: { id: string } }>(CREATE, {
      input: {
        requestId: randomUUID(),
        shelterId: shelterA,
        residentId,
        serviceId: clinic,
        category: 'CHRONIC_ILLNESS',
        urgency: 'ROUTINE',
        reason: REASON,
        consent: { basis: 'CONSENT', language: 'es', shares: ['REASON_WITH_SERVICE'] },
      },
    });
    expect(referral.errors).toBeUndefined();
    return { residentId, referralId: referral.data!.createReferral.id };
  };

  /** Transferred from A and checked in at B: B is the person's shelter now. */
  const moveToB = async (residentId: string) => {
    const sent = await sender.gql<{ transfer: { holdId: string }[] }>(
      'mutation($input: TransferInput!) { transfer(input: $input) { holdId } }',
      {
        input: {
          requestId: randomUUID(),
          fromShelterId: shelterA,
          toShelterId: shelterB,
          residentIds: [residentId],
        },
      },
    );
    expect(sent.errors).toBeUndefined();
    const arrived = await receiving.gql(
      'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          shelterId: shelterB,
          residentIds: [residentId],
          holdId: sent.data!.transfer[0].holdId,
        },
      },
    );
    expect(arrived.errors).toBeUndefined();
  };

  beforeAll(async () => {
    app = await startTestApp();
    shelterA = await shelterFor(app, { name: 'Traslados A', populations: ['MEN'] });
    shelterB = await shelterFor(app, { name: 'Traslados B', populations: ['MEN'] });
    sender = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterA });
    receiving = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterB });
    await bedsAt(sender, shelterA, 8);
    await bedsAt(receiving, shelterB, 8);
    healthA = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: shelterA });
    healthB = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: shelterB });
    clinic = await healthServiceRow(app);
    staff = await serviceStaffAt(app, clinic);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('an open referral follows the person to the new shelter, whose health workers see it', async () => {
    const { residentId, referralId } = await referredAtA('Pedro Traslado');
    await moveToB(residentId);
    const seenAtB = (await healthB.gql<{ referral: View }>(ONE, { id: referralId })).data!.referral;
    expect(seenAtB).toMatchObject({
      access: 'HEALTH',
      state: 'SENT',
      shelterId: shelterB,
      fromShelterId: shelterA,
      reason: REASON,
    });
    // The shelter that made it follows it no more (it may still close it as "moved on").
    expect(refused(await healthA.gql(ONE, { id: referralId })).code).toBe('FORBIDDEN');
    const history = (
      await healthB.gql<{ referralHistory: { toState: string; detail: string }[] }>(HISTORY, {
        id: referralId,
      })
    ).data!.referralHistory;
    expect(history.at(-1)).toEqual({ fromState: 'SENT', toState: 'SENT', detail: 'moved' });
    // The service goes on answering it.
    const accepted = await staff.gql(
      'mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { state } }',
      { input: { requestId: randomUUID(), referralId } },
    );
    expect(accepted.errors).toBeUndefined();
  });

  it('the referring shelter closes it as "moved on" while it may still see the person, not after', async () => {
    const first = await referredAtA('Luis Traslado');
    await moveToB(first.residentId);
    const closed = await healthA.gql<{ closeReferralMovedOn: View }>(MOVED_ON, {
      input: { requestId: randomUUID(), referralId: first.referralId },
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeReferralMovedOn).toMatchObject({
      state: 'CLOSED',
      notCompletedReason: 'MOVED_ON',
    });

    const second = await referredAtA('Juan Traslado');
    await moveToB(second.residentId);
    await app.sql(
      `UPDATE resident SET left_previous_at = now() - interval '400 days' WHERE id = $1`,
      [second.residentId],
    );
    const late = await healthA.gql(MOVED_ON, {
      input: { requestId: randomUUID(), referralId: second.referralId },
    });
    expect(refused(late).code).toBe('FORBIDDEN');
    // The shelter the person is at now may.
    const byB = await healthB.gql<{ closeReferralMovedOn: View }>(MOVED_ON, {
      input: { requestId: randomUUID(), referralId: second.referralId },
    });
    expect(byB.data!.closeReferralMovedOn.state).toBe('CLOSED');
  });

  describe('merging duplicates', () => {
    let both: Person;
    const register = async (shelterId: string, name: string) => {
      const made = await both.gql<{ registerHousehold: { members: { id: string }[] } }>(REGISTER, {
        input: householdInput(shelterId, [adult(name, { population: 'MEN', birthYear: 1987 })], {
          confirmNew: true,
        }),
      });
      expect(made.errors).toBeUndefined();
      return made.data!.registerHousehold.members[0].id;
    };
    const referFromA = async (residentId: string) => {
      const referral = await healthA.gql<{ createReferral: { id: string } }>(CREATE, {
        input: {
          requestId: randomUUID(),
          shelterId: shelterA,
          residentId,
          serviceId: clinic,
          category: 'CHRONIC_ILLNESS',
          urgency: 'ROUTINE',
          reason: REASON,
          consent: { basis: 'CONSENT', language: 'es', shares: ['REASON_WITH_SERVICE'] },
        },
      });
      expect(referral.errors).toBeUndefined();
      return referral.data!.createReferral.id;
    };
    const checkInAtB = async (residentId: string) => {
      const checked = await both.gql(
        'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
        { input: { requestId: randomUUID(), shelterId: shelterB, residentIds: [residentId] } },
      );
      expect(checked.errors).toBeUndefined();
    };
    const merge = async (keepId: string, mergedId: string) => {
      const merged = await both.gql(
        'mutation($k: ID!, $m: ID!) { mergeResidents(keepId: $k, mergeId: $m) }',
        { k: keepId, m: mergedId },
      );
      expect(merged.errors).toBeUndefined();
      expect(await app.sql('SELECT id FROM resident WHERE id = $1', [mergedId])).toHaveLength(0);
      expect(
        await app.sql('SELECT id FROM referral_event WHERE resident_id = $1', [mergedId]),
      ).toHaveLength(0);
    };
    const historyAs = async (who: Person, referralId: string) =>
      (
        await who.gql<{ referralHistory: { detail: string | null }[] }>(HISTORY, {
          id: referralId,
        })
      ).data!.referralHistory.map((row) => row.detail);

    beforeAll(async () => {
      both = await staffAt(app, { role: 'COORDINATOR', shelterIds: [shelterA, shelterB] });
    });

    it("carries the merged-away record's referrals and history to the kept one, which they follow", async () => {
      // Registered at A (no bed yet) and referred there; registered again at B and checked in.
      const mergedId = await register(shelterA, 'Wilner Duplicado');
      const referralId = await referFromA(mergedId);
      const keepId = await register(shelterB, 'Wilner Duplicado');
      await checkInAtB(keepId);
      await merge(keepId, mergedId);
      const rows = await app.sql<{ resident_id: string; shelter_id: string }>(
        'SELECT resident_id, shelter_id FROM referral WHERE id = $1',
        [referralId],
      );
      expect(rows).toEqual([{ resident_id: keepId, shelter_id: shelterB }]);
      // The kept record's shelter follows it now, reason and all; the history says what happened.
      const seenAtB = (await healthB.gql<{ referral: View }>(ONE, { id: referralId })).data!
        .referral;
      expect(seenAtB).toMatchObject({ state: 'SENT', shelterId: shelterB, reason: REASON });
      expect((await historyAs(healthB, referralId)).slice(-2)).toEqual(['merged', 'moved']);
    });

    it('leaves an open referral with its shelter when the kept record’s case is closed', async () => {
      const mergedId = await register(shelterA, 'Jocelyn Duplicado');
      const referralId = await referFromA(mergedId);
      const keepId = await register(shelterB, 'Jocelyn Duplicado');
      await checkInAtB(keepId);
      // The kept record is an old stay at B, its case closed since: the person is not there.
      await app.sql(
        `UPDATE resident SET case_status = 'departed', case_closed_at = now() WHERE id = $1`,
        [keepId],
      );
      await merge(keepId, mergedId);
      const rows = await app.sql<{ resident_id: string; shelter_id: string }>(
        'SELECT resident_id, shelter_id FROM referral WHERE id = $1',
        [referralId],
      );
      expect(rows).toEqual([{ resident_id: keepId, shelter_id: shelterA }]);
      expect((await historyAs(healthA, referralId)).at(-1)).toBe('merged');
    });
  });

  it("erasing the resident empties the referral's sealed fields and keeps the counts", async () => {
    const { residentId, referralId } = await referredAtA('Mario Borrado');
    const cancel = await healthA.gql(
      'mutation($input: CancelReferralInput!) { cancelReferral(input: $input) { state } }',
      { input: { requestId: randomUUID(), referralId, reason: NOTE } },
    );
    expect(cancel.errors).toBeUndefined();
    const before = await app.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM referral_event WHERE referral_id = $1',
      [referralId],
    );
    const erased = await sender.gql('mutation($id: ID!) { eraseResident(id: $id) { id } }', {
      id: residentId,
    });
    expect(erased.errors).toBeUndefined();
    const [row] = await app.sql<Record<string, string | null>>(
      'SELECT alias_sealed, reason_sealed, place_sealed, note_sealed, state FROM referral WHERE id = $1',
      [referralId],
    );
    expect(row).toEqual({
      alias_sealed: null,
      reason_sealed: null,
      place_sealed: null,
      note_sealed: null,
      state: 'cancelled',
    });
    const events = await app.sql<{ note_sealed: string | null }>(
      'SELECT note_sealed FROM referral_event WHERE referral_id = $1',
      [referralId],
    );
    expect(events).toHaveLength(before[0].n);
    expect(events.every((e) => e.note_sealed === null)).toBe(true);
  });

  it('erasing a resident cancels their open referral at once, and nothing more is written', async () => {
    const { residentId, referralId } = await referredAtA('Marta Abierta');
    const service = (query: string, input: Record<string, unknown>) =>
      staff.gql(query, { input: { requestId: randomUUID(), referralId, ...input } });
    expect(
      (
        await service(
          'mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { id } }',
          {},
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await service(
          'mutation($input: ScheduleReferralInput!) { scheduleReferral(input: $input) { id } }',
          { scheduledFor: new Date(Date.now() + 86_400_000).toISOString(), place: NOTE },
        )
      ).errors,
    ).toBeUndefined();
    const erased = await sender.gql('mutation($id: ID!) { eraseResident(id: $id) { id } }', {
      id: residentId,
    });
    expect(erased.errors).toBeUndefined();
    const [row] = await app.sql<Record<string, string | null>>(
      `SELECT state, alias_sealed, sex_at_birth_sealed, reason_sealed, place_sealed, note_sealed
         FROM referral WHERE id = $1`,
      [referralId],
    );
    expect(row).toEqual({
      state: 'cancelled',
      alias_sealed: null,
      sex_at_birth_sealed: null,
      reason_sealed: null,
      place_sealed: null,
      note_sealed: null,
    });
    const events = await app.sql<{
      to_state: string;
      detail: string | null;
      note_sealed: string | null;
    }>(
      'SELECT to_state, detail, note_sealed FROM referral_event WHERE referral_id = $1 ORDER BY at, id',
      [referralId],
    );
    expect(events.at(-1)).toEqual({ to_state: 'cancelled', detail: 'erased', note_sealed: null });
    expect(events.every((e) => e.note_sealed === null)).toBe(true);
    // A later write of the service's is refused, and seals nothing.
    const late = await service(
      'mutation($input: ReferralOutcomeInput!) { recordReferralOutcome(input: $input) { id } }',
      { outcome: 'TREATED', note: NOTE },
    );
    expect(refused(late)).toMatchObject({ code: 'CONFLICT', reason: 'SUBJECT_ERASED' });
    const [after] = await app.sql<{ note_sealed: string | null; state: string }>(
      'SELECT note_sealed, state FROM referral WHERE id = $1',
      [referralId],
    );
    expect(after).toEqual({ note_sealed: null, state: 'cancelled' });
  });

  it("an unregistered person's closed referral loses its sealed text after RETENTION_DAYS", async () => {
    const made = await healthA.gql<{ createReferral: { id: string } }>(CREATE, {
      input: {
        requestId: randomUUID(),
        shelterId: shelterA,
        person: { alias: 'Canarita', ageBracket: 'ADULT', sexAtBirth: 'FEMALE' },
        serviceId: clinic,
        category: 'MATERNAL_HEALTH',
        urgency: 'ROUTINE',
        reason: REASON,
        consent: { basis: 'CONSENT', language: 'es' },
      },
    });
    const old = made.data!.createReferral.id;
    const recent = (
      await healthA.gql<{ createReferral: { id: string } }>(CREATE, {
        input: {
          requestId: randomUUID(),
          shelterId: shelterA,
          person: { alias: 'Canarita Dos', ageBracket: 'ADULT' },
          serviceId: clinic,
          category: 'MATERNAL_HEALTH',
          urgency: 'ROUTINE',
          reason: REASON,
          consent: { basis: 'CONSENT', language: 'es' },
        },
      })
    ).data!.createReferral.id;
    for (const referralId of [old, recent]) {
      const cancelled = await healthA.gql(
        'mutation($input: CancelReferralInput!) { cancelReferral(input: $input) { state } }',
        { input: { requestId: randomUUID(), referralId, reason: NOTE } },
      );
      expect(cancelled.errors).toBeUndefined();
    }
    await app.sql(`UPDATE referral SET closed_at = now() - interval '5000 days' WHERE id = $1`, [
      old,
    ]);
    const retention = app.app.get(ReferralRetention);
    expect(await retention.emptyExpired()).toBe(1);
    const rows = await app.sql<{
      id: string;
      reason_sealed: string | null;
      alias_sealed: string | null;
      sex_at_birth_sealed: string | null;
      state: string;
    }>(
      'SELECT id, reason_sealed, alias_sealed, sex_at_birth_sealed, state FROM referral WHERE id = ANY($1)',
      [[old, recent]],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(old)).toMatchObject({
      reason_sealed: null,
      alias_sealed: null,
      sex_at_birth_sealed: null,
      state: 'cancelled',
    });
    expect(byId.get(recent)!.reason_sealed).not.toBeNull();
    const notes = await app.sql<{ note_sealed: string | null }>(
      'SELECT note_sealed FROM referral_event WHERE referral_id = $1',
      [old],
    );
    expect(notes.length).toBeGreaterThan(1);
    expect(notes.every((n) => n.note_sealed === null)).toBe(true);
    expect(await retention.emptyExpired()).toBe(0);
  });

  it("an unregistered person's referral left open past RETENTION_DAYS is cancelled and emptied", async () => {
    const made = async (send: boolean) =>
      (
        await healthA.gql<{ createReferral: { id: string } }>(CREATE, {
          input: {
            requestId: randomUUID(),
            shelterId: shelterA,
            person: { alias: 'Canario Abierto', ageBracket: 'ADULT', sexAtBirth: 'MALE' },
            serviceId: clinic,
            category: 'ACUTE_ILLNESS',
            urgency: 'ROUTINE',
            reason: REASON,
            ...(send ? { consent: { basis: 'CONSENT', language: 'es' } } : { send: false }),
          },
        })
      ).data!.createReferral.id;
    const draft = await made(false);
    const sent = await made(true);
    const fresh = await made(true);
    // Back-dated past the stamp trigger (migration StampReferralChanges), which would otherwise
    // set updated_at to now: one transaction, the trigger off for its length only.
    await app.sql(`BEGIN;
      ALTER TABLE referral DISABLE TRIGGER referral_stamp;
      UPDATE referral SET updated_at = now() - interval '5000 days' WHERE id IN ('${draft}', '${sent}');
      ALTER TABLE referral ENABLE TRIGGER referral_stamp;
      COMMIT;`);
    const retention = app.app.get(ReferralRetention);
    expect(await retention.emptyExpired()).toBe(2);
    const rows = await app.sql<Record<string, string | null>>(
      `SELECT id, state, alias_sealed, sex_at_birth_sealed, reason_sealed FROM referral
        WHERE id = ANY($1) ORDER BY id`,
      [[draft, sent]],
    );
    for (const row of rows) {
      expect(row).toMatchObject({
        state: 'cancelled',
        alias_sealed: null,
        sex_at_birth_sealed: null,
        reason_sealed: null,
      });
    }
    const events = await app.sql<{ detail: string | null; by_user_id: string | null }>(
      `SELECT detail, by_user_id FROM referral_event WHERE referral_id = ANY($1) AND to_state = 'cancelled'`,
      [[draft, sent]],
    );
    expect(events).toEqual([
      { detail: 'retention', by_user_id: null },
      { detail: 'retention', by_user_id: null },
    ]);
    const [kept] = await app.sql<{ state: string; reason_sealed: string | null }>(
      'SELECT state, reason_sealed FROM referral WHERE id = $1',
      [fresh],
    );
    expect(kept.state).toBe('sent');
    expect(kept.reason_sealed).not.toBeNull();
    expect(await retention.emptyExpired()).toBe(0);
  });
});
