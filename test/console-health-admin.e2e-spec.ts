import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../clients/chromium.js';
import { healthServiceRow, type ReferralRow, referralRow } from './factories/referral.factory.js';
import { createOrganisation, shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { consoleFor, consoleWords } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Words = Awaited<ReturnType<typeof consoleWords>>;

/** A catalogue message with its placeholders filled (plain ones only). */
const say = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

const SERVICE = `query($id: ID!) { healthService(id: $id) {
  id name organisationId category street boroughCode lat lng phone languages cost requirements
  populations public sensitive active hours { alwaysOpen periods { days opens closes } } } }`;

const FIGURES = `query($from: String!, $to: String!, $s: ID) {
  referralFigures(from: $from, to: $to, shelterId: $s) {
    total { key count suppressed }
    byCategory { key count suppressed }
    byUrgency { key count suppressed }
    byService { key count suppressed }
    byOutcome { key count suppressed }
    timeToAcceptance { referrals { count suppressed } medianHours p90Hours suppressed }
    timeToCompletion { referrals { count suppressed } medianHours p90Hours suppressed }
  }
}`;
const FIGURES_CSV = `query($from: String!, $to: String!, $s: ID) {
  referralFiguresCsv(from: $from, to: $to, shelterId: $s) }`;

interface Cell {
  key: string;
  count: number | null;
  suppressed: boolean;
}
interface Time {
  referrals: { count: number | null; suppressed: boolean };
  medianHours: number | null;
  p90Hours: number | null;
  suppressed: boolean;
}
interface Figures {
  total: Cell;
  byCategory: Cell[];
  byUrgency: Cell[];
  byService: Cell[];
  byOutcome: Cell[];
  timeToAcceptance: Time;
  timeToCompletion: Time;
}

const DIMENSIONS = ['byCategory', 'byUrgency', 'byService', 'byOutcome'] as const;
/** A cell's key in the one referral vocabulary (`referral.*`); how a referral ended, by kind. */
function wordKey(dimension: 'byCategory' | 'byUrgency' | 'byOutcome', key: string): string {
  if (dimension !== 'byOutcome') {
    return `referral.${dimension === 'byCategory' ? 'category' : 'urgency'}.${key}`;
  }
  if (['TREATED', 'REFERRED_ON', 'FOLLOW_UP_NEEDED'].includes(key)) {
    return `referral.outcome.${key}`;
  }
  if (['REJECTED', 'CANCELLED'].includes(key)) {
    return `referral.state.${key}`;
  }
  return key === 'OPEN' ? 'healthFigures.open' : `referral.notCompleted.${key}`;
}

/** A table's body as text, the row heading first, as a reader (and the CSV button) gets it. */
const tableOf = (page: Page, selector: string) =>
  page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
  );

/** What a count table must say for the API's cells: their words, pooled and small ones said so. */
function expectedRows(words: Words, dimension: (typeof DIMENSIONS)[number], cells: Cell[]) {
  return cells.map((cell) => {
    const head =
      cell.key === 'POOLED'
        ? words['healthFigures.pooled']
        : dimension === 'byService'
          ? cell.key
          : words[wordKey(dimension, cell.key) as keyof Words];
    const count =
      cell.suppressed || cell.count === null ? words['healthFigures.small'] : String(cell.count);
    return [head, count];
  });
}

