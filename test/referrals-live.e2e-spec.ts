import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ReferralsNotifier } from '@albergue/referrals';
import { Vault } from '@albergue/vault';
import { healthServiceRow, referralRow } from './factories/referral.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { type OwnDatabase, ownDatabase } from './helpers/own-database.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { adminOf, startTestApp, type TestApp } from './helpers/test-app.js';

interface Notice {
  id: string;
  version: number;
  state: string;
  shelterId: string;
  serviceId?: string;
  overdue: boolean;
}

const CANARY_REASON = 'CANARY-REASON-7f3a dolor pélvico';
const CANARY_ALIAS = 'CANARY-ALIAS-91c2';
const CANARY_PLACE = 'CANARY-PLACE-hidden';

interface Due {
  id: string;
  residentId: string;
  residentName: string | null;
  kind: string;
  place: string | null;
  escort: boolean;
}

const DUE = `query($s: ID!) { appointmentsDue(shelterId: $s, hours: 12) {
  id residentId residentName kind startsAt place outcome notes escort } }`;

/**
 * Referrals live on /staff, with two API instances on one database: a change committed anywhere
 * (here: rows written as the lib writes them, and SQL) reaches the following shelter's health
 * workers and coordinators and the service's staff on both instances, ids and state only; the
 * overdue job marks a referral once and every socket hears it once; volunteers, other shelters'
 * health workers and other services' staff hear nothing.
 */
