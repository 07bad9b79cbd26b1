import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ProblemReportsService } from '@albergue/shelters';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../clients/chromium.js';
import { bedsAt } from './factories/occupancy.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { consoleFor, consoleWords } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const FIELDS =
  'capacity occupied bedNights arrivals departures turnaways problemReports turnawaysByPopulation { population count }';
const NETWORK_DAYS = `query($from: String!, $to: String!, $borough: String) {
  networkFigures(from: $from, to: $to, groupBy: DAY, borough: $borough) { day ${FIELDS} } }`;
const DAILY = `query($s: ID!, $from: String!, $to: String!) {
  dailyFigures(shelterId: $s, from: $from, to: $to) { day ${FIELDS} } }`;
const TOTAL = `query($from: String!, $to: String!, $borough: String, $s: ID) {
  networkFigures(from: $from, to: $to, groupBy: NETWORK, borough: $borough, shelterId: $s) { ${FIELDS} } }`;
const PROBLEMS = `query($s: ID, $from: String!, $to: String!) {
  problemReports(shelterId: $s, from: $from, to: $to) { shelterId days { day reason count } } }`;
const AGGREGATES = `query($s: ID) { residentAggregates(shelterId: $s) {
  total { key count suppressed }
  byPopulation { key count suppressed } byNationality { key count suppressed }
  byCaseStatus { key count suppressed } byAsylumStatus { key count suppressed } } }`;

interface Day {
  day: string;
  capacity: number;
  occupied: number;
  bedNights: number;
  arrivals: number;
  departures: number;
  turnaways: number;
  problemReports: number;
  turnawaysByPopulation: { population: string; count: number }[];
}
interface Cell {
  key: string;
  count: number | null;
  suppressed: boolean;
}

const POPULATIONS = ['FAMILIES', 'LGBTQ', 'MEN', 'UNACCOMPANIED_MINORS', 'WOMEN'];
const group = (day: Day, population: string) =>
  day.turnawaysByPopulation.find((each) => each.population === population)?.count ?? 0;

/** Each plot's rows as the API's days give them, written as a table writes them (text). */
const EXPECTED: Record<string, (day: Day) => number[]> = {
  occupancy: (day) => [day.occupied, day.capacity],
  bedNights: (day) => [day.bedNights],
  movements: (day) => [day.arrivals, day.departures],
  turnaways: (day) => [day.turnaways, ...POPULATIONS.map((each) => group(day, each))],
};
const SERIES = { occupancy: 2, bedNights: 1, movements: 2, turnaways: 6 };

/** A table's body as text, the row heading first: what a reader (and the CSV) gets. */
const bodyOf = (page: Page, selector: string) =>
  page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent)),
  );
const tableOf = (page: Page, selector: string) =>
  page.$$eval(`${selector} tr`, (rows) =>
    rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent)),
  );

/** RFC 4180, read back: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      field += char;
    }
  }
  expect(field).toBe('');
  return records;
}

/**
 * The network's figures in the console: plots of what the API answers for a seeded fortnight,
 * each also a table equal to the API's answer and a CSV equal to the table; residents' aggregates
 * with the API's suppression; the printable report; no network sections for a coordinator.
 */
