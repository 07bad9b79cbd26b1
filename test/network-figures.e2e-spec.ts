import { randomUUID } from 'node:crypto';
import { ProblemReportsService } from '@albergue/shelters';
import { bedsAt } from './factories/occupancy.factory.js';
import { adult, householdInput } from './factories/resident.factory.js';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { adminOf, type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';

const REPORT =
  'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }';
const FIELDS =
  'capacity occupied bedNights arrivals departures turnaways problemReports turnawaysByPopulation { population count }';
const DAILY = `query($s: ID!, $from: String!, $to: String!) {
  dailyFigures(shelterId: $s, from: $from, to: $to) { day reported ${FIELDS} } }`;
const NETWORK = `query($from: String!, $to: String!, $by: FiguresGrouping!) {
  networkFigures(from: $from, to: $to, groupBy: $by) { shelterId boroughCode borough day shelters days ${FIELDS} } }`;

interface Figures {
  capacity: number;
  occupied: number;
  bedNights: number;
  arrivals: number;
  departures: number;
  turnaways: number;
  problemReports: number;
  turnawaysByPopulation: { population: string; count: number }[];
}
type Daily = Figures & { day: string; reported: boolean };
type Group = Figures & {
  shelterId: string | null;
  boroughCode: string | null;
  borough: string | null;
  day: string | null;
  shelters: number;
  days: number;
};

const NUMBERS = [
  'capacity',
  'occupied',
  'bedNights',
  'arrivals',
  'departures',
  'turnaways',
  'problemReports',
] as const;

/** Adds daily figures field by field, turnaways by group included, as a person would by hand. */
function sum(rows: Figures[]): Figures {
  const total = Object.fromEntries(NUMBERS.map((field) => [field, 0])) as unknown as Figures;
  const byPopulation = new Map<string, number>();
  for (const row of rows) {
    for (const field of NUMBERS) {
      total[field] += row[field];
    }
    for (const { population, count } of row.turnawaysByPopulation) {
      byPopulation.set(population, (byPopulation.get(population) ?? 0) + count);
    }
  }
  total.turnawaysByPopulation = [...byPopulation.entries()]
    .map(([population, count]) => ({ population, count }))
    .sort((a, b) => a.population.localeCompare(b.population));
  return total;
}

const figuresOf = (row: Figures): Figures =>
  ({
    ...Object.fromEntries(NUMBERS.map((field) => [field, row[field]])),
    turnawaysByPopulation: [...row.turnawaysByPopulation].sort((a, b) =>
      a.population.localeCompare(b.population),
    ),
  }) as Figures;

/**
 * Daily figures of counts-mode shelters come from the counts history; beds count from the day
 * they were made; and the network's figures, grouped any way, are the sum of each shelter's own.
 * Days before today are made by moving rows back whole days (Mexico City keeps no summer time).
 */
describe('Daily and network figures (e2e)', () => {
  let app: TestApp;
  let admin: SignedIn;
  let network: Person;
  let countsShelter: string;
  let bedsShelter: string;
  let noBorough: string;
  let days: [string, string, string]; // the day before yesterday, yesterday, today

  const daily = async (who: SignedIn, shelterId: string): Promise<Daily[]> => {
    const result = await who.gql<{ dailyFigures: Daily[] }>(DAILY, {
      s: shelterId,
      from: days[0],
      to: days[2],
    });
    expect(result.errors).toBeUndefined();
    return result.data!.dailyFigures;
  };
  const grouped = async (by: string): Promise<Group[]> => {
    const result = await network.gql<{ networkFigures: Group[] }>(NETWORK, {
      from: days[0],
      to: days[2],
      by,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.networkFigures;
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminOf(app);
    network = await networkUser(app, 'NETWORK_COORDINATOR');
    const [{ today }] = await app.sql<{ today: string }>(
      `SELECT to_char((now() AT TIME ZONE 'America/Mexico_City')::date, 'YYYY-MM-DD') AS today`,
    );
    const back = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    days = [back(2), back(1), today];

    // Counts mode, in Cuauhtémoc: reported yesterday (moved back a day), then again today.
    countsShelter = await shelterFor(app, {
      capacity: [
        { population: 'MEN', totalBeds: 10 },
        { population: 'WOMEN', totalBeds: 10, overflowTotal: 4 },
      ],
    });
    const countsStaff = await staffAt(app, { role: 'COORDINATOR', shelterId: countsShelter });
    const first = await countsStaff.gql(REPORT, {
      input: await reportInput(countsStaff, countsShelter, [
        { population: 'MEN', freeBeds: 4 },
        { population: 'WOMEN', freeBeds: 10, overflowFree: 4 },
      ]),
    });
    expect(first.errors).toBeUndefined();
    await app.sql(
      `UPDATE availability_report SET at = at - interval '1 day' WHERE shelter_id = $1`,
      [countsShelter],
    );
    const second = await countsStaff.gql(REPORT, {
      input: await reportInput(countsStaff, countsShelter, [
        { population: 'MEN', freeBeds: 1 },
        { population: 'WOMEN', freeBeds: 7, overflowFree: 2 },
      ]),
    });
    expect(second.errors).toBeUndefined();

    // Beds mode, in Iztapalapa: two of four beds made yesterday, and switched to beds mode then;
    // one person checked in today.
    bedsShelter = await shelterFor(app, {
      populations: ['FAMILIES'],
      address: { boroughCode: 'cdmx-iztapalapa', city: 'Ciudad de México' },
    });
    const bedsStaff = await staffAt(app, { role: 'COORDINATOR', shelterId: bedsShelter });
    const roomId = await bedsAt(bedsStaff, bedsShelter, 4, 'FAMILIES');
    await app.sql(
      `UPDATE bed SET created_at = created_at - interval '1 day'
        WHERE id IN (SELECT id FROM bed WHERE room_id = $1 ORDER BY label LIMIT 2)`,
      [roomId],
    );
    await app.sql(
      `UPDATE shelter SET beds_mode_since = beds_mode_since - interval '1 day' WHERE id = $1`,
      [bedsShelter],
    );
    const checkedIn = await bedsStaff.gql(
      'mutation($input: RegisterAndCheckInInput!) { registerAndCheckIn(input: $input) { id } }',
      { input: householdInput(bedsShelter, [adult('Persona Figura')]) },
    );
    expect(checkedIn.errors).toBeUndefined();

    // No borough at all.
    noBorough = await shelterFor(app, {
      populations: ['MEN'],
      address: { city: 'Tijuana' },
    });
    const noBoroughStaff = await staffAt(app, { role: 'VOLUNTEER', shelterId: noBorough });

    // Turnaways today (two groups at one shelter) and problem reports from the finder.
    for (const [who, shelterId, population, count] of [
      [countsStaff, countsShelter, 'MEN', 3],
      [countsStaff, countsShelter, 'WOMEN', 1],
      [bedsStaff, bedsShelter, 'FAMILIES', 2],
      [noBoroughStaff, noBorough, 'MEN', 5],
    ] as const) {
      const turned = await who.gql(
        'mutation($input: TurnawayInput!) { recordTurnaway(input: $input) { id } }',
        { input: { requestId: randomUUID(), shelterId, population, count, reason: 'NO_SPACE' } },
      );
      expect(turned.errors).toBeUndefined();
    }
    const problems = app.app.get(ProblemReportsService);
    await problems.report({ shelterId: countsShelter, reason: 'NO_ANSWER' }, '203.0.113.1');
    await problems.report({ shelterId: bedsShelter, reason: 'WRONG_ADDRESS' }, '203.0.113.2');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('counts-mode shelters: capacity and reported occupancy from the counts history, day by day', async () => {
    const rows = await daily(network, countsShelter);
    expect(
      rows.map(({ day, reported, capacity, occupied, bedNights }) => ({
        day,
        reported,
        capacity,
        occupied,
        bedNights,
      })),
    ).toEqual([
      // Nothing reported yet that day.
      { day: days[0], reported: true, capacity: 0, occupied: 0, bedNights: 0 },
      // 20 regular places; occupied 6 men + 0 women, overflow all free.
      { day: days[1], reported: true, capacity: 20, occupied: 6, bedNights: 6 },
      // The day's last report: 9 men, 3 women and 2 on mats.
      { day: days[2], reported: true, capacity: 20, occupied: 14, bedNights: 14 },
    ]);
    expect(rows[2]).toMatchObject({
      turnaways: 4,
      problemReports: 1,
      turnawaysByPopulation: expect.arrayContaining([
        { population: 'MEN', count: 3 },
        { population: 'WOMEN', count: 1 },
      ]),
    });
  });

  it('beds-mode shelters: beds count from the day they were made, not before', async () => {
    const rows = await daily(network, bedsShelter);
    expect(
      rows.map(({ day, reported, capacity, occupied, arrivals }) => ({
        day,
        reported,
        capacity,
        occupied,
        arrivals,
      })),
    ).toEqual([
      // Before its first bed, the shelter's days come from its (empty) counts history.
      { day: days[0], reported: true, capacity: 0, occupied: 0, arrivals: 0 },
      { day: days[1], reported: false, capacity: 2, occupied: 0, arrivals: 0 },
      { day: days[2], reported: false, capacity: 4, occupied: 1, arrivals: 1 },
    ]);
  });

  it.each(['SHELTER', 'BOROUGH', 'DAY'])(
    'network figures by %s equal the sum of the shelters’ own daily figures, in one request',
    async (by) => {
      const shelters = await app.sql<{ id: string; borough: string | null }>(
        'SELECT id, address_borough_code AS borough FROM shelter',
      );
      const own = new Map<string, Daily[]>();
      for (const { id } of shelters) {
        own.set(id, await daily(network, id));
      }
      const keyOf = (shelterId: string, borough: string | null, day: string) =>
        by === 'SHELTER' ? shelterId : by === 'BOROUGH' ? borough : day;
      const expected = new Map<string | null, { rows: Figures[]; shelters: Set<string> }>();
      for (const { id, borough } of shelters) {
        for (const row of own.get(id)!) {
          const key = keyOf(id, borough, row.day);
          const group = expected.get(key) ?? { rows: [], shelters: new Set<string>() };
          group.rows.push(row);
          group.shelters.add(id);
          expected.set(key, group);
        }
      }
      const groups = await grouped(by);
      expect(groups).toHaveLength(expected.size);
      for (const group of groups) {
        const key =
          by === 'SHELTER' ? group.shelterId : by === 'BOROUGH' ? group.boroughCode : group.day;
        expect(figuresOf(group)).toEqual(sum(expected.get(key)!.rows));
        expect(group.shelters).toBe(expected.get(key)!.shelters.size);
      }
      // The figures are not all zero: the sums compare something.
      const total = sum(groups);
      expect(total).toMatchObject({ capacity: 20 + 20 + 2 + 4, turnaways: 11, problemReports: 2 });
      expect(total.arrivals).toBeGreaterThanOrEqual(1);
    },
  );

  it('names boroughs from the catalogue, and keeps shelters with none apart', async () => {
    const groups = await grouped('BOROUGH');
    expect(groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ boroughCode: 'cdmx-cuauhtemoc', borough: 'Cuauhtémoc' }),
        expect.objectContaining({
          boroughCode: 'cdmx-iztapalapa',
          borough: 'Iztapalapa',
          capacity: 6,
        }),
        expect.objectContaining({ boroughCode: null, borough: null, turnaways: 5, days: 3 }),
      ]),
    );
  });

  it('gives one borough’s figures day by day, each day the sum of its shelters’ own, and only theirs', async () => {
    const BOROUGH_DAYS = `query($from: String!, $to: String!, $borough: String) {
      networkFigures(from: $from, to: $to, groupBy: DAY, borough: $borough) { day shelters ${FIELDS} } }`;
    const inBorough = await app.sql<{ id: string }>(
      `SELECT id FROM shelter WHERE address_borough_code = 'cdmx-iztapalapa'`,
    );
    expect(inBorough.length).toBeGreaterThan(0);
    const own = await Promise.all(inBorough.map(({ id }) => daily(network, id)));
    const answer = await network.gql<{
      networkFigures: (Figures & { day: string; shelters: number })[];
    }>(BOROUGH_DAYS, { from: days[0], to: days[2], borough: 'cdmx-iztapalapa' });
    expect(answer.errors).toBeUndefined();
    const rows = answer.data!.networkFigures;
    expect(rows.map((row) => row.day)).toEqual(days);
    for (const [index, row] of rows.entries()) {
      expect(figuresOf(row)).toEqual(sum(own.map((shelter) => shelter[index])));
      expect(row.shelters).toBe(inBorough.length);
    }
    // The beds-mode shelter's 4 beds today, not the network's 20-place counts shelter.
    expect(rows[2]).toMatchObject({ capacity: 4, turnaways: 2 });
    // The same grouped by borough: the one borough, named.
    const byBorough = await network.gql<{ networkFigures: Group[] }>(
      `query($from: String!, $to: String!) { networkFigures(from: $from, to: $to, groupBy: BOROUGH, borough: "cdmx-iztapalapa") { boroughCode borough capacity } }`,
      { from: days[0], to: days[2] },
    );
    expect(byBorough.data!.networkFigures).toEqual([
      { boroughCode: 'cdmx-iztapalapa', borough: 'Iztapalapa', capacity: 6 },
    ]);
    // A borough with no shelters: no rows. A code outside the catalogue: refused, typed.
    const empty = await network.gql<{ networkFigures: unknown[] }>(BOROUGH_DAYS, {
      from: days[0],
      to: days[2],
      borough: 'cdmx-milpa-alta',
    });
    expect(empty.data!.networkFigures).toEqual([]);
    const unknown = await network.gql(BOROUGH_DAYS, {
      from: days[0],
      to: days[2],
      borough: "x' OR 1=1 --",
    });
    expect(unknown.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  const TOTAL = `query($from: String!, $to: String!, $borough: String, $s: ID) {
    networkFigures(from: $from, to: $to, groupBy: NETWORK, borough: $borough, shelterId: $s) {
      shelterId boroughCode borough day shelters days ${FIELDS} } }`;
  const total = async (who: SignedIn, variables: { borough?: string; s?: string }) => {
    const result = await who.gql<{ networkFigures: Group[] }>(TOTAL, {
      from: days[0],
      to: days[2],
      ...variables,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.networkFigures;
  };

  it('gives the period’s total in one row (NETWORK): the sum of the shelters’ rows, field by field', async () => {
    const [row, ...more] = await total(network, {});
    expect(more).toEqual([]);
    const shelters = await grouped('SHELTER');
    expect(figuresOf(row)).toEqual(sum(shelters));
    expect(row).toMatchObject({
      shelterId: null,
      boroughCode: null,
      borough: null,
      day: null,
      shelters: shelters.length,
      days: 3,
    });
    // Not all zero, turnaways by group included: the comparison compares something.
    expect(row.turnaways).toBeGreaterThanOrEqual(11);
    expect(row.turnawaysByPopulation.length).toBeGreaterThanOrEqual(3);
    expect(row.problemReports).toBeGreaterThanOrEqual(2);
  });

  it('gives one borough’s total: its BOROUGH row', async () => {
    const boroughs = await grouped('BOROUGH');
    for (const code of ['cdmx-cuauhtemoc', 'cdmx-iztapalapa']) {
      const [row, ...more] = await total(network, { borough: code });
      expect(more).toEqual([]);
      const own = boroughs.find((group) => group.boroughCode === code)!;
      expect(own.capacity).toBeGreaterThan(0);
      expect(figuresOf(row)).toEqual(figuresOf(own));
      expect(row.shelters).toBe(own.shelters);
      expect(row.days).toBe(3);
    }
    // A borough with no shelters: nothing to add up, no row.
    expect(await total(network, { borough: 'cdmx-milpa-alta' })).toEqual([]);
  });

  it('gives one shelter’s total (shelterId): the sum of its dailyFigures, with any grouping', async () => {
    for (const shelterId of [countsShelter, bedsShelter]) {
      const own = await daily(network, shelterId);
      const [row, ...more] = await total(network, { s: shelterId });
      expect(more).toEqual([]);
      expect(figuresOf(row)).toEqual(sum(own));
      expect(row).toMatchObject({ shelters: 1, days: 3 });
      // By DAY: the shelter's own days; by SHELTER: the one row.
      const byDay = await network.gql<{ networkFigures: Group[] }>(
        `query($from: String!, $to: String!, $s: ID) { networkFigures(from: $from, to: $to, groupBy: DAY, shelterId: $s) { day ${FIELDS} } }`,
        { from: days[0], to: days[2], s: shelterId },
      );
      expect(byDay.data!.networkFigures.map(figuresOf)).toEqual(own.map(figuresOf));
      const byShelter = await network.gql<{ networkFigures: Group[] }>(
        `query($from: String!, $to: String!, $s: ID) { networkFigures(from: $from, to: $to, groupBy: SHELTER, shelterId: $s) { shelterId } }`,
        { from: days[0], to: days[2], s: shelterId },
      );
      expect(byShelter.data!.networkFigures).toEqual([{ shelterId }]);
    }
    expect(sum(await daily(network, countsShelter)).turnaways).toBe(4);
  });

  it('lets a shelter’s coordinator total their own shelter, never another’s nor the network', async () => {
    const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId: countsShelter });
    const [own] = await total(coordinator, { s: countsShelter });
    expect(figuresOf(own)).toEqual(figuresOf((await total(network, { s: countsShelter }))[0]));
    for (const variables of [{ s: bedsShelter }, {}, { borough: 'cdmx-cuauhtemoc' }]) {
      const refused = await coordinator.gql(TOTAL, { from: days[0], to: days[2], ...variables });
      expect(refused.data).toBeNull();
      expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    }
    // A volunteer there does not read its figures.
    const volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: countsShelter });
    const refused = await volunteer.gql(TOTAL, { from: days[0], to: days[2], s: countsShelter });
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('reaches as far for one shelter as its dailyFigures do: 366 days after from, not 367', async () => {
    const range = (to: string, s?: string) =>
      network.gql<{ networkFigures: Group[] }>(TOTAL, { from: '2025-01-01', to, s });
    const year = await range('2026-01-02', countsShelter);
    expect(year.errors).toBeUndefined();
    expect(year.data!.networkFigures).toEqual([
      expect.objectContaining({ shelters: 1, days: 367 }),
    ]);
    for (const refused of [await range('2026-01-03', countsShelter), await range('2026-01-02')]) {
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'RANGE_INVALID',
      });
    }
  });

  it('refuses an unknown shelter, or an id that is none, as typed errors', async () => {
    const unknown = await network.gql(TOTAL, { from: days[0], to: days[2], s: randomUUID() });
    expect(unknown.data).toBeNull();
    expect(unknown.errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SHELTER_NOT_FOUND',
    });
    const malformed = await network.gql(TOTAL, { from: days[0], to: days[2], s: 'not-an-id' });
    expect(malformed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('is for network coordinators and admins: shelter staff are refused the network', async () => {
    const variables = { from: days[0], to: days[2], by: 'DAY' };
    expect((await admin.gql(NETWORK, variables)).errors).toBeUndefined();
    for (const role of ['COORDINATOR', 'VOLUNTEER'] as const) {
      const staff = await staffAt(app, { role, shelterId: countsShelter });
      const refused = await staff.gql(NETWORK, variables);
      expect(refused.data).toBeNull();
      expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await app.gql(NETWORK, variables)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a backwards or too long range and a day not written YYYY-MM-DD, as typed errors', async () => {
    for (const [from, to, code, reason] of [
      ['2026-11-10', '2026-11-01', 'BAD_USER_INPUT', 'RANGE_INVALID'],
      ['2026-01-01', '2026-06-30', 'BAD_USER_INPUT', 'RANGE_INVALID'],
      ['2026-11-01T00:00:00Z', '2026-11-02', 'BAD_USER_INPUT', undefined],
      ['2026-02-30', '2026-03-02', 'BAD_USER_INPUT', undefined],
    ] as const) {
      const refused = await network.gql(NETWORK, { from, to, by: 'SHELTER' });
      expect(refused.errors![0].extensions).toMatchObject({ code, ...(reason ? { reason } : {}) });
      expect(refused.errors![0].message).not.toMatch(/2026/);
    }
    // dailyFigures takes days the same way (its range reaches a year and a day).
    for (const [from, to, reason] of [
      ['2026-11-10', '2026-11-01', 'RANGE_INVALID'],
      ['2026-11-01T00:00:00Z', '2026-11-02', undefined],
      ['2026-11-01', '2026-11-02T12:00:00-06:00', undefined],
      ['2026-02-30', '2026-03-02', undefined],
    ] as const) {
      const refused = await network.gql(DAILY, { s: countsShelter, from, to });
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        ...(reason ? { reason } : {}),
      });
    }
    const wrongGroup = await network.gql(NETWORK, { from: days[0], to: days[2], by: 'CITY' });
    expect(wrongGroup.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('carries the last report before the range into it, and takes the last of a day’s reports', async () => {
    const id = await shelterFor(app, { populations: ['MEN'] });
    const staff = await staffAt(app, { role: 'VOLUNTEER', shelterId: id });
    for (const freeBeds of [8, 5]) {
      const reported = await staff.gql(REPORT, {
        input: await reportInput(staff, id, [{ population: 'MEN', freeBeds }]),
      });
      expect(reported.errors).toBeUndefined();
    }
    // Both reports three days back: their day ends with 5 free of 10.
    await app.sql(
      `UPDATE availability_report SET at = at - interval '3 days' WHERE shelter_id = $1`,
      [id],
    );
    const today = await network.gql<{ dailyFigures: Daily[] }>(DAILY, {
      s: id,
      from: days[2],
      to: days[2],
    });
    expect(today.data!.dailyFigures).toEqual([
      expect.objectContaining({ day: days[2], reported: true, capacity: 10, occupied: 5 }),
    ]);
  });

  it('takes days before the switch to beds mode from the counts history, beds made earlier or not', async () => {
    const id = await shelterFor(app, { capacity: [{ population: 'MEN', totalBeds: 10 }] });
    const staff = await staffAt(app, { role: 'COORDINATOR', shelterId: id });
    const reported = await staff.gql(REPORT, {
      input: await reportInput(staff, id, [{ population: 'MEN', freeBeds: 7 }]),
    });
    expect(reported.errors).toBeUndefined();
    await app.sql(
      `UPDATE availability_report SET at = at - interval '2 days' WHERE shelter_id = $1`,
      [id],
    );
    // Beds set up two days ago while it still reported counts; the switch today.
    const roomId = await bedsAt(staff, id, 4, 'MEN');
    await app.sql(`UPDATE bed SET created_at = created_at - interval '2 days' WHERE room_id = $1`, [
      roomId,
    ]);
    const rows = await daily(network, id);
    expect(
      rows.map(({ day, reported: fromReports, capacity, occupied }) => ({
        day,
        reported: fromReports,
        capacity,
        occupied,
      })),
    ).toEqual([
      { day: days[0], reported: true, capacity: 10, occupied: 3 },
      { day: days[1], reported: true, capacity: 10, occupied: 3 },
      { day: days[2], reported: false, capacity: 4, occupied: 0 },
    ]);
  });

  it('audits each read of a sensitive shelter’s exact figures by a network role, ids only', async () => {
    const refuge = await shelterFor(app, {
      sensitive: true,
      capacity: [{ population: 'WOMEN', totalBeds: 6 }],
      address: { boroughCode: 'cdmx-tlalpan', city: 'Ciudad de México' },
    });
    const refugeStaff = await staffAt(app, { role: 'COORDINATOR', shelterId: refuge });
    const rows = (action: string) =>
      app.sql<{ actor_id: string; target_id: string; shelter_id: string; detail: string }>(
        `SELECT actor_id, target_id, shelter_id, detail FROM audit_entry
          WHERE action = $1 AND target_id = $2 ORDER BY id`,
        [action, refuge],
      );
    for (const by of ['SHELTER', 'BOROUGH', 'DAY']) {
      const answer = await network.gql(NETWORK, { from: days[0], to: days[2], by });
      expect(answer.errors).toBeUndefined();
    }
    // One borough's figures audit the sensitive shelters in it, not the others'.
    for (const borough of ['cdmx-iztapalapa', 'cdmx-tlalpan']) {
      const answer = await network.gql(
        'query($from: String!, $to: String!, $b: String) { networkFigures(from: $from, to: $to, groupBy: DAY, borough: $b) { day } }',
        { from: days[0], to: days[2], b: borough },
      );
      expect(answer.errors).toBeUndefined();
    }
    const networkRows = await rows('networkFigures');
    expect(networkRows).toHaveLength(4);
    expect(networkRows[0]).toEqual({
      actor_id: network.userId,
      target_id: refuge,
      shelter_id: refuge,
      detail: 'sensitive',
    });
    // Not for the shelters that are not sensitive.
    expect(
      await app.sql(
        `SELECT 1 FROM audit_entry WHERE action = 'networkFigures' AND target_id = $1`,
        [countsShelter],
      ),
    ).toHaveLength(0);

    await daily(network, refuge);
    expect(await rows('dailyFigures')).toEqual([
      { actor_id: network.userId, target_id: refuge, shelter_id: refuge, detail: 'sensitive' },
    ]);
    // Its own staff read their own figures: no row; nor a network read of another shelter.
    await daily(refugeStaff, refuge);
    await daily(network, countsShelter);
    expect(await rows('dailyFigures')).toHaveLength(1);
    expect(
      await app.sql(`SELECT 1 FROM audit_entry WHERE action = 'dailyFigures' AND target_id = $1`, [
        countsShelter,
      ]),
    ).toHaveLength(0);

    // The refuge's total: a network role's read audited, its own coordinator's not.
    await total(network, { s: refuge });
    expect(await rows('networkFigures')).toHaveLength(5);
    await total(refugeStaff, { s: refuge });
    expect(await rows('networkFigures')).toHaveLength(5);
  });

  it('counts a person moved within the shelter once a day', async () => {
    const id = await shelterFor(app, { populations: ['MEN'] });
    const staff = await staffAt(app, { role: 'COORDINATOR', shelterId: id });
    await bedsAt(staff, id, 3, 'MEN');
    const checkedIn = await staff.gql<{
      registerAndCheckIn: { bedId: string; residentId: string }[];
    }>(
      'mutation($input: RegisterAndCheckInInput!) { registerAndCheckIn(input: $input) { bedId residentId } }',
      { input: householdInput(id, [adult('Persona Movida', { population: 'MEN' })]) },
    );
    expect(checkedIn.errors).toBeUndefined();
    const [{ bedId, residentId }] = checkedIn.data!.registerAndCheckIn;
    const [other] = await app.sql<{ id: string }>(
      'SELECT id FROM bed WHERE shelter_id = $1 AND id <> $2 LIMIT 1',
      [id, bedId],
    );
    const moved = await staff.gql('mutation($input: MoveInput!) { move(input: $input) { id } }', {
      input: { requestId: randomUUID(), residentId, bedId: other.id },
    });
    expect(moved.errors).toBeUndefined();
    const today = await network.gql<{ dailyFigures: Daily[] }>(DAILY, {
      s: id,
      from: days[2],
      to: days[2],
    });
    expect(today.data!.dailyFigures).toEqual([
      expect.objectContaining({ reported: false, occupied: 1, bedNights: 1, arrivals: 1 }),
    ]);
  });

  it('accepts a daily range ending 366 days after from, as its schema says, and refuses 367', async () => {
    const id = await shelterFor(app, { populations: ['MEN'] });
    const range = (to: string) =>
      network.gql<{ dailyFigures: Daily[] }>(DAILY, { s: id, from: '2025-01-01', to });
    const year = await range('2026-01-02');
    expect(year.errors).toBeUndefined();
    expect(year.data!.dailyFigures).toHaveLength(367);
    const longer = await range('2026-01-03');
    expect(longer.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RANGE_INVALID',
    });
    expect(longer.errors![0].message).toMatch(/at most 366 days later/);
  });
});