describe('Referrals live on /staff (e2e)', () => {
  let database: OwnDatabase;
  let first: TestApp;
  let second: TestApp;
  let shelterId: string;
  let otherShelterId: string;
  let serviceId: string;
  let otherServiceId: string;
  let health: Person;
  let coordinator: Person;
  let volunteer: Person;
  let serviceStaff: Person;
  let otherHealth: Person;
  let otherServiceStaff: Person;
  const sockets: TestSocket[] = [];

  const env = () => ({ DATABASE_URL: database.url, STAFF_CHECK: '200ms' });
  const screen = async (app: TestApp, person: Person) => {
    const socket = await connect(app.url, '/staff', { cookie: person.cookie });
    sockets.push(socket);
    return socket;
  };
  const heard = (socket: TestSocket, id: string) =>
    socket.received
      .filter((r) => r.event === 'referral' && (r.payload as Notice).id === id)
      .map((r) => r.payload as Notice);
  /** Several STAFF_CHECKs and notification round trips: what would come twice has had time to. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));
  const refer = (row: Partial<Parameters<typeof referralRow>[1]> = {}) =>
    referralRow(first, {
      shelterId,
      serviceId,
      createdBy: health.userId,
      reason: CANARY_REASON,
      alias: CANARY_ALIAS,
      category: 'sexual_reproductive_health',
      ...row,
    });

  beforeAll(async () => {
    database = await ownDatabase();
    first = await startTestApp(env());
    second = await startTestApp(env());
    shelterId = await shelterFor(first, { populations: ['WOMEN'] });
    otherShelterId = await shelterFor(first, { populations: ['WOMEN'] });
    serviceId = await healthServiceRow(first);
    otherServiceId = await healthServiceRow(first);
    health = await staffAt(first, { role: 'HEALTH_WORKER', shelterId });
    coordinator = await staffAt(first, { role: 'COORDINATOR', shelterId });
    volunteer = await staffAt(first, { role: 'VOLUNTEER', shelterId });
    otherHealth = await staffAt(first, { role: 'HEALTH_WORKER', shelterId: otherShelterId });
    serviceStaff = await serviceStaffAt(first, serviceId);
    otherServiceStaff = await serviceStaffAt(first, otherServiceId);
  }, 90_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await first?.close();
    await second?.close();
    await database?.remove();
  });

  it('tells the shelter’s health roles and the service’s staff on both instances, state only', async () => {
    const hearing = [
      await screen(first, health),
      await screen(second, coordinator),
      await screen(second, serviceStaff),
      await screen(first, serviceStaff),
    ];
    const deaf = [
      await screen(second, volunteer),
      await screen(first, otherHealth),
      await screen(second, otherServiceStaff),
    ];
    const id = await refer({ state: 'sent', answerDueAt: new Date(Date.now() + 3_600_000) });
    // The service's staff learn the service; the shelter's side (coordinators among it) never.
    const ofService = new Set([hearing[2], hearing[3]]);
    for (const socket of hearing) {
      expect(await socket.next<Notice>('referral', (n) => n.id === id, 10_000)).toEqual({
        id,
        version: 1,
        state: 'SENT',
        shelterId,
        ...(ofService.has(socket) ? { serviceId } : {}),
        overdue: false,
      });
    }
    // Accepted through SQL, as any writer would: the trigger tells every instance.
    await second.sql(
      `UPDATE referral SET state = 'accepted', answered_at = now(), version = version + 1
        WHERE id = $1`,
      [id],
    );
    for (const socket of hearing) {
      await socket.next<Notice>('referral', (n) => n.id === id && n.state === 'ACCEPTED', 10_000);
    }
    await settle();
    for (const socket of hearing) {
      expect(heard(socket, id).map((n) => [n.state, n.version])).toEqual([
        ['SENT', 1],
        ['ACCEPTED', 2],
      ]);
    }
    for (const socket of deaf) {
      expect(socket.received.filter((r) => r.event === 'referral')).toEqual([]);
    }
    // A coordinator's socket never hears which service: not as a field, not as a value.
    expect(JSON.stringify(hearing[1].received)).not.toContain(serviceId);
    expect(JSON.stringify(hearing[0].received)).not.toContain(serviceId);
    // Never the reason, the alias or the category, on any socket.
    for (const socket of [...hearing, ...deaf]) {
      const said = JSON.stringify(socket.received);
      expect(said).not.toContain('CANARY');
      expect(said).not.toContain('sexual_reproductive_health');
      expect(said).not.toContain('SEXUAL_REPRODUCTIVE_HEALTH');
    }
  });

  it('a draft stays with the shelter’s health roles until it is sent', async () => {
    const own = await screen(first, health);
    const service = await screen(second, serviceStaff);
    const id = await refer({ state: 'draft', sentAt: null });
    await own.next<Notice>('referral', (n) => n.id === id && n.state === 'DRAFT', 10_000);
    await first.sql(
      `UPDATE referral SET state = 'sent', sent_at = now(), version = version + 1 WHERE id = $1`,
      [id],
    );
    await service.next<Notice>('referral', (n) => n.id === id && n.state === 'SENT', 10_000);
    expect(heard(service, id).map((n) => n.state)).toEqual(['SENT']);
  });

  it('tells the shelter’s volunteers of an escort set, moved or cancelled: ids and version only', async () => {
    const otherVolunteer = await staffAt(first, { role: 'VOLUNTEER', shelterId: otherShelterId });
    const hearing = [await screen(second, volunteer), await screen(first, volunteer)];
    const deaf = await screen(first, otherVolunteer);
    const escorted = await refer({
      state: 'scheduled',
      answeredAt: new Date(),
      scheduledFor: new Date(Date.now() + 72 * 3_600_000),
      needsEscort: true,
    });
    const plain = await refer({ state: 'sent', answerDueAt: new Date(Date.now() + 3_600_000) });
    for (const socket of hearing) {
      // Nothing but which referral, of which shelter, at which version: no state, no service.
      expect(await socket.next('escort', (n: { id: string }) => n.id === escorted, 10_000)).toEqual(
        { id: escorted, version: 1, shelterId },
      );
    }
    // Cancelled (through SQL, as any writer would): the volunteers' list loses it.
    await second.sql(
      `UPDATE referral SET state = 'cancelled', version = version + 1 WHERE id = $1`,
      [escorted],
    );
    for (const socket of hearing) {
      await socket.next(
        'escort',
        (n: { id: string; version: number }) => n.id === escorted && n.version === 2,
        10_000,
      );
    }
    await settle();
    for (const socket of hearing) {
      const escorts = socket.received.filter((r) => r.event === 'escort');
      expect(escorts.map((r) => r.payload)).toEqual([
        { id: escorted, version: 1, shelterId },
        { id: escorted, version: 2, shelterId },
      ]);
      // Never `referral` (state), never the referral without an escort.
      expect(socket.received.filter((r) => r.event === 'referral')).toEqual([]);
      const said = JSON.stringify(socket.received);
      expect(said).not.toContain(plain);
      expect(said).not.toContain('CANARY');
      expect(said).not.toContain(serviceId);
      expect(said).not.toMatch(/sexual_reproductive_health|SEXUAL_REPRODUCTIVE_HEALTH/i);
    }
    expect(deaf.received.filter((r) => r.event === 'escort')).toEqual([]);
  });

  /**
   * Commits a referral's change whose notification no instance hears, as when every listening
   * connection was down at that moment: the notify trigger is off for this one transaction.
   */
  const unheard = async (update: string) => {
    const direct = new pg.Client({ connectionString: database.url });
    await direct.connect();
    try {
      await direct.query(`BEGIN;
        ALTER TABLE referral DISABLE TRIGGER referral_notify_update;
        ${update};
        ALTER TABLE referral ENABLE TRIGGER referral_notify_update;
        COMMIT;`);
    } finally {
      await direct.end();
    }
  };

  it('a change whose notification was lost still arrives, at the next STAFF_CHECK, once', async () => {
    const hearing = [
      await screen(first, health),
      await screen(second, coordinator),
      await screen(first, serviceStaff),
    ];
    const id = await refer({ state: 'sent', answerDueAt: new Date(Date.now() + 3_600_000) });
    for (const socket of hearing) {
      await socket.next<Notice>('referral', (n) => n.id === id, 10_000);
    }
    await unheard(
      `UPDATE referral SET state = 'accepted', answered_at = now(), version = version + 1
        WHERE id = '${id}'`,
    );
    for (const socket of hearing) {
      await socket.next<Notice>('referral', (n) => n.id === id && n.state === 'ACCEPTED', 10_000);
    }
    // A writer that forgets the version is still heard (what is sent is not only the version).
    await first.sql(
      `UPDATE referral SET state = 'scheduled', scheduled_for = now() + interval '1 day' WHERE id = $1`,
      [id],
    );
    for (const socket of hearing) {
      await socket.next<Notice>('referral', (n) => n.id === id && n.state === 'SCHEDULED', 10_000);
    }
    await settle();
    for (const socket of hearing) {
      expect(heard(socket, id).map((n) => [n.state, n.version])).toEqual([
        ['SENT', 1],
        ['ACCEPTED', 2],
        ['SCHEDULED', 2],
      ]);
    }
    expect(heard(hearing[2], id).at(-1)?.serviceId).toBe(serviceId);
    expect(JSON.stringify(hearing[1].received)).not.toContain(serviceId);
  });

  it('an escort change whose notification was lost reaches a volunteer alone on an instance', async () => {
    // Only a volunteer listens here now: the catch-up reads the boards' escorts too.
    sockets.splice(0).forEach((socket) => socket.close());
    const alone = await screen(first, volunteer);
    const id = await refer({
      state: 'scheduled',
      answeredAt: new Date(),
      scheduledFor: new Date(Date.now() + 72 * 3_600_000),
      needsEscort: true,
    });
    await alone.next('escort', (n: { id: string }) => n.id === id, 10_000);
    await unheard(
      `UPDATE referral SET scheduled_for = scheduled_for + interval '1 day',
              version = version + 1 WHERE id = '${id}'`,
    );
    await alone.next(
      'escort',
      (n: { id: string; version: number }) => n.id === id && n.version === 2,
      10_000,
    );
    await settle();
    expect(
      alone.received
        .filter((r) => r.event === 'escort')
        .map((r) => r.payload as { version: number }),
    ).toEqual([
      { id, version: 1, shelterId },
      { id, version: 2, shelterId },
    ]);
  });

  it('a change committed while an instance’s listener was down arrives when it listens again', async () => {
    // No STAFF_CHECK sweep to help within the test: only the catch-up on reconnecting can bring it.
    const quiet = await startTestApp({ DATABASE_URL: database.url, STAFF_CHECK: '1h' });
    try {
      const socket = await screen(quiet, health);
      const service = await screen(quiet, serviceStaff);
      const id = await refer({ state: 'sent', answerDueAt: new Date(Date.now() + 3_600_000) });
      await socket.next<Notice>('referral', (n) => n.id === id, 10_000);
      await unheard(
        `UPDATE referral SET state = 'rejected', answered_at = now(), reject_reason = 'no_capacity',
                version = version + 1 WHERE id = '${id}'`,
      );
      const direct = new pg.Client({ connectionString: database.url });
      await direct.connect();
      await direct.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'albergue-listener'`,
      );
      await direct.end();
      for (const listening of [socket, service]) {
        await listening.next<Notice>(
          'referral',
          (n) => n.id === id && n.state === 'REJECTED' && n.version === 2,
          10_000,
        );
      }
    } finally {
      await quiet.close();
    }
  });

  it('overdue fires once, with two instances marking and delivering', async () => {
    const hearing = [
      await screen(first, health),
      await screen(second, health),
      await screen(first, coordinator),
      await screen(second, serviceStaff),
    ];
    const volunteers = await screen(first, volunteer);
    const late = await refer({ state: 'sent', answerDueAt: new Date(Date.now() - 60_000) });
    const onTime = await refer({ state: 'sent', answerDueAt: new Date(Date.now() + 3_600_000) });
    const answered = await refer({
      state: 'accepted',
      answerDueAt: new Date(Date.now() - 60_000),
      answeredAt: new Date(),
    });
    // Both instances mark at the same moment, as two jobs racing would.
    const marked = await Promise.all(
      [first, second].map((app) => app.app.get(ReferralsNotifier).markOverdue()),
    );
    expect(marked[0] + marked[1]).toBe(1);
    for (const socket of hearing) {
      const notice = await socket.next<Notice>(
        'referral',
        (n) => n.id === late && n.overdue,
        10_000,
      );
      expect(notice).toEqual({
        id: late,
        version: 2,
        state: 'SENT',
        shelterId,
        ...(socket === hearing[3] ? { serviceId } : {}),
        overdue: true,
      });
    }
    // The next minute's job, on either instance: nothing new, nothing resent.
    expect(
      await Promise.all([first, second].map((app) => app.app.get(ReferralsNotifier).markOverdue())),
    ).toEqual([0, 0]);
    await settle();
    for (const socket of hearing) {
      expect(heard(socket, late).filter((n) => n.overdue)).toHaveLength(1);
      expect(heard(socket, onTime).filter((n) => n.overdue)).toEqual([]);
      expect(heard(socket, answered).filter((n) => n.overdue)).toEqual([]);
    }
    expect(volunteers.received.filter((r) => r.event === 'referral')).toEqual([]);
    const [{ overdueAt }] = await first.sql<{ overdueAt: Date | null }>(
      'SELECT overdue_at AS "overdueAt" FROM referral WHERE id = $1',
      [late],
    );
    expect(overdueAt).not.toBeNull();

    // A socket connecting later is told of its audiences' overdue referrals, once.
    const connecting = await screen(second, coordinator);
    await connecting.next<Notice>('referral', (n) => n.id === late && n.overdue, 10_000);
    const elsewhere = await screen(first, otherServiceStaff);
    await settle();
    expect(heard(connecting, late)).toHaveLength(1);
    expect(JSON.stringify(connecting.received)).not.toContain(serviceId);
    expect(heard(connecting, onTime)).toEqual([]);
    expect(elsewhere.received.filter((r) => r.event === 'referral')).toEqual([]);

    // The overdue view: the shelter's health roles, the service's staff; no one else.
    const OVERDUE =
      'query($s: ID!) { overdueReferrals(shelterId: $s) { id reference version state shelterId serviceId sentAt answerDueAt overdueAt } }';
    type Overdue = {
      overdueReferrals: {
        id: string;
        reference: string;
        state: string;
        serviceId: string | null;
      }[];
    };
    const view = await health.gql<Overdue>(OVERDUE, { s: shelterId });
    expect(view.errors).toBeUndefined();
    expect(view.data!.overdueReferrals.map((r) => [r.id, r.state, r.serviceId])).toEqual([
      [late, 'SENT', serviceId],
    ]);
    // The short reference the slip prints (the API's), so the screens never cut ids themselves.
    expect(view.data!.overdueReferrals[0].reference).toBe(late.slice(0, 8));
    // Coordinators: state and times, the service never.
    const coordinators = await coordinator.gql<Overdue>(OVERDUE, { s: shelterId });
    expect(coordinators.errors).toBeUndefined();
    expect(coordinators.data!.overdueReferrals.map((r) => [r.id, r.serviceId])).toEqual([
      [late, null],
    ]);
    expect(JSON.stringify(view.data)).not.toContain('CANARY');
    const ofService = await serviceStaff.gql<{ overdueReferralsOfService: { id: string }[] }>(
      'query($s: ID!) { overdueReferralsOfService(serviceId: $s) { id } }',
      { s: serviceId },
    );
    expect(ofService.data!.overdueReferralsOfService.map((r) => r.id)).toEqual([late]);
    const refused = await volunteer.gql(
      'query($s: ID!) { overdueReferrals(shelterId: $s) { id } }',
      {
        s: shelterId,
      },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Answered: no longer overdue, and said so.
    await first.sql(
      `UPDATE referral SET state = 'accepted', answered_at = now(), version = version + 1
        WHERE id = $1`,
      [late],
    );
    await hearing[3].next<Notice>('referral', (n) => n.id === late && n.state === 'ACCEPTED');
    expect(heard(hearing[3], late).at(-1)?.overdue).toBe(false);
  });

  it('a service membership removed leaves the service’s room', async () => {
    const staff = await serviceStaffAt(first, otherServiceId);
    const socket = await screen(second, staff);
    const before = await refer({ serviceId: otherServiceId, state: 'sent' });
    await socket.next<Notice>('referral', (n) => n.id === before, 10_000);
    const removed = await (
      await adminOf(first)
    ).gql(
      'mutation($u: ID!, $s: ID!) { removeServiceMembership(userId: $u, serviceId: $s) { id } }',
      { u: staff.userId, s: otherServiceId },
    );
    expect(removed.errors).toBeUndefined();
    // The removal announces an access change: every instance re-checks its sockets' rooms.
    await settle();
    const listening = await screen(first, otherServiceStaff);
    const after = await refer({ serviceId: otherServiceId, state: 'sent' });
    await listening.next<Notice>('referral', (n) => n.id === after, 10_000);
    await settle();
    expect(heard(socket, after)).toEqual([]);
  });

  it('a scheduled referral joins the morning plan as a HEALTH appointment, as each role may see it', async () => {
    const registered = await coordinator.gql<{ registerHousehold: { headId: string } }>(REGISTER, {
      input: householdInput(shelterId, [adult('Rosa Plan')]),
    });
    expect(registered.errors).toBeUndefined();
    const residentId = registered.data!.registerHousehold.headId;
    const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);
    const scheduled = async (h: number, needs: { escort?: boolean; transport?: boolean }) => {
      const id = await refer({
        residentId,
        state: 'scheduled',
        answeredAt: new Date(),
        scheduledFor: inHours(h),
        needsEscort: needs.escort ?? false,
      });
      const place = needs.escort || needs.transport ? `Consultorio ${h}` : CANARY_PLACE;
      await first.sql('UPDATE referral SET needs_transport = $2, place_sealed = $3 WHERE id = $1', [
        id,
        needs.transport ?? false,
        first.app.get(Vault).seal('referral.place', id, place),
      ]);
      return id;
    };
    const plain = await scheduled(2, {});
    const transport = await scheduled(3, { transport: true });
    const escort = await scheduled(4, { escort: true });
    // Not in the plan: accepted but not scheduled, scheduled beyond the hours asked.
    await refer({ residentId, state: 'accepted', scheduledFor: inHours(1) });
    await refer({ residentId, state: 'scheduled', scheduledFor: inHours(30) });
    const comar = await volunteer.gql<{ addAppointment: { id: string } }>(
      'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          residentId,
          kind: 'COMAR',
          startsAt: inHours(5).toISOString(),
          place: 'COMAR, Versalles 49',
        },
      },
    );
    expect(comar.errors).toBeUndefined();
    const comarId = comar.data!.addAppointment.id;

    const plan = async (person: Person) => {
      const due = await person.gql<{ appointmentsDue: Due[] }>(DUE, { s: shelterId });
      expect(due.errors).toBeUndefined();
      const said = JSON.stringify(due.data);
      expect(said).not.toContain('CANARY');
      expect(said).not.toMatch(/sexual_reproductive_health|SEXUAL_REPRODUCTIVE_HEALTH/);
      return due.data!.appointmentsDue;
    };
    const healthLine = (id: string, place: string | null, escorted = false) => ({
      id,
      residentId,
      residentName: 'Rosa Plan',
      kind: 'HEALTH',
      place,
      escort: escorted,
    });
    const pick = ({ id, residentId: r, residentName, kind, place, escort: e }: Due) => ({
      id,
      residentId: r,
      residentName,
      kind,
      place,
      escort: e,
    });
    // Coordinators: every one, in time order; the place only where someone must travel.
    expect((await plan(coordinator)).map(pick)).toEqual([
      healthLine(plain, null),
      healthLine(transport, 'Consultorio 3'),
      healthLine(escort, 'Consultorio 4', true),
      { ...healthLine(comarId, 'COMAR, Versalles 49'), kind: 'COMAR' },
    ]);
    // Health workers: the health appointments only.
    expect((await plan(health)).map((a) => a.id)).toEqual([plain, transport, escort]);
    // Volunteers: their residents' own, and a health one only where an escort is needed.
    expect((await plan(volunteer)).map((a) => a.id)).toEqual([escort, comarId]);

    // The /staff event, to the bed board (volunteers among it): the escorted one only.
    const board = await screen(second, volunteer);
    const event = await board.next<{
      shelterId: string;
      appointments: { appointmentId: string; kind: string }[];
    }>('appointmentsDue', (d) => d.shelterId === shelterId, 10_000);
    expect(event.appointments.map((a) => [a.appointmentId, a.kind])).toEqual([
      [escort, 'HEALTH'],
      [comarId, 'COMAR'],
    ]);
    expect(JSON.stringify(board.received)).not.toContain('CANARY');

    // A HEALTH appointment is never entered by hand.
    const refused = await coordinator.gql(
      'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          residentId,
          kind: 'HEALTH',
          startsAt: inHours(6).toISOString(),
          place: 'Clínica',
        },
      },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
