import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ReferralsNotifier } from '@albergue/referrals';
import { healthServiceRow, referralRow } from './factories/referral.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { consoleBrowser, type ConsoleBrowser } from './helpers/console-bench.js';
import { consoleFor, consoleWords } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import type { GraphQLResponse } from './helpers/test-app.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// Canaries: a coordinator's and a volunteer's pages must never show them.
const REASON = 'Canario-motivo-4471 dolor abdominal';
const SERVICE = 'Clínica Canaria del Centro';
const PLACE = 'Consultorio 4, Calle Roma 12';

interface Made {
  id: string;
  version: number;
  reference: string;
  alias: string | null;
}

const ok = <T>(result: GraphQLResponse<T>): T => {
  if (!result.data || result.errors) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.data;
};

describe('The staff console: the referring shelter follows its referrals (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: ConsoleBrowser;
  let shelterId: string;
  let serviceId: string;
  let health: Person;
  let coordinator: Person;
  let volunteer: Person;
  let serviceStaff: Person;
  let residentId: string;

  const newContext = () => browser.newContext();
  const at = (path: string) => `/console/shelters/${shelterId}${path}`;

  /** A referral made through the API, as a health worker makes it (sent, with consent). */
  const refer = async (over: Record<string, unknown> = {}): Promise<Made> =>
    ok(
      await health.gql<{ createReferral: Made }>(
        'mutation($input: CreateReferralInput!) { createReferral(input: $input) { id version reference alias } }',
        {
          input: {
            requestId: randomUUID(),
            shelterId,
            residentId,
            serviceId,
            category: 'ACUTE_ILLNESS',
            urgency: 'URGENT',
            reason: REASON,
            consent: { basis: 'CONSENT', language: 'es', shares: [] },
            ...over,
          },
        },
      ),
    ).createReferral;

  /** The service's answer, through the API, as its staff give it. */
  const serviceAct = async (name: string, type: string, fields: Record<string, unknown>) =>
    ok(
      await serviceStaff.gql<Record<string, { version: number }>>(
        `mutation($input: ${type}!) { ${name}(input: $input) { id version state } }`,
        { input: { requestId: randomUUID(), ...fields } },
      ),
    )[name];

  const accept = (id: string) =>
    serviceAct('acceptReferral', 'AcceptReferralInput', { referralId: id });
  const schedule = (id: string, inHours: number) =>
    serviceAct('scheduleReferral', 'ScheduleReferralInput', {
      referralId: id,
      scheduledFor: new Date(Date.now() + inHours * 3_600_000).toISOString(),
      place: PLACE,
    });

  const item = (page: Page, id: string, list = '.referral-list') =>
    page.locator(`${list} li[data-referral-id="${id}"]`).first();

  beforeAll(async () => {
    app = await startTestApp({ STAFF_CHECK: '300ms' });
    browser = await consoleBrowser();
    shelterId = await shelterFor(app, { name: 'Casa Salud Follow' });
    serviceId = await healthServiceRow(app, { name: SERVICE, languages: ['es', 'ht'] });
    health = await staffAt(app, { role: 'HEALTH_WORKER', shelterId, displayName: 'Dra. Follow' });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    serviceStaff = await serviceStaffAt(app, serviceId);
    const registered = ok(
      await coordinator.gql<{ registerHousehold: { members: { id: string }[] } }>(REGISTER, {
        input: householdInput(shelterId, [adult('Lucinda Canaria')], { confirmNew: true }),
      }),
    );
    residentId = registered.registerHousehold.members[0].id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a health worker a referral move from sent to accepted live, without a reload', async () => {
    const words = await consoleWords('es');
    const made = await refer();
    const page = await consoleFor(await newContext(), app, health, at('/referrals'));
    // Live: the /staff socket is connected (and in its rooms) before anything changes.
    await page.waitForSelector('.connection-live');
    const row = item(page, made.id, '.referral-list:not(.overdue-list)');
    await row.locator('.state').filter({ hasText: words['referral.state.SENT'] }).waitFor();
    // What a health worker reads: the person, the service, the countdown to the answer.
    const text = (await row.textContent())!;
    expect(text).toContain(made.alias!);
    expect(text).toContain(SERVICE);
    expect(text).toMatch(/Respuesta esperada dentro de \d+ horas/);
    // A mark on this very page: a reload would lose it.
    await page.evaluate(() => {
      (window as unknown as { followMark: number }).followMark = 7;
    });
    await accept(made.id);
    await page.waitForSelector(
      `.referral-list:not(.overdue-list) li[data-referral-id="${made.id}"][data-state="ACCEPTED"]`,
    );
    expect(await row.locator('.state').textContent()).toBe(words['referral.state.ACCEPTED']);
    expect(
      await page.evaluate(() => (window as unknown as { followMark?: number }).followMark),
    ).toBe(7);
  });

  it('says an overdue referral is overdue, in words, on top and in the list', async () => {
    const words = await consoleWords('es');
    const made = await refer({ urgency: 'ROUTINE' });
    // Time passes beyond its answer time (moved back rather than waited for); the job marks it.
    await app.sql(`UPDATE referral SET answer_due_at = now() - interval '2 hours' WHERE id = $1`, [
      made.id,
    ]);
    await app.app.get(ReferralsNotifier).markOverdue();
    const page = await consoleFor(await newContext(), app, health, at('/referrals'));
    const onTop = item(page, made.id, '.overdue-list');
    await onTop.waitFor();
    expect(await onTop.textContent()).toContain(words['follow.overdue']);
    expect(await onTop.textContent()).toMatch(/Vencida: la respuesta se esperaba hace \d+ horas/);
    const inList = item(page, made.id, '.referral-list:not(.overdue-list)');
    expect(await inList.getAttribute('class')).toContain('overdue');
    expect(await inList.locator('.overdue-word').textContent()).toContain(words['follow.overdue']);
    // A coordinator is told too, in words.
    const theirs = await consoleFor(await newContext(), app, coordinator, at('/referrals'));
    await item(theirs, made.id, '.overdue-list').waitFor();
    expect(await item(theirs, made.id, '.overdue-list').textContent()).toContain(
      words['follow.overdue'],
    );
  });

  it('shows a coordinator state and dates, says clinical details are for health workers, never the reason', async () => {
    const words = await consoleWords('es');
    const made = await refer();
    // The health worker's page has the reason: what the coordinator's must not.
    const theirs = await consoleFor(await newContext(), app, health, at(`/referrals/${made.id}`));
    await theirs.locator('.reason').filter({ hasText: REASON }).waitFor();

    const page = await consoleFor(await newContext(), app, coordinator, at('/referrals'));
    const row = item(page, made.id, '.referral-list:not(.overdue-list)');
    await row.waitFor();
    expect(await row.locator('.state').textContent()).toBe(words['referral.state.SENT']);
    expect(await row.locator('.not-shared').textContent()).toBe(words['follow.clinicalHidden']);
    expect(await page.locator('.clinical-hidden').textContent()).toBe(
      words['follow.clinicalForHealth'],
    );
    let body = (await page.locator('body').textContent())!;
    expect(body).not.toContain(REASON);
    expect(body).not.toContain(SERVICE);
    expect(body).not.toContain(made.alias!);

    await row.locator('a').click();
    await page.waitForSelector('#referral-history');
    await page.waitForSelector('.referral-steps li');
    body = (await page.locator('body').textContent())!;
    expect(body).toContain(words['follow.clinicalForHealth']);
    expect(body).toContain(words['referral.state.SENT']);
    expect(body).not.toContain(REASON);
    expect(body).not.toContain(SERVICE);
    expect(body).not.toContain(made.alias!);
    // No referrer's acts for a coordinator.
    expect(await page.locator('.referral-acts').count()).toBe(0);
  });

  it('shows a volunteer only an escort’s time and place', async () => {
    const words = await consoleWords('es');
    const escorted = await refer({ needsEscort: true });
    await accept(escorted.id);
    await schedule(escorted.id, 20);
    const notEscorted = await refer();
    const page = await consoleFor(await newContext(), app, volunteer, at('/referrals'));
    const row = item(page, escorted.id);
    await row.waitFor();
    const text = (await row.textContent())!;
    expect(text).toContain(words['follow.escort.when']);
    expect(text).toContain(PLACE);
    expect(await page.locator('.escorts > .hint').first().textContent()).toBe(
      words['follow.escort.only'],
    );
    expect(await item(page, notEscorted.id).count()).toBe(0);
    const body = (await page.locator('body').textContent())!;
    for (const hidden of [REASON, SERVICE, escorted.alias!, words['referral.state.SCHEDULED']]) {
      expect(body).not.toContain(hidden);
    }
    // Every line of the list is an escort's when and where: nothing else.
    expect(await page.locator('.escorts li.referral').count()).toBe(
      await page.locator('.escorts li.referral.escort').count(),
    );
    // No field visits or coordinator controls in a volunteer's nav.
    expect(await page.locator(`nav a:has-text("${words['follow.visits.nav']}")`).count()).toBe(0);
  });

  it('lists each step of the history, and the health worker closes it once it has its outcome', async () => {
    const words = await consoleWords('es');
    const made = await refer();
    await accept(made.id);
    await schedule(made.id, 2);
    await serviceAct('recordReferralOutcome', 'ReferralOutcomeInput', {
      referralId: made.id,
      outcome: 'TREATED',
    });
    const page = await consoleFor(await newContext(), app, health, at(`/referrals/${made.id}`));
    await page.waitForSelector('.referral-steps li[data-to="COMPLETED"]');
    // The service's note is not shared back without OUTCOME_WITH_SHELTER: said so.
    expect(await page.locator('.facts .not-shared').last().textContent()).toBe(
      words['follow.noteNotShared'],
    );
    expect(await page.locator('.facts').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(words['referral.outcome.TREATED'])]),
    );
    // Only the overrides the API allows from COMPLETED: close.
    await page.click('.override summary');
    expect(
      await page
        .locator('.override select[name=toState] option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
    ).toEqual(['', 'CLOSED']);
    // Closed in two steps.
    await page.click('.act.close .confirmed > button');
    await page.click('.act.close .confirm button.primary');
    await page.waitForSelector('.referral-steps li[data-to="CLOSED"]');
    const steps = page.locator('.referral-steps li');
    expect(
      await steps.evaluateAll((items) => items.map((li) => li.getAttribute('data-to')).reverse()),
    ).toEqual(['DRAFT', 'SENT', 'ACCEPTED', 'SCHEDULED', 'COMPLETED', 'CLOSED']);
    const texts = await steps.allTextContents();
    // Newest first: who, when, from → to.
    expect(texts[0]).toContain(
      `${words['referral.state.COMPLETED']} → ${words['referral.state.CLOSED']}`,
    );
    expect(texts[0]).toContain(words['follow.byYou']);
    expect(texts[1]).toContain(
      `${words['referral.state.SCHEDULED']} → ${words['referral.state.COMPLETED']}`,
    );
    expect(texts.at(-1)).toContain(words['follow.detail.created']);
    expect(texts.at(-1)).toContain(words['follow.byYou']);
    const [{ state }] = await app.sql<{ state: string }>(
      'SELECT state FROM referral WHERE id = $1',
      [made.id],
    );
    expect(state).toBe('closed');
  });

  it('offers only the overrides the API allows, and explains in words one that came too late', async () => {
    const words = await consoleWords('es');
    const made = await refer();
    // Referral news to this page held back from now on, as on a slow connection: the page does
    // not yet know that the service answered when the health worker acts.
    let holding = false;
    let upgraded!: () => void;
    const onWebSocket = new Promise<void>((resolve) => (upgraded = resolve));
    const context = await newContext();
    await context.routeWebSocket(/socket\.io/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        // socket.io's upgrade packet: from now on every event comes through this socket.
        if (message === '5') {
          upgraded();
        }
        server.send(message);
      });
      server.onMessage((message) => {
        if (!(holding && typeof message === 'string' && message.includes('"referral"'))) {
          socket.send(message);
        }
      });
    });
    const page = await consoleFor(context, app, health, at(`/referrals/${made.id}`));
    await onWebSocket;
    await page.waitForSelector('.referral-steps li');
    await page.click('.override summary');
    // From SENT: the API's targets, and no other.
    expect(
      await page
        .locator('.override select[name=toState] option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
    ).toEqual(['', 'COMPLETED', 'NOT_COMPLETED', 'CANCELLED']);
    await page.selectOption('.override select[name=toState]', 'COMPLETED');
    await page.selectOption('.override select[name=outcome]', 'TREATED');
    await page.fill('.override textarea[name=reason]', 'La persona dice que ya la atendieron');
    holding = true;
    await accept(made.id);
    await page.click('.override button[type=submit]');
    const refusal = page.locator('.referral-acts .refusal[data-reason="STALE_REFERRAL"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(words['follow.refused.stale']);
    // Read again: the page shows what is on record now; nothing was overridden.
    await page.waitForSelector('.referral-steps li[data-to="ACCEPTED"]');
    expect(await page.locator('.referral-head .state').textContent()).toBe(
      words['referral.state.ACCEPTED'],
    );
    const [{ state }] = await app.sql<{ state: string }>(
      'SELECT state FROM referral WHERE id = $1',
      [made.id],
    );
    expect(state).toBe('accepted');
    // A move the loop does not allow is refused by the API (the console never offers it).
    const refused = await health.gql(
      'mutation($input: OverrideReferralInput!) { overrideReferral(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          referralId: made.id,
          toState: 'SCHEDULED',
          reason: 'prueba',
        },
      },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TRANSITION_NOT_ALLOWED',
    });
  });

  it('lets a coordinator grant a field visit, explains refusals, and end it', async () => {
    const words = await consoleWords('es');
    const visitor = await networkUser(app, null, { displayName: 'Equipo Móvil Uno' });
    const networkCoordinator = await networkUser(app, 'NETWORK_COORDINATOR');
    const page = await consoleFor(await newContext(), app, coordinator, at('/visits'));
    await page.waitForSelector('.grant-visit');
    const grant = async (email: string) => {
      await page.fill('.grant-visit input[name=email]', email);
      await page.click('.grant-visit button[type=submit]');
    };
    const refusal = async (reason: string) => {
      await page.waitForSelector(`.grant-visit .refusal[data-reason="${reason}"]`);
      return page.locator('.grant-visit .refusal').textContent();
    };
    await grant('nadie-aqui@test.example');
    expect(await refusal('USER_NOT_FOUND')).toBe(words['follow.visits.refused.unknown']);
    await grant(health.email);
    expect(await refusal('FIELD_VISIT_CONFLICT')).toBe(words['follow.visits.refused.standing']);
    await grant(networkCoordinator.email);
    expect(await refusal('FIELD_VISIT_NETWORK_ROLE')).toBe(words['follow.visits.refused.network']);
    // Too long: 40 days ahead.
    const far = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('.grant-visit input[name=until]', `${far}T12:00`);
    await grant(visitor.email);
    expect(await refusal('FIELD_VISIT_UNTIL')).toBe(
      words['follow.visits.refused.until'].replace('{days}', '30'),
    );
    const none = await app.sql('SELECT 1 FROM membership WHERE user_id = $1', [visitor.userId]);
    expect(none).toEqual([]);

    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('.grant-visit input[name=until]', `${soon}T12:00`);
    await grant(visitor.email);
    const visit = page.locator(`.visit[data-user-id="${visitor.userId}"]`);
    await visit.waitFor();
    expect(await visit.textContent()).toContain('Equipo Móvil Uno');
    expect(await visit.locator('.visit-state strong').textContent()).toBe(
      words['follow.visits.current'],
    );
    const [membership] = await app.sql<{ role: string; expires_at: Date | null }>(
      'SELECT role, expires_at FROM membership WHERE user_id = $1 AND shelter_id = $2',
      [visitor.userId, shelterId],
    );
    expect(membership.role).toBe('health_worker');
    expect(membership.expires_at).not.toBeNull();

    await visit.locator('button.end-visit').click();
    await page.waitForSelector(`.visit.ended[data-user-id="${visitor.userId}"]`);
    expect(await visit.locator('.visit-state strong').textContent()).toBe(
      words['follow.visits.ended'],
    );
    const [ended] = await app.sql<{ over: boolean }>(
      'SELECT expires_at <= now() AS over FROM membership WHERE user_id = $1 AND shelter_id = $2',
      [visitor.userId, shelterId],
    );
    expect(ended.over).toBe(true);
  });

  it('closes an open act when someone else changes the referral meanwhile, and says so', async () => {
    const words = await consoleWords('es');
    const made = await refer();
    const page = await consoleFor(await newContext(), app, health, at(`/referrals/${made.id}`));
    // Live: the /staff socket is connected (and in its rooms) before anything changes.
    await page.waitForSelector('.connection-live');
    await page.waitForSelector('.referral-steps li');
    // A cancellation half written when the service answers: heard live, the panel closes (the
    // version it opened at is no longer what is on record) and the page says why.
    await page.click('.cancel-referral');
    await page.fill('.act.cancel textarea[name=reason]', 'La persona ya no quiere ir');
    await accept(made.id);
    const changed = page.locator('.referral-acts .changed-meanwhile');
    await changed.waitFor();
    expect(await changed.textContent()).toBe(words['followFix.changed']);
    expect(await page.locator('.act.cancel').count()).toBe(0);
    await page.waitForSelector('.referral-steps li[data-to="ACCEPTED"]');
    // Opened again, at the version on record now: the words go.
    await page.click('.cancel-referral');
    expect(await changed.count()).toBe(0);
    await page.click('.act.cancel button[type=button]');
    // The same for an override chosen before the service scheduled it.
    await page.click('.override summary');
    await page.selectOption('.override select[name=toState]', 'CANCELLED');
    await schedule(made.id, 30);
    await changed.waitFor();
    expect(await page.locator('.override').getAttribute('open')).toBeNull();
    const [{ state }] = await app.sql<{ state: string }>(
      'SELECT state FROM referral WHERE id = $1',
      [made.id],
    );
    expect(state).toBe('scheduled');
  });

  it('never says "someone else changed it" after the page’s own act, with other panels open', async () => {
    const changed = '.referral-acts .changed-meanwhile';
    /** Lets the page draw what its last answer and notices left to draw. */
    const drawn = (page: Page) =>
      page.evaluate(
        () =>
          new Promise<void>((done) =>
            requestAnimationFrame(() => requestAnimationFrame(() => done())),
          ),
      );
    // A draft: its Send panel is open from the start; the health worker cancels it instead.
    const draft = await refer({ consent: undefined, send: false });
    const page = await consoleFor(await newContext(), app, health, at(`/referrals/${draft.id}`));
    await page.waitForSelector('.send-draft .refer-consent');
    await page.click('.cancel-referral');
    await page.fill('.act.cancel textarea[name=reason]', 'Se resolvió en el albergue');
    await page.click('.act.cancel button.confirm-cancel');
    await page.waitForSelector('.referral-steps li[data-to="CANCELLED"]');
    await page.locator('.send-draft').waitFor({ state: 'detached' });
    await drawn(page);
    expect(await page.locator(changed).count()).toBe(0);
  });

  it('drops live a referral that moved with the person to another shelter', async () => {
    const made = await refer();
    const elsewhere = await shelterFor(app, { name: 'Casa Salud Destino' });
    const page = await consoleFor(await newContext(), app, health, at('/referrals'));
    // Live: the /staff socket is connected (and in its rooms) before anything changes.
    await page.waitForSelector('.connection-live');
    const row = item(page, made.id, '.referral-list:not(.overdue-list)');
    await row.waitFor();
    await page.evaluate(() => {
      (window as unknown as { followMark: number }).followMark = 9;
    });
    // Moved as a transfer moves it: the notice to this shelter names the new one.
    await app.sql('UPDATE referral SET shelter_id = $2, version = version + 1 WHERE id = $1', [
      made.id,
      elsewhere,
    ]);
    await row.waitFor({ state: 'detached' });
    expect(
      await page.evaluate(() => (window as unknown as { followMark?: number }).followMark),
    ).toBe(9);
  });

  it('keeps an old open referral listed behind many recent closed ones, and says the list is cut', async () => {
    const words = await consoleWords('es');
    const own = await shelterFor(app, { name: 'Casa Salud Larga' });
    const worker = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: own });
    const longAgo = new Date(Date.now() - 60 * 86_400_000);
    const old = await referralRow(app, {
      shelterId: own,
      serviceId,
      createdBy: worker.userId,
      state: 'accepted',
      createdAt: longAgo,
      answeredAt: longAgo,
    });
    for (let n = 0; n < 51; n++) {
      await referralRow(app, {
        shelterId: own,
        serviceId,
        createdBy: worker.userId,
        state: 'closed',
      });
    }
    const page = await consoleFor(
      await newContext(),
      app,
      worker,
      `/console/shelters/${own}/referrals`,
    );
    await page.locator(`.referral-list li[data-referral-id="${old}"]`).first().waitFor();
    expect(await page.locator('.list-cut .cut-closed').textContent()).toBe(
      words['followFix.cut.closed'].replace('{n}', '50'),
    );
    expect(await page.locator('.list-cut .cut-open').count()).toBe(0);
    expect(await page.locator('.referral-list:not(.overdue-list) li.referral').count()).toBe(51);
  });

  it('sends a draft through the same consent step as referring, in the person’s language', async () => {
    const ht = await consoleWords('ht');
    const made = await refer({ consent: undefined, send: false });
    const page = await consoleFor(await newContext(), app, health, at(`/referrals/${made.id}`));
    const step = page.locator('.send-draft .refer-consent');
    await step.waitFor();
    // Who explains it (the one signed in), and that refusing never touches their bed.
    expect(await step.textContent()).toContain('Dra. Follow');
    await page.check('.send-draft input[name=consent][value=GIVEN]');
    // The explanation to read out, in the person's language (Haitian Creole here).
    const text = page.locator('.send-draft .consent-text[lang="ht"]');
    await text.waitFor();
    expect(await text.textContent()).toContain(ht['refer.consent.text']);
    expect(await page.inputValue('.send-draft select[name=consentLanguage]')).toBe('ht');
    await page.check('.send-draft input[name=share][value=OUTCOME_WITH_SHELTER]');
    await page.click('.send-draft button.send');
    await page.waitForSelector('.referral-steps li[data-to="SENT"]');
    const [sent] = await app.sql<{ state: string; consent_language: string; basis: string }>(
      'SELECT state, consent_language, basis FROM referral WHERE id = $1',
      [made.id],
    );
    expect(sent).toEqual({ state: 'sent', consent_language: 'ht', basis: 'consent' });
  });

  it('lets an admin open a shelter’s field visits from the shelters’ list', async () => {
    const words = await consoleWords('es');
    const admin = await networkUser(app, 'ADMIN');
    const visitor = await networkUser(app, null, { displayName: 'Equipo Móvil Admin' });
    const page = await consoleFor(await newContext(), app, admin, '/console/admin/shelters');
    const link = page.locator(`a[href$="/shelters/${shelterId}/visits"]`);
    await link.waitFor();
    expect(await link.textContent()).toContain(words['follow.visits.nav']);
    await link.click();
    await page.waitForSelector('.grant-visit');
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('.grant-visit input[name=until]', `${soon}T12:00`);
    await page.fill('.grant-visit input[name=email]', visitor.email);
    await page.click('.grant-visit button[type=submit]');
    await page.locator(`.visit[data-user-id="${visitor.userId}"]`).waitFor();
    const [membership] = await app.sql<{ role: string }>(
      'SELECT role FROM membership WHERE user_id = $1 AND shelter_id = $2',
      [visitor.userId, shelterId],
    );
    expect(membership.role).toBe('health_worker');
  });

  it('shows a volunteer an escort set and cancelled live, beyond the morning plan’s hours', async () => {
    const page = await consoleFor(await newContext(), app, volunteer, at('/referrals'));
    // Live: the /staff socket is connected (and in its rooms) before anything changes.
    await page.waitForSelector('.connection-live');
    await page.waitForSelector('.escorts');
    await page.evaluate(() => {
      (window as unknown as { followMark: number }).followMark = 5;
    });
    const made = await refer({ needsEscort: true });
    await accept(made.id);
    // Three days ahead: far past APPOINTMENTS_AHEAD, so no appointmentsDue tells of it.
    await schedule(made.id, 72);
    const row = item(page, made.id);
    // The escort appears at the acceptance; the place arrives with the schedule's own event.
    await row.filter({ hasText: PLACE }).waitFor();
    ok(
      await health.gql(
        'mutation($input: CancelReferralInput!) { cancelReferral(input: $input) { id } }',
        { input: { requestId: randomUUID(), referralId: made.id, reason: 'Ya no hace falta' } },
      ),
    );
    await row.waitFor({ state: 'detached' });
    expect(
      await page.evaluate(() => (window as unknown as { followMark?: number }).followMark),
    ).toBe(5);
  });

  it.each(['es', 'pt'])(
    'has no serious or critical axe finding on its screens at 360 px in %s',
    async (lang) => {
      const made = await refer({ needsEscort: true });
      await accept(made.id);
      await schedule(made.id, 30);
      const page = await consoleFor(await newContext(), app, health, at('/referrals'), lang);
      await item(page, made.id, '.referral-list:not(.overdue-list)').waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await page.goto(`${app.url}${at(`/referrals/${made.id}`)}?lang=${lang}`);
      await page.waitForSelector('.referral-steps li');
      await page.click('.override summary');
      await page.click('.cancel-referral');
      expect(await axeFindings(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );

      const theirs = await consoleFor(await newContext(), app, coordinator, at('/visits'), lang);
      await theirs.waitForSelector('.grant-visit');
      await theirs.waitForSelector('#visits-list');
      expect(await axeFindings(theirs)).toEqual([]);
      await theirs.goto(`${app.url}${at(`/referrals/${made.id}`)}?lang=${lang}`);
      await theirs.waitForSelector('.referral-steps li');
      expect(await axeFindings(theirs)).toEqual([]);

      const escort = await consoleFor(await newContext(), app, volunteer, at('/referrals'), lang);
      await item(escort, made.id).waitFor();
      expect(await axeFindings(escort)).toEqual([]);
      expect(await escort.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
    },
  );
});