describe('The staff console: health services, service staff and referral figures (e2e, Chromium)', () => {
  // The tests run in order on one world: the admin's one session (a network role signs in with a
  // code, one per 30 s step), the service the first test makes for the next.
  let app: TestApp;
  let browser: Browser;
  let es: Words;
  let admin: Person;
  let adminPage: Page;
  let organisationName: string;
  let serviceId: string;
  let shelterA: string;
  let shelterB: string;
  let person: Person;
  const serviceName = `Clínica Tlatelolco ${randomUUID().slice(0, 6)}`;
  const contexts: BrowserContext[] = [];

  const newContext = async () => {
    const context = await browser.newContext({ locale: 'es-MX', acceptDownloads: true });
    contexts.push(context);
    return context;
  };
  const go = async (page: Page, path: string, lang = 'es') => {
    await page.goto(`${app.url}/console${path}?lang=${lang}`);
  };
  const serviceNow = async (id: string) =>
    (await admin.gql<{ healthService: Record<string, unknown> }>(SERVICE, { id })).data!
      .healthService;
  const figuresOf = async (who: Person, from: string, to: string, s: string | null) => {
    const answer = await who.gql<{ referralFigures: Figures }>(FIGURES, { from, to, s });
    if (!answer.data) {
      throw new Error(JSON.stringify(answer.errors));
    }
    return answer.data.referralFigures;
  };
  /** The period the figures screen shows, as its form says it. */
  const periodOn = async (page: Page) => ({
    from: await page.inputValue('.figures-form input[name=from]'),
    to: await page.inputValue('.figures-form input[name=to]'),
  });

  beforeAll(async () => {
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    es = await consoleWords('es');
    admin = await networkUser(app, 'ADMIN');
    organisationName = `Médicos en Camino ${randomUUID().slice(0, 6)}`;
    await createOrganisation(admin, { name: organisationName });
    adminPage = await consoleFor(await newContext(), app, admin, '/console/admin/health-services');

    // Referrals as rows, three days ago (inside the fortnight the figures screen opens on):
    // shelter A's as the referral-figures spec seeds them, shelter B's of another category.
    shelterA = await shelterFor(app, { name: 'Casa Tochan' });
    shelterB = await shelterFor(app, { name: 'Casa Mambré' });
    const bigClinic = await healthServiceRow(app, { name: 'Clínica Grande' });
    const smallClinic = await healthServiceRow(app, { name: 'Clínica Pequeña' });
    const healthWorker = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: shelterA });
    const sent = new Date(Date.now() - 3 * 86_400_000);
    const row = (r: Partial<ReferralRow>) =>
      referralRow(app, {
        shelterId: shelterA,
        serviceId: bigClinic,
        createdBy: healthWorker.userId,
        sentAt: sent,
        ...r,
      });
    for (const hours of [2, 4, 6, 8, 10, 12]) {
      await row({
        state: 'scheduled',
        category: 'injury',
        urgency: 'urgent',
        answeredAt: new Date(sent.getTime() + hours * 3_600_000),
        scheduledFor: new Date(sent.getTime() + 48 * 3_600_000),
      });
    }
    for (let i = 0; i < 5; i += 1) {
      await row({ state: 'sent', category: 'acute_illness' });
    }
    // Two for violence to the small clinic: a small cell, never shown as such.
    for (let i = 0; i < 2; i += 1) {
      await row({ serviceId: smallClinic, category: 'violence', state: 'sent' });
    }
    for (let i = 0; i < 7; i += 1) {
      await row({ shelterId: shelterB, category: 'dental', state: 'sent' });
    }
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await app?.close();
  });

  it('an admin creates a health service (the API’s refusal said in words) and edits it', async () => {
    const page = adminPage;
    await page.waitForSelector('#health-services-title');
    expect(await page.locator('nav.network a').allTextContents()).toEqual(
      expect.arrayContaining([es['healthAdmin.nav'], es['healthFigures.nav']]),
    );
    await page.click(`a:text("${es['healthAdmin.new']}")`);
    await page.waitForSelector('.service-form');
    const form = page.locator('.service-form');
    // The organisations come from a second query: wait for this one's option.
    await page.waitForSelector(
      `.service-form select[name=organisationId] option:text("${organisationName}")`,
      { state: 'attached' },
    );
    await form.locator('select[name=organisationId]').selectOption({ label: organisationName });
    await form.locator('input[name=name]').fill(serviceName);
    await form.locator('select[name=category]').selectOption('MENTAL_HEALTH');
    await form.locator('input[name=languages]').fill('es, ht');
    await form.locator('input[name="requirement.NO_ID_NEEDED"]').check();
    await form.locator('input[name="population.WOMEN"]').check();
    await form.locator('input[name="population.FAMILIES"]').check();
    await form.locator('input[name=sensitive]').check();
    expect(await form.locator('.sensitive-explain').textContent()).toBe(
      es['healthAdmin.form.sensitiveExplain'],
    );
    await form.locator(`button:text("${es['setup.form.addPeriod']}")`).click();
    // Neither a street nor an area: the API refuses, in words, and nothing is made.
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.service-form .notice.error');
    expect(new URL(page.url()).pathname).toBe('/console/admin/health-services/new');

    await form.locator('select[name=boroughCode]').selectOption('cdmx-cuauhtemoc');
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/console\/admin\/health-services\/[\w-]+\/edit/);
    serviceId = /health-services\/([\w-]+)\/edit/.exec(page.url())![1];
    await page.waitForSelector(`section[data-service="${serviceId}"] .service-form`);
    expect(await serviceNow(serviceId)).toMatchObject({
      name: serviceName,
      category: 'MENTAL_HEALTH',
      street: null,
      boroughCode: 'cdmx-cuauhtemoc',
      languages: ['es', 'ht'],
      cost: 'FREE',
      requirements: ['NO_ID_NEEDED'],
      populations: expect.arrayContaining(['WOMEN', 'FAMILIES']),
      public: false,
      sensitive: true,
      active: true,
      hours: {
        alwaysOpen: false,
        periods: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '20:00' }],
      },
    });
    // Made once: the refused try made nothing.
    const made = await admin.gql<{ healthServices: { name: string }[] }>(
      '{ healthServices(filter: { includeInactive: true }) { name } }',
    );
    expect(made.data!.healthServices.filter((each) => each.name === serviceName)).toHaveLength(1);

    // The edit starts from the service as it is, and saves the changes.
    expect(await form.locator('input[name=name]').inputValue()).toBe(serviceName);
    expect(await form.locator('input[name=sensitive]').isChecked()).toBe(true);
    await form.locator('input[name=street]').fill('Calle Manuel González 10');
    await form.locator('input[name=phone]').fill('+52 55 1234 5678');
    await form.locator('select[name=cost]').selectOption('FEE');
    await form.locator('input[name=public]').check();
    await form.locator('input[name=sensitive]').uncheck();
    await form.locator('input[name=alwaysOpen]').check();
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.notice.success');
    expect(await serviceNow(serviceId)).toMatchObject({
      name: serviceName,
      street: 'Calle Manuel González 10',
      phone: '+52 55 1234 5678',
      cost: 'FEE',
      public: true,
      sensitive: false,
      hours: { alwaysOpen: true, periods: [] },
    });

    // The list says it in words: category, capacity, public.
    await page.click(`a:text("${es['healthAdmin.back']}")`);
    const row = page.locator(`.health-services li[data-service="${serviceId}"]`);
    await row.waitFor();
    expect(await row.locator('.hint').first().textContent()).toContain(
      es['referral.serviceKind.MENTAL_HEALTH'],
    );
    expect(await row.locator('.service-capacity strong').textContent()).toBe(
      es['referral.capacity.UNKNOWN'],
    );
    expect(await row.locator('.service-capacity').textContent()).toContain(
      es['healthAdmin.capacity.never'],
    );
    expect(await row.locator('.flag-public').textContent()).toBe(es['healthAdmin.flag.public']);
    expect(await row.locator('.flag-sensitive').count()).toBe(0);
  }, 90_000);

  it('gives a person a service membership, named in words, and takes it away behind a confirmation', async () => {
    const page = adminPage;
    person = await networkUser(app, null, { displayName: 'Lupita Enfermera' });
    await go(page, `/admin/users/${person.userId}`);
    await page.waitForSelector('#service-memberships-title');
    expect(await page.locator('.service-memberships > .hint').last().textContent()).toBe(
      es['healthAdmin.user.none'],
    );
    await page.waitForSelector(`.add-service-membership option[value="${serviceId}"]`, {
      state: 'attached',
    });
    await page.selectOption('.add-service-membership select[name=serviceId]', serviceId);
    await page.click('.add-service-membership button[type=submit]');
    const held = page.locator(`.service-membership[data-service-id="${serviceId}"]`);
    await held.waitFor();
    expect(await held.locator('p').first().textContent()).toBe(
      `${serviceName}: ${es['healthAdmin.user.roleName']}`,
    );
    const serviceIdsOf = async () =>
      (
        await admin.gql<{ user: { serviceIds: string[] } }>(
          'query($id: ID!) { user(id: $id) { serviceIds } }',
          { id: person.userId },
        )
      ).data!.user.serviceIds;
    expect(await serviceIdsOf()).toEqual([serviceId]);

    // The people list names the role in words.
    await go(page, '/admin/users');
    await page.fill('input[name=userSearch]', 'Lupita');
    const card = page.locator(`.user-list li[data-user-id="${person.userId}"]`);
    await card.waitFor();
    expect(await card.locator('.user-services').textContent()).toBe(
      'Personal de 1 servicio de salud',
    );

    // Taking it away: nothing before the confirmation, which says what goes.
    await go(page, `/admin/users/${person.userId}`);
    await held.waitFor();
    await held.locator(`button:text("${es['healthAdmin.user.remove']}")`).click();
    expect(await held.locator('.confirm p').textContent()).toBe(
      say(es['healthAdmin.user.remove.explain'], { service: serviceName }),
    );
    expect(await serviceIdsOf()).toEqual([serviceId]);
    await held.locator(`button:text("${es['healthAdmin.user.remove.yes']}")`).click();
    await held.waitFor({ state: 'detached' });
    expect(await serviceIdsOf()).toEqual([]);

    // Given again, for the screens' axe check below.
    await page.selectOption('.add-service-membership select[name=serviceId]', serviceId);
    await page.click('.add-service-membership button[type=submit]');
    await held.waitFor();
  }, 60_000);

  it('a network coordinator reads the network’s referral figures, pooled as the API pools them, and downloads its CSV', async () => {
    const network = await networkUser(app, 'NETWORK_COORDINATOR');
    const page = await consoleFor(await newContext(), app, network, '/console/referral-figures');
    await page.waitForSelector('#referral-figures-title');
    await page.waitForSelector('.referral-total');
    // No administration of services for a network coordinator.
    expect(await page.locator('a[href="/console/admin/health-services"]').count()).toBe(0);
    const { from, to } = await periodOn(page);
    const figures = await figuresOf(network, from, to, null);
    // The seeded world: 20 referrals, the small ones (violence, the small clinic) pooled.
    expect(figures.total.count).toBe(20);
    expect(JSON.stringify(figures)).not.toMatch(/VIOLENCE|Pequeña/);
    expect(await page.locator('.referral-total strong').textContent()).toBe('20');
    for (const dimension of DIMENSIONS) {
      expect(await tableOf(page, `#referrals-${dimension}`)).toEqual(
        expectedRows(es, dimension, figures[dimension]),
      );
    }
    expect(figures.byCategory.some((cell) => cell.key === 'POOLED')).toBe(true);
    expect(await page.locator('#referrals-byCategory').textContent()).toContain(
      es['healthFigures.pooled'],
    );
    expect(await page.locator('body').textContent()).not.toMatch(/Violencia|Pequeña/);
    // Times: acceptance shown (6 referrals), completion not shown under 5.
    expect(await tableOf(page, '#referrals-times')).toEqual([
      [
        es['healthFigures.toAcceptance'],
        String(figures.timeToAcceptance.referrals.count),
        String(figures.timeToAcceptance.medianHours),
        String(figures.timeToAcceptance.p90Hours),
      ],
      [
        es['healthFigures.toCompletion'],
        es['healthFigures.small'],
        es['healthFigures.notShown'],
        es['healthFigures.notShown'],
      ],
    ]);
    expect(figures.timeToAcceptance).toMatchObject({ medianHours: 7, p90Hours: 11 });
    // One plot, drawn from the cells with a count.
    await page.waitForSelector('.referral-plot[data-bars]');
    expect(Number(await page.getAttribute('.referral-plot', 'data-bars'))).toBe(
      figures.byOutcome.filter((cell) => cell.count !== null).length,
    );

    // The CSV is the API's, as it wrote it, after a byte-order mark.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.referral-csv'),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(
        `^albergue-referencias-toda-la-red-${from}_${to}-made-\\d{4}-\\d{2}-\\d{2}\\.csv$`,
      ),
    );
    const csv = await network.gql<{ referralFiguresCsv: string }>(FIGURES_CSV, {
      from,
      to,
      s: null,
    });
    expect(readFileSync((await download.path())!, 'utf8')).toBe(
      `\uFEFF${csv.data!.referralFiguresCsv}`,
    );

    // One shelter's, chosen in the form (no boroughs: the API has none for referrals).
    expect(await page.locator('.figures-form optgroup').count()).toBe(1);
    await page.selectOption('.figures-form select[name=scope]', `shelter:${shelterB}`);
    await page.click('.figures-form button[type=submit]');
    await page.waitForFunction(
      () => document.querySelector('.referral-total strong')?.textContent === '5',
    );
    expect(new URL(page.url()).searchParams.get('scope')).toBe(`shelter:${shelterB}`);
    expect(await tableOf(page, '#referrals-byCategory')).toEqual([
      [es['referral.category.DENTAL'], '5'],
    ]);
  }, 90_000);

  it('a shelter’s coordinator sees their own shelter’s referral figures only', async () => {
    const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterA });
    const page = await consoleFor(
      await newContext(),
      app,
      coordinator,
      `/console/shelters/${shelterA}`,
    );
    await page.waitForSelector('#shelter-title');
    await page.click(`nav.sections a:text("${es['healthFigures.shelterNav']}")`);
    await page.waitForSelector('.referral-total');
    const { from, to } = await periodOn(page);
    const own = await figuresOf(coordinator, from, to, shelterA);
    expect(own.total.count).toBe(15);
    expect(await page.locator('.referral-total strong').textContent()).toBe('15');
    // No scope to choose: their shelter's only.
    expect(await page.locator('.figures-form select[name=scope]').count()).toBe(0);
    for (const dimension of DIMENSIONS) {
      expect(await tableOf(page, `#referrals-${dimension}`)).toEqual(
        expectedRows(es, dimension, own[dimension]),
      );
    }
    // Shelter B's dental referrals are not theirs.
    expect(await page.locator('#referrals-byCategory').textContent()).not.toContain(
      es['referral.category.DENTAL'],
    );
    // Neither the network's figures nor another shelter's open for them.
    for (const path of [
      '/console/referral-figures',
      `/console/shelters/${shelterB}/referral-figures`,
    ]) {
      await page.goto(`${app.url}${path}?lang=es`);
      await page.waitForSelector('.not-for-role');
      expect(await page.locator('.referral-total').count()).toBe(0);
    }
    // A volunteer is not offered them.
    const volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterA });
    const theirs = await consoleFor(
      await newContext(),
      app,
      volunteer,
      `/console/shelters/${shelterA}`,
    );
    await theirs.waitForSelector('#shelter-title');
    expect(await theirs.locator(`a[href$="/referral-figures"]`).count()).toBe(0);
  }, 90_000);

  it.each(['es', 'en'])(
    'has no serious or critical axe finding on its screens in %s',
    async (lang) => {
      const screens: [string, string][] = [
        ['/admin/health-services', '.health-services li'],
        ['/admin/health-services/new', '.service-form'],
        [`/admin/health-services/${serviceId}/edit`, '.service-form'],
        [`/admin/users/${person.userId}`, '.service-membership'],
        ['/referral-figures', '.referral-plot[data-bars]'],
        [`/shelters/${shelterA}/referral-figures`, '.referral-plot[data-bars]'],
      ];
      for (const [path, ready] of screens) {
        await go(adminPage, path, lang);
        await adminPage.waitForSelector(ready);
        expect({ path, findings: await axeFindings(adminPage) }).toEqual({ path, findings: [] });
      }
    },
    60_000,
  );
});
