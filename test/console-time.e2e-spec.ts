import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Request } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../clients/chromium.js';
import { bedsAt } from './factories/occupancy.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { staffAt, type Person } from './factories/staff.factory.js';
import { consoleFor } from './helpers/console-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Registered = { registerHousehold: { members: { id: string; name: string }[] } };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Mexico City keeps -06:00 all year (no summer time since 2022). */
const MEXICO_OFFSET = -6 * HOUR;

/** The calendar day in Mexico City at `instant`, YYYY-MM-DD. */
const mexicoDay = (instant: number) => new Date(instant + MEXICO_OFFSET).toISOString().slice(0, 10);

/** A GraphQL operation's variables, as the console posts them. */
const variablesOf = (request: Request) =>
  (request.postDataJSON() as { variables: Record<string, unknown> }).variables;

describe('The staff console: times on the wall clock of TIME_ZONE, not the device’s (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let shelterId: string;
  let volunteer: Person;
  let coordinator: Person;
  let resident: string;
  const contexts: BrowserContext[] = [];

  /** A shelter laptop left on UTC, six hours ahead of the city it is in. */
  const onUtc = async () => {
    const context = await browser.newContext({ locale: 'es-MX', timezoneId: 'UTC' });
    contexts.push(context);
    return context;
  };

  beforeAll(async () => {
    app = await startTestApp({ TIME_ZONE: 'America/Mexico_City' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    shelterId = await shelterFor(app, { name: 'Casa del Migrante', populations: ['FAMILIES'] });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    await bedsAt(coordinator, shelterId, 2, 'FAMILIES');
    const answer = await coordinator.gql<Registered>(REGISTER, {
      input: householdInput(shelterId, [adult('Ana Morales', { birthYear: 1992 })]),
    });
    resident = answer.data!.registerHousehold.members[0].id;
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await app?.close();
  });

  it('serves TIME_ZONE in /config.json, beside the map’s settings', async () => {
    const config = (await (await fetch(`${app.url}/config.json`)).json()) as Record<
      string,
      unknown
    >;
    expect(config).toEqual(expect.objectContaining({ timeZone: 'America/Mexico_City' }));
  });

  it('prints the morning plan at the hour of TIME_ZONE on a device on UTC', async () => {
    // The next 09:00 in Mexico City: 15:00 in UTC.
    let nine = Date.UTC(
      new Date().getUTCFullYear(),
      new Date().getUTCMonth(),
      new Date().getUTCDate(),
      15,
    );
    if (nine < Date.now() + 5 * 60_000) {
      nine += DAY;
    }
    const added = await volunteer.gql<{ addAppointment: { id: string } }>(
      'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          residentId: resident,
          kind: 'COMAR',
          startsAt: new Date(nine).toISOString(),
          place: 'COMAR, Versalles 49',
        },
      },
    );
    expect(added.errors).toBeUndefined();

    const page = await consoleFor(
      await onUtc(),
      app,
      coordinator,
      `/console/shelters/${shelterId}/plan`,
    );
    await page.waitForSelector('.plan-line');
    expect(await page.evaluate(() => new Date().getTimezoneOffset())).toBe(0);
    const time = page.locator(
      `.plan-line[data-appointment="${added.data!.addAppointment.id}"] time`,
    );
    const written = (await time.textContent())!;
    expect(written).toMatch(/\b9:00\b/);
    expect(written).not.toMatch(/\b(3|15):00\b/);
    expect(Date.parse((await time.getAttribute('datetime'))!)).toBe(nine);
  });

  it('stores an appointment typed as 09:00 as 09:00 in TIME_ZONE, and shows it so', async () => {
    const day = mexicoDay(Date.now() + 3 * DAY);
    const page = await consoleFor(
      await onUtc(),
      app,
      volunteer,
      `/console/shelters/${shelterId}/residents/${resident}`,
    );
    await page.waitForSelector('#history-title');
    await page.click('.new-appointment summary');
    await page.selectOption('select[name=kind]', 'CONSULATE');
    await page.fill('input[name=startsAt]', `${day}T09:00`);
    await page.fill('input[name=place]', 'Consulado de Honduras');
    await page.click('.new-appointment button[type=submit]');
    const shown = page.locator('.appointment-list li', { hasText: 'Consulado de Honduras' });
    await shown.waitFor();

    const stored = await volunteer.gql<{
      residentAppointments: { place: string; startsAt: string }[];
    }>('query($id: ID!) { residentAppointments(residentId: $id) { place startsAt } }', {
      id: resident,
    });
    expect(stored.data?.residentAppointments).toContainEqual({
      place: 'Consulado de Honduras',
      startsAt: `${day}T09:00:00-06:00`,
    });
    expect(await shown.locator('time').textContent()).toMatch(/\b9:00\b/);
  });

  it('asks for the week of TIME_ZONE’s days when the device’s day has already turned', async () => {
    // 03:30 in UTC today is still 21:30 of the day before in Mexico City.
    const now = new Date();
    const late = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3, 30);
    const context = await onUtc();
    const page = await context.newPage();
    await page.clock.setFixedTime(late);
    const week = page.waitForRequest(
      (request) =>
        request.url().endsWith('/graphql') && request.postData()?.includes('WeekFigures') === true,
    );
    await page.goto(`${app.url}/console/shelters/${shelterId}?lang=es`);
    await page.fill('.sign-in input[name=email]', coordinator.email);
    await page.fill('.sign-in input[name=password]', coordinator.password);
    await page.click('.sign-in form button[type=submit]');
    const asked = variablesOf(await week);
    expect(mexicoDay(late)).not.toBe(new Date(late).toISOString().slice(0, 10));
    expect(asked).toEqual(
      expect.objectContaining({ from: mexicoDay(late - 6 * DAY), to: mexicoDay(late) }),
    );
  });
});
