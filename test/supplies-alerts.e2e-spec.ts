import { randomUUID } from 'node:crypto';
import { SupplyAlerts } from '@albergue/supplies';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { type Person, staffAt } from './factories/staff.factory.js';
import { receiveStock, REVERSE, supplyItem, useStock } from './factories/supplies.factory.js';
import { type OwnDatabase, ownDatabase } from './helpers/own-database.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.js';

interface Notice {
  id: string;
  shelterId: string;
  kind: string;
  itemId: string | null;
  raisedAt: string;
  clearedAt: string | null;
}

interface FoodDays {
  daysLeft: number | null;
  basis: string | null;
  byNeed: number | null;
  byRate: number | null;
  low: boolean;
  kcalInStock: number;
  foodItemsWithoutKcal: number;
  people: number;
  peopleFrom: string | null;
  kcalPerPersonDay: number;
  kcalUsedPerDay: number | null;
  rateWindowDays: number | null;
}

const FOOD_DAYS = `query($s: ID!) { foodDaysLeft(shelterId: $s) { daysLeft basis byNeed byRate low
  kcalInStock foodItemsWithoutKcal people peopleFrom kcalPerPersonDay kcalUsedPerDay rateWindowDays } }`;
const ALERTS = `query($s: ID!, $h: Boolean) { supplyAlerts(shelterId: $s, history: $h) {
  id kind itemId lot expiresOn figure threshold raisedAt clearedAt } }`;
const SET_THRESHOLD = `mutation($input: SetSupplyThresholdInput!) { setSupplyThreshold(input: $input) {
  id itemId category low expiringWithinDays } }`;

/** A day in Mexico City's calendar, `days` from today. */
const dayFromToday = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/**
 * Days of food left and supply alerts (issue 21, items 4 and 5), with two API instances on one
 * database: the figure on fixtures with known kcal and people, and alerts raised once per
 * crossing (not at every act or look), to the shelter's volunteers and coordinators on both
 * instances, never to another shelter's.
 */
