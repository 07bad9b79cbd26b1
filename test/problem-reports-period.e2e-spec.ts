import { ProblemReportsService } from '@albergue/shelters';
import { shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

interface Counts {
  shelterId: string;
  days: { day: string; reason: string; count: number }[];
}

const REPORTS = `query($s: ID, $days: Int, $from: String, $to: String) {
  problemReports(shelterId: $s, days: $days, from: $from, to: $to) { shelterId days { day reason count } }
}`;

/**
 * problemReports for a period (`from`, `to`), as a report for a past period needs, beside the
 * last `days` that staff screens read: days cut at midnight in TIME_ZONE, as dailyFigures cuts them.
 * Reports are placed at chosen local times by moving their rows (Mexico City keeps no summer time).
 */
describe('Problem reports by period (e2e)', () => {
  let app: TestApp;
  let network: Person;
  let here: string;
  let elsewhere: string;
  let day: (back: number) => string;

  const counts = async (who: Person, variables: Record<string, unknown>) => {
    const result = await who.gql<{ problemReports: Counts[] }>(REPORTS, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.problemReports;
  };
  /** One report, then moved to `local` (YYYY-MM-DD HH:MM, TIME_ZONE's wall clock). */
  let address = 0;
  const reportAt = async (shelterId: string, reason: 'NO_ANSWER' | 'CLOSED', local: string) => {
    address += 1;
    const problems = app.app.get(ProblemReportsService);
    expect(await problems.report({ shelterId, reason }, `203.0.113.${address}`)).toBe(true);
    await app.sql(
      `UPDATE problem_report SET reported_at = $2::timestamp AT TIME ZONE 'America/Mexico_City'
        WHERE id = (SELECT id FROM problem_report WHERE shelter_id = $1 ORDER BY reported_at DESC LIMIT 1)`,
      [shelterId, local],
    );
  };

  beforeAll(async () => {
    app = await startTestApp();
    network = await networkUser(app, 'NETWORK_COORDINATOR');
    const [{ today }] = await app.sql<{ today: string }>(
      `SELECT to_char((now() AT TIME ZONE 'America/Mexico_City')::date, 'YYYY-MM-DD') AS today`,
    );
    day = (back: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    here = await shelterFor(app, { populations: ['MEN'] });
    elsewhere = await shelterFor(app, { populations: ['WOMEN'] });
    // Just outside the period on both sides, at its edges, and inside it; and today.
    await reportAt(here, 'CLOSED', `${day(21)} 23:59`);
    await reportAt(here, 'NO_ANSWER', `${day(20)} 00:01`);
    await reportAt(here, 'NO_ANSWER', `${day(15)} 12:00`);
    await reportAt(here, 'CLOSED', `${day(15)} 18:30`);
    await reportAt(here, 'CLOSED', `${day(10)} 23:59`);
    await reportAt(here, 'NO_ANSWER', `${day(9)} 00:01`);
    await reportAt(here, 'NO_ANSWER', `${day(0)} 00:01`);
    await reportAt(elsewhere, 'CLOSED', `${day(30)} 10:00`);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('counts a period’s reports, its first and last days whole in TIME_ZONE, none outside it', async () => {
    const [answer, ...more] = await counts(network, { s: here, from: day(20), to: day(10) });
    expect(more).toEqual([]);
    expect(answer).toEqual({
      shelterId: here,
      days: [
        { day: day(10), reason: 'CLOSED', count: 1 },
        // Within a day, in the order of the reasons' enum.
        { day: day(15), reason: 'NO_ANSWER', count: 1 },
        { day: day(15), reason: 'CLOSED', count: 1 },
        { day: day(20), reason: 'NO_ANSWER', count: 1 },
      ],
    });
    // A period of one day, and one with no report: the shelter, with nothing to count.
    expect((await counts(network, { s: here, from: day(9), to: day(9) }))[0].days).toEqual([
      { day: day(9), reason: 'NO_ANSWER', count: 1 },
    ]);
    expect(await counts(network, { s: here, from: day(5), to: day(1) })).toEqual([
      { shelterId: here, days: [] },
    ]);
  });

  it('agrees with the figures: the period’s count is its dailyFigures’ problemReports', async () => {
    const daily = await network.gql<{ dailyFigures: { problemReports: number }[] }>(
      'query($s: ID!, $from: String!, $to: String!) { dailyFigures(shelterId: $s, from: $from, to: $to) { problemReports } }',
      { s: here, from: day(20), to: day(10) },
    );
    const [answer] = await counts(network, { s: here, from: day(20), to: day(10) });
    const counted = answer.days.reduce((sum, each) => sum + each.count, 0);
    expect(counted).toBe(4);
    expect(daily.data!.dailyFigures.reduce((sum, each) => sum + each.problemReports, 0)).toBe(
      counted,
    );
  });

  it('gives every shelter with reports in the period when no shelter is named', async () => {
    const some = await counts(network, { from: day(31), to: day(25) });
    expect(some.find((each) => each.shelterId === elsewhere)?.days).toEqual([
      { day: day(30), reason: 'CLOSED', count: 1 },
    ]);
    expect(some.find((each) => each.shelterId === here)).toBeUndefined();
  });

  it('keeps `days` as before: the last days, today included, 7 when not given', async () => {
    for (const variables of [{ s: here }, { s: here, days: 7 }, { s: here, days: 1 }]) {
      expect((await counts(network, variables))[0].days).toEqual([
        { day: day(0), reason: 'NO_ANSWER', count: 1 },
      ]);
    }
    expect((await counts(network, { s: here, days: 16 }))[0].days.map((each) => each.day)).toEqual([
      day(0),
      day(9),
      day(10),
      day(15),
      day(15),
    ]);
  });

  it('is for the shelter’s staff and the network roles, a period as much as days', async () => {
    const volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: here });
    expect((await counts(volunteer, { s: here, from: day(20), to: day(10) }))[0].days).toHaveLength(
      4,
    );
    const refused = await volunteer.gql(REPORTS, { s: elsewhere, from: day(31), to: day(25) });
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    const everyShelter = await volunteer.gql(REPORTS, { from: day(31), to: day(25) });
    expect(everyShelter.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a period half given, given with days, backwards, too long or not a day, as typed errors', async () => {
    for (const [variables, reason] of [
      [{ from: day(10) }, 'RANGE_INVALID'],
      [{ to: day(10) }, 'RANGE_INVALID'],
      [{ from: day(10), to: day(1), days: 7 }, 'RANGE_INVALID'],
      [{ from: day(1), to: day(10) }, 'RANGE_INVALID'],
      [{ from: '2025-01-01', to: '2026-01-03' }, 'RANGE_INVALID'],
      [{ from: '2026-02-30', to: '2026-03-02' }, undefined],
      [{ from: '2026-11-01T00:00:00Z', to: '2026-11-02' }, undefined],
    ] as const) {
      const refused = await network.gql(REPORTS, { s: here, ...variables });
      expect(refused.data).toBeNull();
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        ...(reason ? { reason } : {}),
      });
    }
    // A year and a day is the longest period, as for dailyFigures.
    expect(
      (await network.gql(REPORTS, { s: here, from: '2025-01-01', to: '2026-01-02' })).errors,
    ).toBeUndefined();
  });
});