describe('The staff console: figures and reports (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let network: Person;
  let coordinator: Person;
  let countsShelter: string;
  let bedsShelter: string;
  /** The network role's one page: each sign-in of theirs takes a fresh TOTP step. */
  let page: Page;
  let from: string;
  let to: string;
  const contexts: BrowserContext[] = [];

  const newContext = async () => {
    const context = await browser.newContext({ locale: 'es-MX', acceptDownloads: true });
    contexts.push(context);
    return context;
  };

  const networkDays = async (borough: string | null = null) => {
    const answer = await network.gql<{ networkFigures: Day[] }>(NETWORK_DAYS, {
      from,
      to,
      borough,
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.networkFigures;
  };

  /** The period's total as the API gives it (groupBy NETWORK), as its table row writes it. */
  const totalRow = async (
    who: Person,
    scopeName: string,
    variables: { from: string; to: string; borough?: string; s?: string },
  ) => {
    const answer = await who.gql<{ networkFigures: Day[] }>(TOTAL, variables);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.networkFigures).toHaveLength(1);
    const [total] = answer.data!.networkFigures;
    return [
      scopeName,
      ...[
        total.capacity,
        total.occupied,
        total.bedNights,
        total.arrivals,
        total.departures,
        total.turnaways,
        ...POPULATIONS.map((each) => group(total, each)),
        total.problemReports,
      ].map(String),
    ];
  };

  /** problemReports for a period, as the report's table writes its rows (names, words). */
  const problemRows = async (periodFrom: string, periodTo: string) => {
    const words = await consoleWords('es');
    const answer = await network.gql<{
      problemReports: {
        shelterId: string;
        days: { day: string; reason: string; count: number }[];
      }[];
    }>(PROBLEMS, { from: periodFrom, to: periodTo });
    expect(answer.errors).toBeUndefined();
    const names = new Map([
      [countsShelter, 'Casa Fortnight'],
      [bedsShelter, 'Casa Camas'],
    ]);
    return answer.data!.problemReports.flatMap((shelter) =>
      shelter.days.map((day) => [
        names.get(shelter.shelterId),
        day.day,
        words[`reports.reason.${day.reason}` as keyof typeof words],
        String(day.count),
      ]),
    );
  };

  /**
   * Waits until the report's problem reports are exactly `rows` (the period's, the shelters named:
   * their names may come a moment after the reports).
   */
  const expectProblems = async (rows: (string | undefined)[][]) => {
    await page.waitForFunction(
      (expected) =>
        JSON.stringify(
          [...document.querySelectorAll('#problems-table tbody tr')].map((tr) =>
            [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent),
          ),
        ) === expected,
      JSON.stringify(rows),
    );
    expect(await bodyOf(page, '#problems-table')).toEqual(rows);
  };

  /** Waits until `on`'s total table is exactly `row` (the scope's answer, not the last one's). */
  const expectTotal = async (on: Page, row: string[]) => {
    await on.waitForFunction(
      (expected) =>
        JSON.stringify(
          [...document.querySelectorAll('#figures-total-table tbody tr')].map((tr) =>
            [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent),
          ),
        ) === expected,
      JSON.stringify([row]),
    );
    expect(await bodyOf(on, '#figures-total-table')).toEqual([row]);
  };

  /** Waits for the four plots drawn, then checks each one's series and table against `days`. */
  const expectPlotsOf = async (days: Day[]) => {
    // The answer on screen is this one (a new scope's, not the last one's) before comparing.
    await page.waitForFunction(
      (expected) =>
        JSON.stringify(
          [...document.querySelectorAll('#figures-occupancy-table tbody tr')].map((row) =>
            [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent),
          ),
        ) === expected,
      JSON.stringify(days.map((day) => [day.day, ...EXPECTED.occupancy(day).map(String)])),
    );
    for (const [plot, series] of Object.entries(SERIES)) {
      const drawn = page.locator(`[data-plot=${plot}] .figure-plot[data-series]`);
      await drawn.waitFor();
      expect(await drawn.getAttribute('data-series')).toBe(String(series));
      expect(await drawn.getAttribute('aria-hidden')).toBe('true');
      expect(await page.locator(`[data-plot=${plot}] .figure-plot canvas`).count()).toBe(1);
      expect(await bodyOf(page, `#figures-${plot}-table`)).toEqual(
        days.map((day) => [day.day, ...EXPECTED[plot](day).map(String)]),
      );
    }
  };

  const show = async (scope: string) => {
    await page.selectOption('select[name=scope]', scope);
    await page.click('.figures-form button[type=submit]');
  };

  beforeAll(async () => {
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    network = await networkUser(app, 'NETWORK_COORDINATOR');
    const [{ today }] = await app.sql<{ today: string }>(
      `SELECT to_char((now() AT TIME ZONE 'America/Mexico_City')::date, 'YYYY-MM-DD') AS today`,
    );
    const back = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    from = back(13);
    to = today;

    // A fortnight as network-figures.e2e-spec.ts makes past days: rows made through the API,
    // then moved back whole days (Mexico City keeps no summer time).
    countsShelter = await shelterFor(app, {
      name: 'Casa Fortnight',
      capacity: [
        { population: 'MEN', totalBeds: 10 },
        { population: 'WOMEN', totalBeds: 10 },
      ],
    });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId: countsShelter });
    for (let daysBack = 13; daysBack >= 0; daysBack -= 1) {
      const reported = await coordinator.gql<{ reportAvailability: { id: string } }>(
        'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
        {
          input: await reportInput(coordinator, countsShelter, [
            { population: 'MEN', freeBeds: daysBack % 5 },
            { population: 'WOMEN', freeBeds: 10 - (daysBack % 4) },
          ]),
        },
      );
      expect(reported.errors).toBeUndefined();
      await app.sql(
        `UPDATE availability_report SET at = at - make_interval(days => $2) WHERE id = $1`,
        [reported.data!.reportAvailability.id, daysBack],
      );
      const turned = await coordinator.gql<{ recordTurnaway: { id: string } }>(
        'mutation($input: TurnawayInput!) { recordTurnaway(input: $input) { id } }',
        {
          input: {
            requestId: randomUUID(),
            shelterId: countsShelter,
            population: daysBack % 2 ? 'MEN' : 'WOMEN',
            count: (daysBack % 3) + 1,
            reason: 'NO_SPACE',
          },
        },
      );
      expect(turned.errors).toBeUndefined();
      await app.sql(`UPDATE turnaway SET at = at - make_interval(days => $2) WHERE id = $1`, [
        turned.data!.recordTurnaway.id,
        daysBack,
      ]);
    }

    // Beds mode, in Iztapalapa, its beds since thirteen days ago: one family in for six days,
    // another in today and one of them out again.
    bedsShelter = await shelterFor(app, {
      name: 'Casa Camas',
      populations: ['FAMILIES'],
      address: { boroughCode: 'cdmx-iztapalapa', city: 'Ciudad de México' },
    });
    const bedsStaff = await staffAt(app, { role: 'COORDINATOR', shelterId: bedsShelter });
    await bedsAt(bedsStaff, bedsShelter, 4, 'FAMILIES');
    await app.sql(
      `UPDATE bed SET created_at = created_at - interval '13 days' WHERE shelter_id = $1`,
      [bedsShelter],
    );
    await app.sql(
      `UPDATE shelter SET beds_mode_since = beds_mode_since - interval '13 days' WHERE id = $1`,
      [bedsShelter],
    );
    const checkIn = async (name: string) => {
      const answer = await bedsStaff.gql<{ registerAndCheckIn: { residentId: string }[] }>(
        'mutation($input: RegisterAndCheckInInput!) { registerAndCheckIn(input: $input) { residentId } }',
        { input: householdInput(bedsShelter, [adult(name)]) },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.registerAndCheckIn[0].residentId;
    };
    const early = await checkIn('Persona Temprana');
    await app.sql(
      `UPDATE bed_assignment SET started_at = started_at - interval '6 days' WHERE resident_id = $1`,
      [early],
    );
    const leaving = await checkIn('Persona Breve');
    const out = await bedsStaff.gql(
      'mutation($input: CheckOutInput!) { checkOut(input: $input) { id } }',
      { input: { requestId: randomUUID(), residentId: leaving } },
    );
    expect(out.errors).toBeUndefined();
    const turned = await bedsStaff.gql(
      'mutation($input: TurnawayInput!) { recordTurnaway(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          shelterId: bedsShelter,
          population: 'FAMILIES',
          count: 3,
          reason: 'NO_SPACE',
        },
      },
    );
    expect(turned.errors).toBeUndefined();

    // Residents for the aggregates: seven Haitian men (a count shown, rounded) and one
    // Venezuelan (a small cell, pooled and hidden).
    const registered = await coordinator.gql(REGISTER, {
      input: householdInput(countsShelter, [
        ...Array.from({ length: 7 }, (_, n) =>
          adult(`Hombre ${n}`, { population: 'MEN', nationality: 'HT' }),
        ),
        adult('Hombre VE', { population: 'MEN', nationality: 'VE' }),
      ]),
    });
    expect(registered.errors).toBeUndefined();

    // Problem reports from the finder: one today, one moved back three days.
    const problems = app.app.get(ProblemReportsService);
    await problems.report({ shelterId: countsShelter, reason: 'NO_ANSWER' }, '203.0.113.1');
    await problems.report({ shelterId: bedsShelter, reason: 'WRONG_ADDRESS' }, '203.0.113.2');
    await app.sql(
      `UPDATE problem_report SET reported_at = reported_at - interval '3 days' WHERE shelter_id = $1`,
      [bedsShelter],
    );
    // And one before the fortnight: a report for a past period shows it, this fortnight's not.
    await problems.report({ shelterId: countsShelter, reason: 'CLOSED' }, '203.0.113.3');
    await app.sql(
      `UPDATE problem_report SET reported_at = reported_at - interval '20 days'
        WHERE id = (SELECT id FROM problem_report WHERE shelter_id = $1 AND reason = 'closed')`,
      [countsShelter],
    );

    page = await consoleFor(
      await newContext(),
      app,
      network,
      `/console/figures?from=${from}&to=${to}&scope=network`,
    );
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await app?.close();
  });

  it('draws the network’s fortnight: four plots, each table the API’s answer cell by cell', async () => {
    const words = await consoleWords('es');
    const days = await networkDays();
    expect(days).toHaveLength(14);
    // The seeded figures are there: the plots compare something.
    expect(days.some((day) => day.occupied > 0 && day.capacity > 0)).toBe(true);
    expect(days.reduce((sum, day) => sum + day.turnaways, 0)).toBeGreaterThan(14);
    expect(days.some((day) => day.departures > 0)).toBe(true);
    await expectPlotsOf(days);
    // The period's total, one row: the API's NETWORK row, cell by cell.
    const total = await totalRow(network, words['figures.network'], { from, to });
    expect(Number(total[6])).toBeGreaterThan(14);
    await expectTotal(page, total);
    // The network nav has both sections, the figures marked as here.
    expect(await page.locator('nav.network a[aria-current=page]').textContent()).toBe(
      words['figures.nav'],
    );
    expect(await page.locator('nav.network a').allTextContents()).toEqual(
      expect.arrayContaining([words['figures.nav'], words['reports.nav']]),
    );
    // Each table is behind a button that says whether it is open.
    const toggle = page.locator('[data-plot=occupancy] button[aria-expanded]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#figures-occupancy-table table').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.getAttribute('aria-controls')).toBe('figures-occupancy-table');
    expect(await page.locator('#figures-occupancy-table table').isVisible()).toBe(true);
    expect(await page.locator('#figures-occupancy-table caption').textContent()).toContain(
      words['figures.plot.occupancy'],
    );
    expect(await page.locator('#figures-occupancy-table th[scope=col]').count()).toBe(3);
    expect(await page.locator('#figures-occupancy-table th[scope=row]').count()).toBe(14);
    // The period by borough, as the API sums it.
    const byBorough = await network.gql<{
      networkFigures: { borough: string | null; capacity: number; turnaways: number }[];
    }>(
      `query($from: String!, $to: String!) { networkFigures(from: $from, to: $to, groupBy: BOROUGH) { borough capacity turnaways } }`,
      { from, to },
    );
    const rows = await bodyOf(page, '#figures-groups-table');
    expect(rows.map((row) => [row[0], row[1], row[6]])).toEqual(
      byBorough.data!.networkFigures.map((each) => [
        each.borough ?? words['figures.noBorough'],
        String(each.capacity),
        String(each.turnaways),
      ]),
    );
  });

  it('draws one borough day by day (networkFigures’ borough) and one shelter (dailyFigures)', async () => {
    await show('borough:cdmx-iztapalapa');
    const borough = await networkDays('cdmx-iztapalapa');
    expect(borough.map((day) => day.capacity)).toEqual(Array(14).fill(4));
    await expectPlotsOf(borough);
    await expectTotal(
      page,
      await totalRow(network, 'Iztapalapa', { from, to, borough: 'cdmx-iztapalapa' }),
    );
    // The address keeps the choice: a reload or a shared link shows the same figures.
    expect(new URL(page.url()).searchParams.get('scope')).toBe('borough:cdmx-iztapalapa');

    await show(`shelter:${countsShelter}`);
    const own = await network.gql<{ dailyFigures: Day[] }>(DAILY, { s: countsShelter, from, to });
    expect(own.errors).toBeUndefined();
    await expectPlotsOf(own.data!.dailyFigures);
    await expectTotal(
      page,
      await totalRow(network, 'Casa Fortnight', { from, to, s: countsShelter }),
    );
    expect(await page.locator('.figures-scope').textContent()).toContain('Casa Fortnight');
  });

  it('downloads each table as CSV, exactly the table, under a dated name', async () => {
    await show('network');
    await expectPlotsOf(await networkDays());
    for (const plot of ['occupancy', 'turnaways']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`[data-plot=${plot}] button.csv`),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^albergue-[a-z0-9-]+-${from}_${to}-made-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
      );
      const text = readFileSync((await download.path())!, 'utf8');
      // A byte-order mark for spreadsheets, then RFC 4180.
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(parseCsv(text.slice(1))).toEqual(await tableOf(page, `#figures-${plot}-table`));
      // The button names the table it downloads.
      expect(await page.locator(`[data-plot=${plot}] button.csv`).textContent()).toContain(
        await page.locator(`#figures-${plot}-table caption`).textContent(),
      );
    }
  });

  it('shows residents’ aggregates with the API’s suppression, and says why', async () => {
    const words = await consoleWords('es');
    const text = (cell: Cell) =>
      cell.suppressed ? words['figures.suppressed'] : String(cell.count);
    const seen = new Set<boolean>();
    // The network's (ten people: counts shown, rounded) and Casa Camas's (two: all hidden).
    for (const [scope, shelterId] of [
      ['network', null],
      [`shelter:${bedsShelter}`, bedsShelter],
    ] as const) {
      await show(scope);
      const answer = await network.gql<{ residentAggregates: Record<string, Cell[] | Cell> }>(
        AGGREGATES,
        { s: shelterId },
      );
      expect(answer.errors).toBeUndefined();
      const aggregates = answer.data!.residentAggregates;
      const total = aggregates.total as Cell;
      await page.waitForFunction(
        (expected) => document.querySelector('.aggregates-total strong')?.textContent === expected,
        text(total),
      );
      seen.add(total.suppressed);
      for (const field of ['byPopulation', 'byNationality', 'byCaseStatus', 'byAsylumStatus']) {
        const cells = aggregates[field] as Cell[];
        cells.forEach((cell) => seen.add(cell.suppressed));
        const rows = await bodyOf(page, `#aggregates-${field}`);
        expect(rows.map((row) => row[1])).toEqual(cells.map(text));
        // A pooled cell is named as such, never by a key.
        expect(rows.map((row) => row[0])).toEqual(
          cells.map((cell) =>
            cell.key === 'OTHER' ? words['figures.otherGroups'] : expect.any(String),
          ),
        );
      }
      expect(await page.locator('#aggregates-note').textContent()).toBe(words['figures.agg.note']);
    }
    // Both kinds were compared: counts shown and counts hidden.
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('prints the report: its heading, every table, no nav and no buttons', async () => {
    const words = await consoleWords('es');
    await page.goto(`${app.url}/console/reports?from=${from}&to=${to}&scope=network&lang=es`);
    await page.locator('.figure-plot[data-series]').first().waitFor();
    await page.locator('#problems-table').waitFor();
    expect(await page.locator('#report-title').textContent()).toBe(
      words['reports.title'].replace('{scope}', words['figures.network']),
    );
    expect(await page.locator('.report-period').textContent()).toContain(from);
    // The finder's reports of exactly the period, as problemReports gives them for it, by
    // shelter, day and reason: these two, not the one before the period.
    await expectProblems(await problemRows(from, to));
    expect(await bodyOf(page, '#problems-table')).toEqual(
      expect.arrayContaining([
        ['Casa Fortnight', to, words['reports.reason.NO_ANSWER'], '1'],
        [
          'Casa Camas',
          new Date(Date.parse(`${to}T12:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10),
          words['reports.reason.WRONG_ADDRESS'],
          '1',
        ],
      ]),
    );
    expect(await bodyOf(page, '#problems-table')).not.toContainEqual(
      expect.arrayContaining([words['reports.reason.CLOSED']]),
    );
    // The report's total: the API's NETWORK row.
    await expectTotal(page, await totalRow(network, words['figures.network'], { from, to }));
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['nav', 'button', 'header.top', 'form']) {
      const shown = await page.$$eval(
        selector,
        (elements) =>
          elements.filter((element) => (element as HTMLElement).offsetParent !== null).length,
      );
      expect({ selector, shown }).toEqual({ selector, shown: 0 });
    }
    expect(await page.locator('.report-made').isVisible()).toBe(true);
    const tables = page.locator('.data-table table');
    expect(await tables.count()).toBeGreaterThanOrEqual(4 + 1 + 4 + 1);
    for (const table of await tables.all()) {
      expect(await table.isVisible()).toBe(true);
    }
    await page.emulateMedia({ media: 'screen' });
  });

  it('reports a past period: its own problem reports and total; a note past what the API keeps', async () => {
    const words = await consoleWords('es');
    const back = (n: number) =>
      new Date(Date.parse(`${to}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const [pastFrom, pastTo] = [back(25), back(15)];
    await page.goto(
      `${app.url}/console/reports?from=${pastFrom}&to=${pastTo}&scope=network&lang=es`,
    );
    const rows = await problemRows(pastFrom, pastTo);
    expect(rows).toEqual([['Casa Fortnight', back(20), words['reports.reason.CLOSED'], '1']]);
    await expectProblems(rows);
    const total = await totalRow(network, words['figures.network'], {
      from: pastFrom,
      to: pastTo,
    });
    expect(total.at(-1)).toBe('1');
    await expectTotal(page, total);
    // The API keeps reports 90 days: within them, no note that some are gone; beyond, the note.
    const kept = words['reports.problemsKept'].replace('{n}', '90');
    expect(await page.locator('.hint', { hasText: kept }).count()).toBe(0);
    await page.goto(
      `${app.url}/console/reports?from=${back(100)}&to=${back(95)}&scope=network&lang=es`,
    );
    await page.locator('.hint', { hasText: kept }).waitFor();
    // One shelter's report: its reports only (Casa Camas had none then).
    await page.goto(
      `${app.url}/console/reports?from=${pastFrom}&to=${pastTo}&scope=shelter:${bedsShelter}&lang=es`,
    );
    await expectTotal(
      page,
      await totalRow(network, 'Casa Camas', { from: pastFrom, to: pastTo, s: bedsShelter }),
    );
    await page.locator('#problems-title').waitFor();
    await page.waitForSelector('#problems-title ~ .notice');
    expect(await page.locator('#problems-table').count()).toBe(0);
  });

  it('passes axe on the figures and the report, in Spanish and Haitian Creole', async () => {
    for (const lang of ['es', 'ht']) {
      for (const screen of ['figures', 'reports']) {
        await page.goto(
          `${app.url}/console/${screen}?from=${from}&to=${to}&scope=network&lang=${lang}`,
        );
        await page.locator('.figure-plot[data-series]').first().waitFor();
        await page.locator('#aggregates-byPopulation').waitFor();
        expect({ lang, screen, findings: await axeFindings(page) }).toEqual({
          lang,
          screen,
          findings: [],
        });
      }
    }
  });

  it('gives a coordinator no network sections, “not for your role” at their address, and their own shelter’s figures', async () => {
    const words = await consoleWords('es');
    const own = await consoleFor(
      await newContext(),
      app,
      coordinator,
      `/console/shelters/${countsShelter}`,
    );
    await own.waitForSelector('#shelter-title');
    expect(await own.locator('nav.network').count()).toBe(0);
    expect(await own.locator(`a[href$="/figures"]`).allTextContents()).toEqual([
      words['figures.shelterNav'],
    ]);
    for (const path of ['/console/figures', '/console/reports']) {
      await own.goto(`${app.url}${path}?lang=es`);
      await own.waitForSelector('.not-for-role');
      expect(await own.locator('.not-for-role').textContent()).toContain(words['app.notForRole']);
      expect(await own.locator('.figure-plot').count()).toBe(0);
    }
    // Their own shelter's figures, which dailyFigures lets a coordinator read.
    await own.goto(
      `${app.url}/console/shelters/${countsShelter}/figures?from=${from}&to=${to}&lang=es`,
    );
    const drawn = own.locator('[data-plot=occupancy] .figure-plot[data-series]');
    await drawn.waitFor();
    const daily = await coordinator.gql<{ dailyFigures: Day[] }>(DAILY, {
      s: countsShelter,
      from,
      to,
    });
    expect(await bodyOf(own, '#figures-occupancy-table')).toEqual(
      daily.data!.dailyFigures.map((day) => [day.day, String(day.occupied), String(day.capacity)]),
    );
    // Its total, which networkFigures gives a coordinator for their own shelter.
    await expectTotal(
      own,
      await totalRow(coordinator, 'Casa Fortnight', { from, to, s: countsShelter }),
    );
    // Not another shelter's.
    await own.goto(`${app.url}/console/shelters/${bedsShelter}/figures?lang=es`);
    await own.waitForSelector('.not-for-role');
    expect(await own.locator('.not-for-role').textContent()).toContain(words['app.notForRole']);
    expect(await axeFindings(own)).toEqual([]);
  });
});