describe('Food and supplies: days of food left and alerts (e2e)', () => {
  let database: OwnDatabase;
  let first: TestApp;
  let second: TestApp;
  const sockets: TestSocket[] = [];

  const screen = async (app: TestApp, person: Person) => {
    const socket = await connect(app.url, '/staff', { cookie: person.cookie });
    sockets.push(socket);
    return socket;
  };
  const heard = (socket: TestSocket, itemId: string | null, kind: string) =>
    socket.received
      .filter((r) => r.event === 'supplyAlert')
      .map((r) => r.payload as Notice)
      .filter((n) => n.itemId === itemId && n.kind === kind);
  /** Several STAFF_CHECKs: what would come twice has had time to. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));
  const ok = <T>(result: GraphQLResponse<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  /** A shelter of 10 places per group, with `present` people reported by its coordinator. */
  const shelterWith = async (present: { MEN: number; WOMEN: number }) => {
    const shelterId = await shelterFor(first, { populations: ['MEN', 'WOMEN'] });
    const coordinator = await staffAt(first, { role: 'COORDINATOR', shelterId });
    const volunteer = await staffAt(first, { role: 'VOLUNTEER', shelterId });
    ok(
      await coordinator.gql(
        'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
        {
          input: await reportInput(coordinator, shelterId, [
            { population: 'MEN', freeBeds: 10 - present.MEN, overflowFree: 0 },
            { population: 'WOMEN', freeBeds: 10 - present.WOMEN, overflowFree: 0 },
          ]),
        },
      ),
    );
    return { shelterId, coordinator, volunteer };
  };
  const foodDays = async (by: Person, shelterId: string) =>
    ok(await by.gql<{ foodDaysLeft: FoodDays }>(FOOD_DAYS, { s: shelterId })).foodDaysLeft;

  beforeAll(async () => {
    database = await ownDatabase();
    const env = { DATABASE_URL: database.url, STAFF_CHECK: '200ms' };
    first = await startTestApp(env);
    second = await startTestApp(env);
  }, 90_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await first?.close();
    await second?.close();
    await database?.remove();
  });

  it('counts days of food by need and by what was used, and shows the lower', async () => {
    const { shelterId, coordinator, volunteer } = await shelterWith({ MEN: 6, WOMEN: 4 });
    const rice = await supplyItem(first, { kcalPerUnit: 3_600 });
    const beans = await supplyItem(first, { kcalPerUnit: null });
    await receiveStock(volunteer, shelterId, rice, 50, { expiresOn: dayFromToday(90) });
    // Expired food is on the shelf, not on a plate: its kcal do not count.
    await receiveStock(volunteer, shelterId, rice, 10, {
      lot: 'OLD-1',
      expiresOn: dayFromToday(-2),
    });
    await receiveStock(volunteer, shelterId, beans, 5);
    await useStock(volunteer, shelterId, rice, 12);
    // Handed out by mistake and reversed: not eaten. Wasted: not eaten either.
    const [mistake] = await useStock(volunteer, shelterId, rice, 3);
    ok(
      await volunteer.gql(REVERSE, {
        input: { requestId: randomUUID(), movementId: mistake, reason: 'DID_NOT_HAPPEN' },
      }),
    );
    const fresh = dayFromToday(90);
    await useStock(volunteer, shelterId, rice, 1, { kind: 'WASTED', expiresOn: fresh });

    const days = await foodDays(coordinator, shelterId);
    // 37 kg of good rice at 3,600 kcal; 10 people at 2,100 kcal a day.
    expect(days).toMatchObject({
      kcalInStock: 133_200,
      foodItemsWithoutKcal: 1,
      people: 10,
      peopleFrom: 'COUNTS',
      kcalPerPersonDay: 2_100,
      // A ledger begun today is averaged over one day: 12 kg eaten.
      rateWindowDays: 1,
      kcalUsedPerDay: 43_200,
      basis: 'RATE',
      low: false,
    });
    expect(days.byNeed).toBeCloseTo(133_200 / 21_000, 6);
    expect(days.byRate).toBeCloseTo(133_200 / 43_200, 6);
    expect(days.daysLeft).toBe(days.byRate);
  });

  it('averages the rate over the last seven days of an older ledger', async () => {
    const { shelterId, coordinator, volunteer } = await shelterWith({ MEN: 5, WOMEN: 5 });
    const rice = await supplyItem(first, { kcalPerUnit: 3_600 });
    // Rows as the lib writes them, back-dated (the ledger is append-only: inserts only).
    const row = (kind: string, quantity: number, daysAgo: number) =>
      first.sql(
        `INSERT INTO stock_movement (id, act_id, shelter_id, item_id, kind, quantity, source,
                                     recorded_by, at)
         VALUES ($1, $1, $2, $3, $4, $5, $6, $7, now() - make_interval(days => $8))`,
        [
          randomUUID(),
          shelterId,
          rice,
          kind,
          quantity,
          kind === 'received' ? 'private_donor' : null,
          volunteer.userId,
          daysAgo,
        ],
      );
    await row('received', 70, 10);
    await row('issued', -14, 8);
    await row('issued', -21, 2);
    const days = await foodDays(coordinator, shelterId);
    // 35 kg left: 126,000 kcal. Need: 10 × 2,100 a day (6 days); used: 21 kg in 7 days (11.7).
    expect(days).toMatchObject({
      kcalInStock: 126_000,
      rateWindowDays: 7,
      kcalUsedPerDay: 10_800,
      basis: 'NEED',
      daysLeft: 6,
    });
    expect(days.byRate).toBeCloseTo(126_000 / 10_800, 6);
  });

  it('raises a low-stock alert once per crossing, on both instances, and clears it', async () => {
    const { shelterId, coordinator, volunteer } = await shelterWith({ MEN: 0, WOMEN: 0 });
    const other = await shelterWith({ MEN: 0, WOMEN: 0 });
    const soap = await supplyItem(first, { category: 'HYGIENE', unit: 'PIECE', kcalPerUnit: null });
    const hearing = [await screen(first, volunteer), await screen(second, coordinator)];
    const deaf = await screen(second, other.volunteer);
    const pieces = { unit: 'PIECE' };
    await receiveStock(volunteer, shelterId, soap, 15, pieces);
    // 15 pieces against a mark of 10: nothing to say yet.
    ok(
      await coordinator.gql(SET_THRESHOLD, {
        input: { shelterId, itemId: soap, low: 10 },
      }),
    );
    await useStock(volunteer, shelterId, soap, 6, pieces);
    const raised = await Promise.all(
      hearing.map((socket) =>
        socket.next<Notice>('supplyAlert', (n) => n.itemId === soap && !n.clearedAt, 10_000),
      ),
    );
    expect(raised[0]).toEqual(raised[1]);
    expect(raised[0]).toMatchObject({ shelterId, kind: 'LOW_STOCK', clearedAt: null });
    // Still low after another use, and after both instances look at every shelter at once.
    await useStock(volunteer, shelterId, soap, 1, pieces);
    await Promise.all([first, second].map((app) => app.app.get(SupplyAlerts).sweep()));
    const [open] = ok(
      await volunteer.gql<{ supplyAlerts: { id: string; figure: number; threshold: number }[] }>(
        ALERTS,
        { s: shelterId },
      ),
    ).supplyAlerts;
    expect(open).toMatchObject({ id: raised[0].id, figure: 9, threshold: 10 });
    // Back above the mark, then below it again: a second crossing, a second alert.
    await receiveStock(volunteer, shelterId, soap, 5, pieces);
    await Promise.all(
      hearing.map((socket) =>
        socket.next<Notice>('supplyAlert', (n) => n.id === raised[0].id && !!n.clearedAt, 10_000),
      ),
    );
    await useStock(volunteer, shelterId, soap, 4, pieces);
    await Promise.all(
      hearing.map((socket) =>
        socket.next<Notice>(
          'supplyAlert',
          (n) => n.itemId === soap && n.id !== raised[0].id,
          10_000,
        ),
      ),
    );
    await settle();
    for (const socket of hearing) {
      const notices = heard(socket, soap, 'LOW_STOCK');
      expect(notices.map((n) => [n.id === raised[0].id, n.clearedAt === null])).toEqual([
        [true, true],
        [true, false],
        [false, true],
      ]);
    }
    expect(deaf.received.filter((r) => r.event === 'supplyAlert')).toEqual([]);
    const rows = await first.sql<{ n: string }>(
      `SELECT count(*) AS n FROM supply_alert WHERE shelter_id = $1 AND kind = 'low_stock'`,
      [shelterId],
    );
    expect(Number(rows[0].n)).toBe(2);
  });

  it('says lots expiring soon, by the default window or the shelter’s own', async () => {
    const { shelterId, coordinator, volunteer } = await shelterWith({ MEN: 0, WOMEN: 0 });
    const milk = await supplyItem(first, { category: 'BABY', unit: 'L', kcalPerUnit: null });
    await receiveStock(volunteer, shelterId, milk, 6, {
      unit: 'L',
      lot: 'L-77',
      expiresOn: dayFromToday(3),
    });
    await receiveStock(volunteer, shelterId, milk, 6, { unit: 'L', expiresOn: dayFromToday(30) });
    const alerts = async () =>
      ok(
        await coordinator.gql<{ supplyAlerts: { kind: string; lot: string; figure: number }[] }>(
          ALERTS,
          { s: shelterId },
        ),
      ).supplyAlerts;
    expect(await alerts()).toEqual([
      expect.objectContaining({ kind: 'EXPIRING', lot: 'L-77', figure: 6, threshold: 7 }),
    ]);
    // The shelter looks two days ahead for baby items: the lot is no longer said, and the
    // alert is cleared at once (the mark is an act too).
    ok(
      await coordinator.gql(SET_THRESHOLD, {
        input: { shelterId, category: 'BABY', expiringWithinDays: 2 },
      }),
    );
    expect(await alerts()).toEqual([]);
    const history = ok(
      await coordinator.gql<{ supplyAlerts: { clearedAt: string | null }[] }>(ALERTS, {
        s: shelterId,
        h: true,
      }),
    ).supplyAlerts;
    expect(history).toHaveLength(1);
    expect(history[0].clearedAt).not.toBeNull();
  });

  it('raises food for too few days when people arrive, at the next look', async () => {
    const { shelterId, coordinator, volunteer } = await shelterWith({ MEN: 1, WOMEN: 0 });
    const rice = await supplyItem(first, { kcalPerUnit: 3_600 });
    // 18,000 kcal: 8.6 days for one person.
    await receiveStock(volunteer, shelterId, rice, 5);
    const kinds = async () =>
      ok(
        await coordinator.gql<{ supplyAlerts: { kind: string }[] }>(ALERTS, { s: shelterId }),
      ).supplyAlerts.map((alert) => alert.kind);
    expect(await kinds()).toEqual([]);
    // Ten people now: 0.86 days. The report is not a stock act: the cluster's look finds it.
    ok(
      await coordinator.gql(
        'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
        {
          input: await reportInput(coordinator, shelterId, [
            { population: 'MEN', freeBeds: 0, overflowFree: 0 },
            { population: 'WOMEN', freeBeds: 10, overflowFree: 0 },
          ]),
        },
      ),
    );
    expect(await first.app.get(SupplyAlerts).sweep()).toBeGreaterThanOrEqual(1);
    expect(await kinds()).toEqual(['FOOD_DAYS_LOW']);
    expect((await foodDays(coordinator, shelterId)).low).toBe(true);
  });

  it('refuses a bad threshold with a typed error naming the field, and keeps none', async () => {
    const { shelterId, coordinator } = await shelterWith({ MEN: 0, WOMEN: 0 });
    const soap = await supplyItem(first, { category: 'HYGIENE', unit: 'PIECE', kcalPerUnit: null });
    const refused = async (input: Record<string, unknown>) => {
      const result = await coordinator.gql(SET_THRESHOLD, { input: { shelterId, ...input } });
      expect(result.errors).toHaveLength(1);
      return result.errors![0].extensions;
    };
    expect(await refused({ itemId: soap, category: 'HYGIENE', low: 3 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'THRESHOLD_INVALID',
      fields: ['input.itemId', 'input.category'],
    });
    expect(await refused({ itemId: soap })).toMatchObject({ reason: 'THRESHOLD_INVALID' });
    expect(await refused({ itemId: soap, low: 1.5 })).toMatchObject({
      reason: 'INVALID_QUANTITY',
      fields: ['input.low'],
    });
    expect(await refused({ itemId: randomUUID(), low: 1 })).toMatchObject({
      code: 'NOT_FOUND',
      fields: ['input.itemId'],
    });
    const kept = ok(
      await coordinator.gql<{ supplyThresholds: unknown[] }>(
        'query($s: ID!) { supplyThresholds(shelterId: $s) { id } }',
        { s: shelterId },
      ),
    ).supplyThresholds;
    expect(kept).toEqual([]);
  });
});
