import { randomUUID } from 'node:crypto';
import { healthServiceRow } from './factories/referral.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { captureLogs } from './helpers/log-capture.js';
import { type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.js';

// Canaries: none of them may reach a log line, an unsealed column or a public surface.
const REASON = 'Canario-motivo-7731 dolor toracico';
const NOTE = 'Canario-nota-5519 sala 3';
const PLACE = 'Canario-lugar-2208 consultorio 4';
const NAME = 'Canariana Pierre';

export const REFERRAL_FIELDS = `id reference version access state urgency emergencyInstruction bedNotAffected
  residentId alias sexAtBirth ageBracket languages population shelterId fromShelterId fieldVisit serviceId
  serviceName category reason reasonShared interpreterLanguage needsEscort needsTransport basis
  basisBy consentLanguage shares capacityOverride createdAt sentAt answerDueAt answeredAt
  rejectReason scheduledFor place outcome notCompletedReason note completedAt closedAt overrideTargets`;

type View = Record<string, unknown> & { id: string; version: number; state: string | null };

const M = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${REFERRAL_FIELDS} } }`;
const CREATE = M('createReferral', 'CreateReferralInput');
const SEND = M('sendReferral', 'SendReferralInput');
const ACCEPT = M('acceptReferral', 'AcceptReferralInput');
const REJECT = M('rejectReferral', 'RejectReferralInput');
const SCHEDULE = M('scheduleReferral', 'ScheduleReferralInput');
const OUTCOME = M('recordReferralOutcome', 'ReferralOutcomeInput');
const NOT_COMPLETED = M('referralNotCompleted', 'ReferralNotCompletedInput');
const CLOSE = M('closeReferral', 'CloseReferralInput');
const CANCEL = M('cancelReferral', 'CancelReferralInput');
const OVERRIDE = M('overrideReferral', 'OverrideReferralInput');
const ONE = `query($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`;
const HISTORY = `query($id: ID!) { referralHistory(id: $id) { fromState toState detail note byUserId at } }`;

describe('Health referrals: the loop (e2e)', () => {
  let app: TestApp;
  let logLines: string[];
  let shelterA: string;
  let shelterB: string;
  let clinicA: string;
  let clinicB: string;
  let fullClinic: string;
  let health: Person;
  let healthB: Person;
  let coordinator: Person;
  let volunteer: Person;
  let staffA: Person;
  let staffB: Person;
  let residentId: string;
  let residentB: string;

  const register = async (shelterId: string, by: Person, name: string) => {
    const result = await by.gql<{ registerHousehold: { members: { id: string }[] } }>(REGISTER, {
      input: householdInput(shelterId, [adult(name)], { confirmNew: true }),
    });
    if (!result.data) {
      throw new Error(`registerHousehold failed: ${JSON.stringify(result.errors)}`);
    }
    return result.data.registerHousehold.members[0].id;
  };

  const input = (over: Record<string, unknown> = {}) => ({
    requestId: randomUUID(),
    shelterId: shelterA,
    residentId,
    serviceId: clinicA,
    category: 'ACUTE_ILLNESS',
    urgency: 'URGENT',
    reason: REASON,
    interpreterLanguage: 'ht',
    needsEscort: true,
    consent: { basis: 'CONSENT', language: 'ht', shares: [] },
    ...over,
  });

  const ok = <T>(result: GraphQLResponse<T>): T => {
    if (!result.data || result.errors) {
      throw new Error(JSON.stringify(result.errors));
    }
    return result.data;
  };
  const create = async (over: Record<string, unknown> = {}) =>
    ok(await health.gql<{ createReferral: View }>(CREATE, { input: input(over) })).createReferral;
  const act = async (who: Person, query: string, name: string, fields: Record<string, unknown>) =>
    ok(
      await who.gql<Record<string, View>>(query, {
        input: { requestId: randomUUID(), ...fields },
      }),
    )[name];
  const refused = (result: GraphQLResponse<unknown>): Record<string, unknown> =>
    (result.errors?.[0]?.extensions as Record<string, unknown> | undefined) ?? {};
  const counts = async () =>
    (
      await app.sql<{ r: number; e: number }>(
        'SELECT (SELECT count(*)::int FROM referral) AS r, (SELECT count(*)::int FROM referral_event) AS e',
      )
    )[0];

  beforeAll(async () => {
    const logs = captureLogs();
    logLines = logs.lines;
    app = await startTestApp({}, logs.logger);
    shelterA = await shelterFor(app, { name: 'Referencias A' });
    shelterB = await shelterFor(app, { name: 'Referencias B' });
    clinicA = await healthServiceRow(app, { name: 'Clínica A', languages: ['es', 'ht'] });
    clinicB = await healthServiceRow(app, { name: 'Clínica B' });
    fullClinic = await healthServiceRow(app, { capacityStatus: 'not_accepting' });
    health = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: shelterA });
    healthB = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: shelterB });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterA });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterA });
    staffA = await serviceStaffAt(app, clinicA);
    staffB = await serviceStaffAt(app, clinicB);
    residentId = await register(shelterA, coordinator, NAME);
    const coordinatorB = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterB });
    residentB = await register(shelterB, coordinatorB, 'Otra Persona');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the loop end to end, each role reading what the role table says', async () => {
    const subjects = ok(
      await health.gql<{ referralSubjects: { id: string; alias: string }[] }>(
        'query($s: ID!) { referralSubjects(shelterId: $s) { id alias ageBracket languages population } }',
        { s: shelterA },
      ),
    ).referralSubjects;
    expect(subjects).toContainEqual(
      expect.objectContaining({ id: residentId, alias: 'Canariana' }),
    );

    const sent = await create();
    expect(sent).toMatchObject({
      access: 'HEALTH',
      state: 'SENT',
      reason: REASON,
      residentId,
      alias: 'Canariana',
      languages: ['ht', 'fr'],
      basis: 'CONSENT',
      basisBy: health.userId,
      consentLanguage: 'ht',
      fieldVisit: false,
      emergencyInstruction: null,
      // The referrer's corrections from SENT, as override enforces them (the console offers these).
      overrideTargets: ['COMPLETED', 'NOT_COMPLETED', 'CANCELLED'],
    });
    expect(sent.bedNotAffected).toMatch(/never affects the person's bed/);
    const due = new Date(sent.answerDueAt as string).getTime();
    expect(due - new Date(sent.sentAt as string).getTime()).toBe(24 * 3_600_000);

    // Clinic B's staff neither see nor act on clinic A's referral.
    expect(refused(await staffB.gql(ONE, { id: sent.id })).code).toBe('FORBIDDEN');
    const foreign = await staffB.gql(ACCEPT, {
      input: { requestId: randomUUID(), referralId: sent.id },
    });
    expect(refused(foreign).code).toBe('FORBIDDEN');
    const inboxB = ok(
      await staffB.gql<{ serviceReferrals: View[] }>(
        `query($s: ID!) { serviceReferrals(serviceId: $s) { id } }`,
        { s: clinicB },
      ),
    ).serviceReferrals;
    expect(inboxB.map((r) => r.id)).not.toContain(sent.id);
    // Nor do health workers of another shelter.
    expect(refused(await healthB.gql(ONE, { id: sent.id })).code).toBe('FORBIDDEN');

    // Clinic A's inbox: the alias and needs, never the resident id, the reason not shared.
    const inbox = ok(
      await staffA.gql<{ serviceReferrals: View[] }>(
        `query($s: ID!) { serviceReferrals(serviceId: $s, states: [SENT]) { ${REFERRAL_FIELDS} } }`,
        { s: clinicA },
      ),
    ).serviceReferrals;
    // The consent does not share the name: the service knows the person by the short reference.
    expect(inbox.find((r) => r.id === sent.id)).toMatchObject({
      access: 'SERVICE',
      alias: null,
      reference: sent.id.slice(0, 8),
      residentId: null,
      reason: null,
      reasonShared: false,
      interpreterLanguage: 'ht',
      needsEscort: true,
    });

    const accepted = await act(staffA, ACCEPT, 'acceptReferral', {
      referralId: sent.id,
      version: sent.version,
    });
    expect(accepted).toMatchObject({ state: 'ACCEPTED', version: sent.version + 1 });
    const when = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const scheduled = await act(staffA, SCHEDULE, 'scheduleReferral', {
      referralId: sent.id,
      scheduledFor: when,
      place: PLACE,
    });
    expect(scheduled).toMatchObject({ state: 'SCHEDULED', scheduledFor: when, place: PLACE });

    // A coordinator: the state and dates, never the reason, category or service.
    const seenByCoordinator = ok(
      await coordinator.gql<{ referral: View }>(ONE, { id: sent.id }),
    ).referral;
    expect(seenByCoordinator).toMatchObject({
      access: 'STATE',
      state: 'SCHEDULED',
      residentId,
      scheduledFor: when,
      reason: null,
      category: null,
      serviceId: null,
      serviceName: null,
      place: null,
    });
    expect(JSON.stringify(seenByCoordinator)).not.toContain('Canario');
    const coordinatorList = ok(
      await coordinator.gql<{ referralsOf: View[] }>(
        `query($s: ID!) { referralsOf(shelterId: $s) { ${REFERRAL_FIELDS} } }`,
        { s: shelterA },
      ),
    ).referralsOf;
    expect(JSON.stringify(coordinatorList)).not.toMatch(/Canario-motivo|ACUTE_ILLNESS|Clínica/);

    // A volunteer: when and where, because an escort is needed; nothing else.
    const seenByVolunteer = ok(
      await volunteer.gql<{ referral: View }>(ONE, { id: sent.id }),
    ).referral;
    const shown = Object.entries(seenByVolunteer)
      .filter(([, value]) => value !== null)
      .map(([key]) => key)
      .sort();
    expect(shown).toEqual([
      'access',
      'bedNotAffected',
      'id',
      'needsEscort',
      'place',
      'reference',
      'scheduledFor',
      'version',
    ]);

    const done = await act(staffA, OUTCOME, 'recordReferralOutcome', {
      referralId: sent.id,
      outcome: 'TREATED',
      note: NOTE,
    });
    expect(done).toMatchObject({ state: 'COMPLETED', outcome: 'TREATED', note: NOTE });
    // The outcome's code reaches the referrer; the service's words only if the consent shares them.
    const seenByReferrer = ok(await health.gql<{ referral: View }>(ONE, { id: sent.id })).referral;
    expect(seenByReferrer).toMatchObject({ outcome: 'TREATED', note: null });
    // Closing is the referrer's, not the service's.
    const byService = await staffA.gql(CLOSE, {
      input: { requestId: randomUUID(), referralId: sent.id },
    });
    expect(refused(byService).code).toBe('FORBIDDEN');
    const closed = await act(health, CLOSE, 'closeReferral', { referralId: sent.id });
    expect(closed).toMatchObject({ state: 'CLOSED', outcome: 'TREATED' });

    const history = ok(
      await health.gql<{ referralHistory: { toState: string; detail: string | null }[] }>(HISTORY, {
        id: sent.id,
      }),
    ).referralHistory;
    expect(history.map((e) => e.toState)).toEqual([
      'DRAFT',
      'SENT',
      'ACCEPTED',
      'SCHEDULED',
      'COMPLETED',
      'CLOSED',
    ]);
    expect(history[0].detail).toBe('created:bed_not_affected');

    // Each reason read by the health worker left an audit row: ids and purpose only.
    const audits = await app.sql<{ actor_id: string; detail: string }>(
      `SELECT actor_id, detail FROM audit_entry WHERE action = 'referral.reason.read' AND target_id = $1`,
      [sent.id],
    );
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.every((a) => a.actor_id === health.userId)).toBe(true);
    expect(JSON.stringify(audits)).not.toContain('Canario');
  });

  it('service staff read the reason only when the consent shares it, and that read is audited', async () => {
    const shared = await create({
      consent: { basis: 'CONSENT', language: 'ht', shares: ['REASON_WITH_SERVICE'] },
    });
    const seen = ok(await staffA.gql<{ referral: View }>(ONE, { id: shared.id })).referral;
    expect(seen).toMatchObject({ reason: REASON, reasonShared: true, residentId: null });
    const [{ n }] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry
        WHERE action = 'referral.reason.read' AND target_id = $1 AND actor_id = $2`,
      [shared.id, staffA.userId],
    );
    expect(n).toBe(1);
  });

  it('the shares decide the name for the service and its words for the shelter', async () => {
    const shared = await create({
      consent: {
        basis: 'CONSENT',
        language: 'ht',
        shares: ['NAME_WITH_SERVICE', 'OUTCOME_WITH_SHELTER'],
      },
    });
    const seen = ok(await staffA.gql<{ referral: View }>(ONE, { id: shared.id })).referral;
    expect(seen).toMatchObject({ alias: 'Canariana', reference: shared.id.slice(0, 8) });
    await act(staffA, REJECT, 'rejectReferral', {
      referralId: shared.id,
      reason: 'OTHER',
      note: NOTE,
    });
    const back = ok(await health.gql<{ referral: View }>(ONE, { id: shared.id })).referral;
    expect(back).toMatchObject({ rejectReason: 'OTHER', note: NOTE });
    // Without OUTCOME_WITH_SHELTER: the reject reason's code, never the service's words.
    const unshared = await create();
    await act(staffA, REJECT, 'rejectReferral', {
      referralId: unshared.id,
      reason: 'OTHER',
      note: NOTE,
    });
    const quiet = ok(await health.gql<{ referral: View }>(ONE, { id: unshared.id })).referral;
    expect(quiet).toMatchObject({ state: 'REJECTED', rejectReason: 'OTHER', note: null });
    // Under vital interest nothing but the short reference (and the reason) reaches the service.
    const vital = await create({
      urgency: 'EMERGENCY',
      consent: { basis: 'VITAL_INTEREST', shares: ['NAME_WITH_SERVICE'] },
    });
    const vitalSeen = ok(await staffA.gql<{ referral: View }>(ONE, { id: vital.id })).referral;
    expect(vitalSeen).toMatchObject({
      alias: null,
      reference: vital.id.slice(0, 8),
      reason: REASON,
    });
  });

  it('bad input and narrow reads: blanks, dates, drafts, closed cases, history details', async () => {
    const before = await counts();
    const draft = await create({ consent: undefined, send: false });
    const sent = await create();
    const accepted = await create();
    await act(staffA, ACCEPT, 'acceptReferral', { referralId: accepted.id });
    const afterSetup = await counts();
    const day = 86_400_000;
    const schedule = (at: number) =>
      staffA.gql(SCHEDULE, {
        input: {
          requestId: randomUUID(),
          referralId: accepted.id,
          scheduledFor: new Date(Date.now() + at).toISOString(),
        },
      });
    const cases: [string, GraphQLResponse<unknown>, Record<string, unknown>][] = [
      [
        'a reason of spaces',
        await health.gql(CREATE, { input: input({ reason: '   ' }) }),
        { code: 'BAD_USER_INPUT', fields: ['input.reason'] },
      ],
      [
        'a cancel reason of spaces',
        await health.gql(CANCEL, {
          input: { requestId: randomUUID(), referralId: sent.id, reason: ' \n ' },
        }),
        { code: 'BAD_USER_INPUT', fields: ['input.reason'] },
      ],
      [
        'an appointment two days ago',
        await schedule(-2 * day),
        { reason: 'DATE_OUT_OF_RANGE', fields: ['input.scheduledFor'] },
      ],
      [
        'an appointment two years ahead',
        await schedule(730 * day),
        { reason: 'DATE_OUT_OF_RANGE', fields: ['input.scheduledFor'] },
      ],
      [
        'a no-show of what was never scheduled',
        await staffA.gql(NOT_COMPLETED, {
          input: { requestId: randomUUID(), referralId: accepted.id, reason: 'NO_SHOW' },
        }),
        { reason: 'TRANSITION_NOT_ALLOWED', fields: ['input.reason'] },
      ],
      [
        'the service acting on a draft, with a stale version',
        await staffA.gql(ACCEPT, {
          input: { requestId: randomUUID(), referralId: draft.id, version: 99 },
        }),
        { reason: 'REFERRAL_NOT_FOUND' },
      ],
    ];
    for (const [what, result, expected] of cases) {
      expect([what, refused(result)]).toEqual([what, expect.objectContaining(expected)]);
    }
    expect(JSON.stringify(cases.map(([, r]) => r))).not.toMatch(/draft/i);
    expect(await counts()).toEqual(afterSetup);
    expect(before).not.toEqual(afterSetup);

    // A person of another shelter is not read (nor audited) before the shelter is checked.
    const [{ n: readsBefore }] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE target_id = $1 AND actor_id = $2`,
      [residentB, health.userId],
    );
    expect(
      refused(await health.gql(CREATE, { input: input({ residentId: residentB }) })),
    ).toMatchObject({ reason: 'SUBJECT_NOT_HERE' });
    const [{ n: readsAfter }] = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE target_id = $1 AND actor_id = $2`,
      [residentB, health.userId],
    );
    expect(readsAfter).toBe(readsBefore);

    // A resident whose case is closed is not referable.
    const gone = await register(shelterA, coordinator, 'Caso Cerrado');
    await app.sql(
      `UPDATE resident SET case_status = 'departed', case_closed_at = now() WHERE id = $1`,
      [gone],
    );
    expect(refused(await health.gql(CREATE, { input: input({ residentId: gone }) }))).toMatchObject(
      { reason: 'SUBJECT_NOT_HERE', fields: ['input.residentId'] },
    );

    // Coordinators read the history's states, not its details.
    const history = ok(
      await coordinator.gql<{ referralHistory: { detail: string | null; note: string | null }[] }>(
        HISTORY,
        { id: sent.id },
      ),
    ).referralHistory;
    expect(history.length).toBeGreaterThan(1);
    expect(history.every((e) => e.detail === null && e.note === null)).toBe(true);

    // A volunteer's escorts are those still to come.
    const escorted = await create();
    await act(health, CANCEL, 'cancelReferral', { referralId: escorted.id, reason: 'ya no' });
    const escorts = ok(
      await volunteer.gql<{ referralsOf: View[] }>(
        'query($s: ID!) { referralsOf(shelterId: $s) { id } }',
        { s: shelterA },
      ),
    ).referralsOf.map((r) => r.id);
    expect(escorts).toContain(sent.id);
    expect(escorts).not.toContain(escorted.id);
    expect(refused(await volunteer.gql(ONE, { id: escorted.id })).code).toBe('NOT_FOUND');
  });

  it('a volunteer sees nothing of a referral without an escort', async () => {
    const quiet = await create({ needsEscort: false });
    expect(refused(await volunteer.gql(ONE, { id: quiet.id })).code).toBe('NOT_FOUND');
    const list = ok(
      await volunteer.gql<{ referralsOf: View[] }>(
        'query($s: ID!) { referralsOf(shelterId: $s) { id } }',
        { s: shelterA },
      ),
    ).referralsOf;
    expect(list.map((r) => r.id)).not.toContain(quiet.id);
  });

  it('a no-show is rescheduled and keeps its history', async () => {
    const sent = await create();
    await act(staffA, ACCEPT, 'acceptReferral', { referralId: sent.id });
    await act(staffA, SCHEDULE, 'scheduleReferral', {
      referralId: sent.id,
      scheduledFor: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const missed = await act(staffA, NOT_COMPLETED, 'referralNotCompleted', {
      referralId: sent.id,
      reason: 'NO_SHOW',
    });
    expect(missed).toMatchObject({ state: 'NOT_COMPLETED', notCompletedReason: 'NO_SHOW' });
    const again = await act(staffA, SCHEDULE, 'scheduleReferral', {
      referralId: sent.id,
      scheduledFor: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(again).toMatchObject({ state: 'SCHEDULED', notCompletedReason: null });
    const history = ok(
      await health.gql<{
        referralHistory: { fromState: string; toState: string; detail: string }[];
      }>(HISTORY, { id: sent.id }),
    ).referralHistory;
    expect(history.map((e) => [e.toState, e.detail])).toEqual([
      ['DRAFT', 'created:bed_not_affected'],
      ['SENT', null],
      ['ACCEPTED', null],
      ['SCHEDULED', null],
      ['NOT_COMPLETED', 'no_show'],
      ['SCHEDULED', 'rescheduled'],
    ]);
  });

  it('an emergency under vital interest is sent at once, not waiting on acceptance', async () => {
    const emergency = await create({
      urgency: 'EMERGENCY',
      consent: { basis: 'VITAL_INTEREST' },
    });
    expect(emergency).toMatchObject({
      state: 'SENT',
      basis: 'VITAL_INTEREST',
      basisBy: health.userId,
      consentLanguage: null,
      answerDueAt: null,
    });
    expect(emergency.emergencyInstruction).toMatch(/911/);
    const history = ok(
      await health.gql<{ referralHistory: { toState: string; detail: string }[] }>(HISTORY, {
        id: emergency.id,
      }),
    ).referralHistory;
    expect(history[1]).toMatchObject({ toState: 'SENT', detail: 'emergency:vital_interest' });
    // Vital interest is for emergencies only.
    const before = await counts();
    const urgent = await health.gql(CREATE, {
      input: input({ urgency: 'URGENT', consent: { basis: 'VITAL_INTEREST' } }),
    });
    expect(refused(urgent)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CONSENT_REQUIRED',
      fields: ['input.consent.basis'],
    });
    expect(await counts()).toEqual(before);
  });

  it('without consent a referral stays a draft and cannot be sent', async () => {
    const before = await counts();
    const refusedSend = await health.gql(CREATE, { input: input({ consent: undefined }) });
    expect(refused(refusedSend)).toMatchObject({
      reason: 'CONSENT_REQUIRED',
      fields: ['input.consent'],
    });
    expect(await counts()).toEqual(before);
    const draft = await create({ consent: undefined, send: false });
    expect(draft).toMatchObject({ state: 'DRAFT', sentAt: null, consentLanguage: null });
    // Nor does an override send it.
    const forced = await health.gql(OVERRIDE, {
      input: { requestId: randomUUID(), referralId: draft.id, toState: 'SENT', reason: 'prisa' },
    });
    expect(refused(forced)).toMatchObject({
      reason: 'TRANSITION_NOT_ALLOWED',
      fields: ['input.toState'],
    });
    // The service does not see a draft.
    expect(refused(await staffA.gql(ONE, { id: draft.id })).code).toBe('NOT_FOUND');
    const notYet = await health.gql(SEND, {
      input: { requestId: randomUUID(), referralId: draft.id },
    });
    expect(refused(notYet)).toMatchObject({
      reason: 'CONSENT_REQUIRED',
      fields: ['input.consent'],
    });
    const sent = await act(health, SEND, 'sendReferral', {
      referralId: draft.id,
      consent: { basis: 'CONSENT', language: 'es', shares: ['OUTCOME_WITH_SHELTER'] },
    });
    expect(sent).toMatchObject({ state: 'SENT', consentLanguage: 'es' });
  });

  it('a service that is not accepting needs a capacity override', async () => {
    const before = await counts();
    const full = await health.gql(CREATE, { input: input({ serviceId: fullClinic }) });
    expect(refused(full)).toMatchObject({
      reason: 'CAPACITY_OVERRIDE_REQUIRED',
      fields: ['input.capacityOverride'],
    });
    expect(await counts()).toEqual(before);
    const agreed = await create({ serviceId: fullClinic, capacityOverride: 'CALLED_AND_AGREED' });
    expect(agreed).toMatchObject({ state: 'SENT', capacityOverride: 'CALLED_AND_AGREED' });
  });

  it('bad input: a typed error naming the field, and nothing changed', async () => {
    const sent = await create();
    const before = await counts();
    const cases: [string, GraphQLResponse<unknown>, Record<string, unknown>][] = [
      [
        'a person of another shelter',
        await health.gql(CREATE, { input: input({ residentId: residentB }) }),
        { reason: 'SUBJECT_NOT_HERE', fields: ['input.residentId'] },
      ],
      [
        'a reason longer than its limit',
        await health.gql(CREATE, { input: input({ reason: 'x'.repeat(2001) }) }),
        { code: 'BAD_USER_INPUT', fields: ['input.reason'] },
      ],
      [
        'a category that does not exist',
        await health.gql(CREATE, { input: input({ category: 'WITCHCRAFT' }) }),
        { code: 'BAD_USER_INPUT' },
      ],
      [
        'a service that does not exist',
        await health.gql(CREATE, { input: input({ serviceId: randomUUID() }) }),
        { reason: 'SERVICE_NOT_FOUND', fields: ['input.serviceId'] },
      ],
      [
        'no subject',
        await health.gql(CREATE, { input: input({ residentId: undefined }) }),
        { reason: 'SUBJECT_REQUIRED', fields: ['input.residentId'] },
      ],
      [
        'a transition not allowed',
        await staffA.gql(SCHEDULE, {
          input: {
            requestId: randomUUID(),
            referralId: sent.id,
            scheduledFor: new Date().toISOString(),
          },
        }),
        { reason: 'TRANSITION_NOT_ALLOWED', fields: ['input.referralId'] },
      ],
      [
        'closing without an outcome',
        await health.gql(CLOSE, { input: { requestId: randomUUID(), referralId: sent.id } }),
        { reason: 'OUTCOME_REQUIRED' },
      ],
      [
        'a rejection as OTHER without a note',
        await staffA.gql(REJECT, {
          input: { requestId: randomUUID(), referralId: sent.id, reason: 'OTHER' },
        }),
        { reason: 'REASON_REQUIRED', fields: ['input.note'] },
      ],
      [
        'a stale version',
        await staffA.gql(ACCEPT, {
          input: { requestId: randomUUID(), referralId: sent.id, version: sent.version - 1 },
        }),
        { code: 'CONFLICT', reason: 'STALE_REFERRAL', fields: ['input.version'] },
      ],
      [
        'an override without a reason',
        await health.gql(OVERRIDE, {
          input: { requestId: randomUUID(), referralId: sent.id, toState: 'CLOSED', reason: '' },
        }),
        { code: 'BAD_USER_INPUT', fields: ['input.reason'] },
      ],
    ];
    for (const [what, result, expected] of cases) {
      expect([what, refused(result)]).toEqual([what, expect.objectContaining(expected)]);
    }
    expect(await counts()).toEqual(before);
    expect(JSON.stringify(cases)).not.toContain('Canario');
  });

  it('an override needs a reason and leaves an override row; cancelling keeps its reason sealed', async () => {
    const sent = await create();
    const overridden = await act(health, OVERRIDE, 'overrideReferral', {
      referralId: sent.id,
      toState: 'COMPLETED',
      outcome: 'TREATED',
      reason: NOTE,
    });
    expect(overridden).toMatchObject({ state: 'COMPLETED', outcome: 'TREATED' });
    const other = await create();
    const cancelled = await act(health, CANCEL, 'cancelReferral', {
      referralId: other.id,
      reason: NOTE,
    });
    expect(cancelled.state).toBe('CANCELLED');
    const history = async (id: string) =>
      ok(
        await health.gql<{ referralHistory: { toState: string; detail: string; note: string }[] }>(
          HISTORY,
          { id },
        ),
      ).referralHistory;
    expect((await history(sent.id)).slice(-1)).toEqual([
      expect.objectContaining({ toState: 'COMPLETED', detail: 'override', note: NOTE }),
    ]);
    expect((await history(other.id)).slice(-1)).toEqual([
      expect.objectContaining({ toState: 'CANCELLED', note: NOTE }),
    ]);
    // The service's staff read the history without its notes.
    const forService = ok(
      await staffA.gql<{ referralHistory: { note: string | null }[] }>(HISTORY, { id: sent.id }),
    ).referralHistory;
    expect(forService.every((e) => e.note === null)).toBe(true);
  });

  it('an override is never a way round consent, capacity, outcomes or the service', async () => {
    const override = (referralId: string, fields: Record<string, unknown>) =>
      health.gql(OVERRIDE, {
        input: { requestId: randomUUID(), referralId, reason: 'por teléfono', ...fields },
      });
    // A cancelled draft (never consented) is not sent by an override.
    const draft = await create({ consent: undefined, send: false });
    await act(health, CANCEL, 'cancelReferral', { referralId: draft.id, reason: 'no' });
    const sent = await create();
    const closed = await create();
    await act(staffA, REJECT, 'rejectReferral', { referralId: closed.id, reason: 'WRONG_SERVICE' });
    await act(health, CLOSE, 'closeReferral', { referralId: closed.id });
    const before = await counts();
    const cases: [string, GraphQLResponse<unknown>, Record<string, unknown>][] = [
      [
        'cancelled -> sent',
        await override(draft.id, { toState: 'SENT' }),
        { fields: ['input.toState'] },
      ],
      [
        'closed -> sent',
        await override(closed.id, { toState: 'SENT' }),
        { fields: ['input.toState'] },
      ],
      [
        'sent -> closed',
        await override(sent.id, { toState: 'CLOSED' }),
        { fields: ['input.toState'] },
      ],
      [
        'sent -> accepted',
        await override(sent.id, { toState: 'ACCEPTED' }),
        { fields: ['input.toState'] },
      ],
      [
        'sent -> scheduled',
        await override(sent.id, { toState: 'SCHEDULED' }),
        { fields: ['input.toState'] },
      ],
      [
        'completed without an outcome',
        await override(sent.id, { toState: 'COMPLETED' }),
        { reason: 'OUTCOME_REQUIRED', fields: ['input.outcome'] },
      ],
      [
        'not completed without a reason',
        await override(sent.id, { toState: 'NOT_COMPLETED' }),
        { reason: 'OUTCOME_REQUIRED', fields: ['input.notCompletedReason'] },
      ],
      [
        'a no-show of what was never scheduled',
        await override(sent.id, { toState: 'NOT_COMPLETED', notCompletedReason: 'NO_SHOW' }),
        { reason: 'TRANSITION_NOT_ALLOWED', fields: ['input.notCompletedReason'] },
      ],
      [
        'a blank reason',
        await override(sent.id, { toState: 'CANCELLED', reason: '   ' }),
        { code: 'BAD_USER_INPUT', fields: ['input.reason'] },
      ],
    ];
    for (const [what, result, expected] of cases) {
      expect([what, refused(result)]).toEqual([what, expect.objectContaining(expected)]);
    }
    expect(await counts()).toEqual(before);

    // Rejected for no capacity, agreed by phone: sent again through sending's own checks.
    const fullStaff = await serviceStaffAt(app, fullClinic);
    const full = await create({ serviceId: fullClinic, capacityOverride: 'CALLED_AND_AGREED' });
    await act(fullStaff, REJECT, 'rejectReferral', { referralId: full.id, reason: 'NO_CAPACITY' });
    expect(refused(await override(full.id, { toState: 'SENT' }))).toMatchObject({
      reason: 'CAPACITY_OVERRIDE_REQUIRED',
      fields: ['input.capacityOverride'],
    });
    const again = await act(health, OVERRIDE, 'overrideReferral', {
      referralId: full.id,
      toState: 'SENT',
      capacityOverride: 'CALLED_AND_AGREED',
      reason: 'llamamos: nos reciben',
    });
    expect(again).toMatchObject({ state: 'SENT', rejectReason: null, answeredAt: null });
    expect(new Date(again.sentAt as string).getTime()).toBeGreaterThan(
      new Date(full.sentAt as string).getTime(),
    );
    expect(again.answerDueAt).not.toBeNull();
  });

  it('a retried requestId acts once', async () => {
    const payload = input();
    const first = ok(await health.gql<{ createReferral: View }>(CREATE, { input: payload }));
    const before = await counts();
    const again = ok(await health.gql<{ createReferral: View }>(CREATE, { input: payload }));
    expect(again.createReferral.id).toBe(first.createReferral.id);
    expect(await counts()).toEqual(before);
    const accept = { requestId: randomUUID(), referralId: first.createReferral.id };
    const accepted = ok(await staffA.gql<{ acceptReferral: View }>(ACCEPT, { input: accept }));
    const retried = ok(await staffA.gql<{ acceptReferral: View }>(ACCEPT, { input: accept }));
    expect(retried.acceptReferral.version).toBe(accepted.acceptReferral.version);
  });

  it('an unregistered person met on a field visit', async () => {
    const met = await create({
      residentId: undefined,
      person: {
        alias: 'Canarito',
        ageBracket: 'UNDER_5',
        sexAtBirth: 'MALE',
        languages: ['es'],
        population: 'FAMILIES',
      },
      category: 'CHILD_HEALTH',
    });
    expect(met).toMatchObject({
      residentId: null,
      alias: 'Canarito',
      sexAtBirth: 'MALE',
      ageBracket: 'UNDER_5',
      fieldVisit: false,
    });
    // Sex at birth is read by the service and the health workers, each read audited; not by a coordinator.
    expect(ok(await staffA.gql<{ referral: View }>(ONE, { id: met.id })).referral).toMatchObject({
      sexAtBirth: 'MALE',
    });
    expect(
      ok(await coordinator.gql<{ referral: View }>(ONE, { id: met.id })).referral,
    ).toMatchObject({ access: 'STATE', sexAtBirth: null });
    const sexReads = await app.sql<{ actor_id: string }>(
      `SELECT actor_id FROM audit_entry WHERE action = 'referral.sexAtBirth.read' AND target_id = $1`,
      [met.id],
    );
    expect(sexReads.map((a) => a.actor_id).sort()).toEqual([health.userId, staffA.userId].sort());
    // A field team's health worker: a membership at the shelter that ends by itself.
    const fieldTeam = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: shelterA });
    await app.sql(
      `UPDATE membership SET expires_at = now() + interval '7 days' WHERE user_id = $1`,
      [fieldTeam.userId],
    );
    const onVisit = ok(
      await fieldTeam.gql<{ createReferral: View }>(CREATE, {
        input: input({
          residentId: undefined,
          person: { alias: 'Canarito', ageBracket: 'ADULT' },
        }),
      }),
    ).createReferral;
    expect(onVisit).toMatchObject({ fieldVisit: true, fromShelterId: shelterA });
  });

  it('opens and audits a reason only when the selection asks for it: lists do not', async () => {
    const one = await create({
      consent: { basis: 'CONSENT', language: 'ht', shares: ['REASON_WITH_SERVICE'] },
    });
    const two = await create({
      consent: { basis: 'CONSENT', language: 'ht', shares: ['REASON_WITH_SERVICE'] },
    });
    const ids = [one.id, two.id];
    const reads = async () =>
      (
        await app.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_entry
            WHERE action = 'referral.reason.read' AND target_id = ANY($1::text[])`,
          [ids],
        )
      )[0].n;
    const before = await reads();
    // The shelter's list and the service's inbox without `reason`: nothing opened, no row.
    const bare = 'id version state reasonShared';
    const list = ok(
      await health.gql<{ referralsOf: { id: string }[] }>(
        `query($s: ID!) { referralsOf(shelterId: $s, first: 500) { ${bare} } }`,
        { s: shelterA },
      ),
    ).referralsOf;
    expect(list.map((each) => each.id)).toEqual(expect.arrayContaining(ids));
    const inbox = ok(
      await staffA.gql<{ serviceReferrals: { id: string }[] }>(
        `query($s: ID!) { serviceReferrals(serviceId: $s, first: 500) { ${bare} } }`,
        { s: clinicA },
      ),
    ).serviceReferrals;
    expect(inbox.map((each) => each.id)).toEqual(expect.arrayContaining(ids));
    // One referral read without it: none either.
    ok(await health.gql(`query($id: ID!) { referral(id: $id) { ${bare} } }`, { id: one.id }));
    expect(await reads()).toBe(before);

    // With `reason`: one row per referral read (asked twice in one selection, still one).
    const inboxReads = async () =>
      (
        await app.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_entry
            WHERE action = 'referral.reason.read' AND actor_id = $1 AND detail = 'inbox'`,
          [staffA.userId],
        )
      )[0].n;
    const inboxBefore = await inboxReads();
    const withReason = ok(
      await staffA.gql<{ serviceReferrals: { id: string; reason: string | null }[] }>(
        `query($s: ID!) { serviceReferrals(serviceId: $s, first: 500) { id reason again: reason } }`,
        { s: clinicA },
      ),
    ).serviceReferrals;
    const mine = withReason.filter((each) => ids.includes(each.id));
    expect(mine.map((each) => each.reason)).toEqual([REASON, REASON]);
    // Every row whose reason the consent shares with the service was read, and audited once.
    const opened = withReason.filter((each) => each.reason !== null).length;
    expect(await inboxReads()).toBe(inboxBefore + opened);
    expect(await reads()).toBe(before + 2);
  });

  it('opens and audits sex at birth only when the selection asks for it: lists do not', async () => {
    const met = (alias: string, sexAtBirth: string) =>
      create({
        residentId: undefined,
        person: { alias, ageBracket: 'ADULT', sexAtBirth, languages: ['es'] },
      });
    const one = await met('Canarita Una', 'FEMALE');
    const two = await met('Canarito Dos', 'MALE');
    const ids = [one.id, two.id];
    const reads = async (actorId: string) =>
      (
        await app.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_entry
            WHERE action = 'referral.sexAtBirth.read' AND actor_id = $1
              AND target_id = ANY($2::text[])`,
          [actorId, ids],
        )
      )[0].n;
    const healthBefore = await reads(health.userId);
    const staffBefore = await reads(staffA.userId);
    // The shelter's list, the service's inbox and one referral without `sexAtBirth`: no row.
    const bare = 'id version state alias';
    const list = ok(
      await health.gql<{ referralsOf: { id: string }[] }>(
        `query($s: ID!) { referralsOf(shelterId: $s, first: 500) { ${bare} } }`,
        { s: shelterA },
      ),
    ).referralsOf;
    expect(list.map((each) => each.id)).toEqual(expect.arrayContaining(ids));
    const inbox = ok(
      await staffA.gql<{ serviceReferrals: { id: string }[] }>(
        `query($s: ID!) { serviceReferrals(serviceId: $s, first: 500) { ${bare} } }`,
        { s: clinicA },
      ),
    ).serviceReferrals;
    expect(inbox.map((each) => each.id)).toEqual(expect.arrayContaining(ids));
    ok(await staffA.gql(`query($id: ID!) { referral(id: $id) { ${bare} } }`, { id: one.id }));
    ok(
      await staffA.gql(
        `mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { ${bare} } }`,
        { input: { requestId: randomUUID(), referralId: two.id } },
      ),
    );
    expect(await reads(health.userId)).toBe(healthBefore);
    expect(await reads(staffA.userId)).toBe(staffBefore);

    // With `sexAtBirth`: one row per referral read, even when the selection names it twice.
    const inboxRows = async () =>
      (
        await app.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_entry
            WHERE action = 'referral.sexAtBirth.read' AND actor_id = $1 AND detail = 'inbox'`,
          [staffA.userId],
        )
      )[0].n;
    const inboxBefore = await inboxRows();
    const withSex = ok(
      await staffA.gql<{ serviceReferrals: { id: string; sexAtBirth: string | null }[] }>(
        `query($s: ID!) {
          serviceReferrals(serviceId: $s, first: 500) { id sexAtBirth again: sexAtBirth }
        }`,
        { s: clinicA },
      ),
    ).serviceReferrals;
    const mine = ids.map((id) => withSex.find((each) => each.id === id)?.sexAtBirth);
    expect(mine).toEqual(['FEMALE', 'MALE']);
    expect(await reads(staffA.userId)).toBe(staffBefore + 2);
    // Rows without a sealed value (registered residents) write none: one row per value read.
    const read = withSex.filter((each) => each.sexAtBirth !== null).length;
    expect(await inboxRows()).toBe(inboxBefore + read);
    const single = ok(
      await health.gql<{ referral: { sexAtBirth: string | null } }>(
        `query($id: ID!) { referral(id: $id) { id sexAtBirth } }`,
        { id: two.id },
      ),
    ).referral;
    expect(single.sexAtBirth).toBe('MALE');
    expect(await reads(health.userId)).toBe(healthBefore + 1);
    // A coordinator's selection asks for it and reads nothing: no row.
    const coordinatorBefore = await reads(coordinator.userId);
    expect(
      ok(
        await coordinator.gql<{ referral: { sexAtBirth: string | null } }>(
          `query($id: ID!) { referral(id: $id) { id sexAtBirth } }`,
          { id: two.id },
        ),
      ).referral.sexAtBirth,
    ).toBeNull();
    expect(await reads(coordinator.userId)).toBe(coordinatorBefore);
  });

  it('network roles read nothing here', async () => {
    const network = await app.gql(ONE, { id: randomUUID() });
    expect(refused(network).code).toBe('UNAUTHENTICATED');
  });

  it('canaries never reach logs, unsealed columns or public surfaces', async () => {
    const rows = await app.sql<Record<string, unknown>>('SELECT * FROM referral');
    const events = await app.sql<Record<string, unknown>>('SELECT * FROM referral_event');
    for (const row of [...rows, ...events]) {
      for (const [column, value] of Object.entries(row)) {
        if (!column.endsWith('_sealed')) {
          expect([column, JSON.stringify(value)]).not.toEqual([
            column,
            expect.stringMatching(/Canari|sala 3|consultorio/),
          ]);
        }
      }
    }
    const sealed = rows.map((row) => String(row.reason_sealed));
    expect(sealed.join()).not.toContain('Canario');
    const logs = logLines.join('\n');
    for (const canary of [REASON, NOTE, PLACE, 'Canariana', 'Canarito']) {
      expect(logs).not.toContain(canary);
    }
    const publicSurfaces = [
      await (await fetch(`${app.url}/availability.json`)).text(),
      await (await fetch(`${app.url}/text`)).text(),
      await (await fetch(`${app.url}/print`)).text(),
      await (await fetch(`${app.url}/shelters.geojson`)).text(),
      JSON.stringify(await app.gql('{ shelters(first: 50) { id name services } }')),
    ];
    for (const surface of publicSurfaces) {
      expect(surface).not.toMatch(/Canari/);
    }
  });
});
