import { randomUUID } from 'node:crypto';
import type { Page, Route } from 'playwright-core';
import { healthServiceRow, referralRow } from './factories/referral.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { consoleBrowser, type ConsoleBrowser } from './helpers/console-bench.js';
import { consoleFor, consoleWords } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// A canary: the reason must not reach a service whose consent does not share it.
const REASON = 'Canario-bandeja-4471 dolor abdominal';
const SHARED_REASON = 'Fiebre de tres días, compartida';
const PLACE = 'Consultorio 4, Dra. Ruiz';

const VIEW = 'id version state reason outcome note place scheduledFor';
const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { ${VIEW} } }`;
const ACCEPT = `mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { ${VIEW} } }`;
const SCHEDULE = `mutation($input: ScheduleReferralInput!) { scheduleReferral(input: $input) { ${VIEW} } }`;
const ONE = `query($id: ID!) { referral(id: $id) { ${VIEW} } }`;
const INBOX = 'query($s: ID!) { serviceReferrals(serviceId: $s) { id } }';

type View = { id: string; version: number; state: string; outcome: string | null };

describe('The staff console: a health service’s inbox (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: ConsoleBrowser;
  let shelterId: string;
  let clinicA: string;
  let clinicB: string;
  let health: Person;
  let staffA: Person;
  let staffA2: Person;
  let staffB: Person;
  let residentId: string;

  const newContext = () => browser.newContext();

  /** A referral made through the API by the shelter's health worker, as the loop makes them. */
  const refer = async (over: Record<string, unknown> = {}): Promise<View> => {
    const result = await health.gql<{ createReferral: View }>(CREATE, {
      input: {
        requestId: randomUUID(),
        shelterId,
        residentId,
        serviceId: clinicA,
        category: 'ACUTE_ILLNESS',
        urgency: 'URGENT',
        reason: REASON,
        interpreterLanguage: 'ht',
        needsEscort: true,
        consent: { basis: 'CONSENT', language: 'ht', shares: [] },
        ...over,
      },
    });
    if (!result.data) {
      throw new Error(`createReferral failed: ${JSON.stringify(result.errors)}`);
    }
    return result.data.createReferral;
  };
  const stateOf = async (id: string) =>
    (await health.gql<{ referral: View }>(ONE, { id })).data!.referral;
  const row = (page: Page, id: string) => page.locator(`.inbox-referral[data-referral-id="${id}"]`);

  beforeAll(async () => {
    app = await startTestApp();
    browser = await consoleBrowser();
    shelterId = await shelterFor(app, { name: 'Casa Bandeja' });
    clinicA = await healthServiceRow(app, { name: 'Clínica Tochan', languages: ['es', 'ht'] });
    // Clinic B's capacity was last reported 30 h ago: older than SERVICE_STALE_AFTER (24 h).
    clinicB = await healthServiceRow(app, {
      name: 'Clínica Arcoíris',
      capacityReportedAt: new Date(Date.now() - 30 * 3_600_000),
    });
    health = await staffAt(app, { role: 'HEALTH_WORKER', shelterId });
    const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    staffA = await serviceStaffAt(app, clinicA);
    staffA2 = await serviceStaffAt(app, clinicA);
    staffB = await serviceStaffAt(app, clinicB);
    const registered = await coordinator.gql<{ registerHousehold: { members: { id: string }[] } }>(
      REGISTER,
      { input: householdInput(shelterId, [adult('Canariana Pierre')], { confirmNew: true }) },
    );
    residentId = registered.data!.registerHousehold.members[0].id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lands service staff on their service; a referral is accepted in two taps, scheduled and closed with its outcome', async () => {
    const words = await consoleWords('es');
    const sent = await refer();
    const page = await consoleFor(await newContext(), app, staffA);
    // One service and no shelter: straight to its inbox, with the service's own nav.
    await page.waitForSelector('#inbox-title:has-text("Clínica Tochan")');
    expect(page.url()).toContain(`/console/services/${clinicA}`);
    expect(await page.locator('nav.service a').allTextContents()).toEqual([
      words['inbox.nav'],
      words['inbox.capacity.nav'],
    ]);
    const referral = row(page, sent.id);
    await referral.waitFor();
    // In the new group, with what the service may read: the reference (the name is not shared),
    // the needs, the urgency and category, the time left; the reason not shared, said in words.
    expect(await page.locator('#inbox-fresh + ul .inbox-referral').count()).toBe(1);
    const text = (await referral.textContent()) ?? '';
    expect(text).toContain(sent.id.slice(0, 8));
    expect(text).not.toContain('Canariana');
    expect(text).toContain(words['referral.urgency.URGENT']);
    expect(text).toContain(words['referral.category.ACUTE_ILLNESS']);
    expect(text).toContain(words['inbox.escort']);
    expect(text).toContain('Necesita intérprete de');
    expect(text).toMatch(/Respuesta esperada dentro de \d+ horas/);
    expect(text).toContain(words['inbox.reasonNotShared']);
    expect(text).not.toContain(REASON);

    // First tap only asks; the second accepts.
    await referral.locator('button.accept').click();
    await referral.locator('button.confirm-accept').waitFor();
    expect((await stateOf(sent.id)).state).toBe('SENT');
    await referral.locator('button.confirm-accept').click();
    await page.waitForSelector(
      `.inbox-referral[data-referral-id="${sent.id}"][data-state=ACCEPTED]`,
    );
    expect((await stateOf(sent.id)).state).toBe('ACCEPTED');

    // Scheduled tomorrow at 10:00 on the clock of TIME_ZONE (the test app's: Mexico City).
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(
      Date.now() + 86_400_000,
    );
    await referral.locator('button.schedule').click();
    await referral.locator('input[name=when]').fill(`${tomorrow}T10:00`);
    await referral.locator('input[name=place]').fill(PLACE);
    await referral.locator('button.confirm-schedule').click();
    await page.waitForSelector(
      `.inbox-referral[data-referral-id="${sent.id}"][data-state=SCHEDULED]`,
    );
    expect(await referral.textContent()).toContain(PLACE);
    const scheduled = await stateOf(sent.id);
    expect(scheduled.state).toBe('SCHEDULED');
    expect((scheduled as unknown as { scheduledFor: string }).scheduledFor).toBe(
      new Date(`${tomorrow}T16:00:00Z`).toISOString(),
    );

    // The outcome: two taps (the note is optional); the referral leaves the inbox.
    await referral.locator('button.outcome').click();
    await referral.locator('input[name=note]').fill('Control en una semana');
    await referral.locator('button[data-outcome=TREATED]').click();
    await page.waitForFunction(
      (id) => !document.querySelector(`.inbox-referral[data-referral-id="${id}"]`),
      sent.id,
    );
    expect(await stateOf(sent.id)).toMatchObject({ state: 'COMPLETED', outcome: 'TREATED' });
  });

  it('shows the name only when shared, the shared reason only on a tap (audited then), and a new referral live', async () => {
    const words = await consoleWords('es');
    const shared = await refer({
      reason: SHARED_REASON,
      consent: {
        basis: 'CONSENT',
        language: 'ht',
        shares: ['REASON_WITH_SERVICE', 'NAME_WITH_SERVICE'],
      },
    });
    const hidden = await refer();
    const reasonReads = async (id: string) =>
      (
        await app.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_entry
            WHERE action = 'referral.reason.read' AND target_id = $1 AND actor_id = $2`,
          [id, staffA.userId],
        )
      )[0].n;
    const page = await consoleFor(await newContext(), app, staffA);
    await row(page, shared.id).waitFor();
    const sharedRow = row(page, shared.id);
    const sharedText = (await sharedRow.textContent()) ?? '';
    expect(sharedText).toContain('Canariana');
    expect(sharedText).not.toContain(words['inbox.reasonNotShared']);
    // The list did not ask for the reason: not shown, not read, no audit row.
    expect(sharedText).not.toContain(SHARED_REASON);
    expect(await reasonReads(shared.id)).toBe(0);
    await sharedRow.locator('button.show-reason').click();
    await sharedRow.locator(`.reason-text:has-text("${SHARED_REASON}")`).waitFor();
    expect(await reasonReads(shared.id)).toBe(1);
    await sharedRow.locator('button.hide-reason').click();
    await sharedRow.locator('button.show-reason').waitFor();
    expect((await sharedRow.textContent()) ?? '').not.toContain(SHARED_REASON);
    // Not shared: said in words, no tap to read it, and neither reason nor name on the row.
    const hiddenText = (await row(page, hidden.id).textContent()) ?? '';
    expect(hiddenText).toContain(words['inbox.reasonNotShared']);
    expect(hiddenText).not.toContain(REASON);
    expect(hiddenText).not.toContain('Canariana');
    expect(hiddenText).toContain(hidden.id.slice(0, 8));
    expect(await row(page, hidden.id).locator('button.show-reason').count()).toBe(0);
    expect(await page.content()).not.toContain(REASON);
    expect(await reasonReads(hidden.id)).toBe(0);
    // Live: a referral sent now reaches the open inbox by its /staff event, without a reload.
    const later = await refer({ urgency: 'ROUTINE' });
    await row(page, later.id).waitFor();
    expect(await row(page, later.id).textContent()).toContain(words['referral.urgency.ROUTINE']);
  });

  it('reads sex at birth only on a tap (audited then), never with the list', async () => {
    const words = await consoleWords('es');
    // A person met outside a shelter's register: sex at birth recorded, as clinically needed.
    const met = (sexAtBirth: string, shares: string[]) =>
      refer({
        residentId: undefined,
        person: { alias: 'Canarita Sin Registro', ageBracket: 'ADULT', sexAtBirth },
        reason: SHARED_REASON,
        consent: { basis: 'CONSENT', language: 'ht', shares },
      });
    const alone = await met('FEMALE', []);
    const withReason = await met('INTERSEX', ['REASON_WITH_SERVICE']);
    const sexReads = async (id: string) =>
      (
        await app.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_entry
            WHERE action = 'referral.sexAtBirth.read' AND target_id = $1 AND actor_id = $2`,
          [id, staffA.userId],
        )
      )[0].n;
    const female = words['referral.sexAtBirth'].replace('{sex}', words['referral.sex.FEMALE']);
    const intersex = words['referral.sexAtBirth'].replace('{sex}', words['referral.sex.INTERSEX']);
    const page = await consoleFor(await newContext(), app, staffA);
    const aloneRow = row(page, alone.id);
    const reasonRow = row(page, withReason.id);
    await aloneRow.waitFor();
    await reasonRow.waitFor();
    // The list asked for neither: not shown, not read, no audit row.
    expect((await aloneRow.textContent()) ?? '').not.toContain(female);
    expect((await reasonRow.textContent()) ?? '').not.toContain(intersex);
    expect(await sexReads(alone.id)).toBe(0);
    expect(await sexReads(withReason.id)).toBe(0);
    // The reason not shared: a tap of its own reads sex at birth alone.
    expect(await aloneRow.locator('button.show-reason').count()).toBe(0);
    await aloneRow.locator('button.show-sex').click();
    await aloneRow.locator(`.sex-text:text-is("${female}")`).waitFor();
    expect(await sexReads(alone.id)).toBe(1);
    expect((await aloneRow.textContent()) ?? '').not.toContain(SHARED_REASON);
    await aloneRow.locator('button.hide-sex').click();
    await aloneRow.locator('button.show-sex').waitFor();
    expect((await aloneRow.textContent()) ?? '').not.toContain(female);
    // The reason shared: its tap reads sex at birth with it, each read audited once.
    await reasonRow.locator('button.show-reason').click();
    await reasonRow.locator(`.reason-text:has-text("${SHARED_REASON}")`).waitFor();
    expect(await reasonRow.locator('.sex-text').textContent()).toBe(intersex);
    expect(await sexReads(withReason.id)).toBe(1);
    // A live notice reads the list again: still no sex-at-birth read.
    const readAgain = page.waitForResponse((response) =>
      /ServiceInbox/.test(response.request().postData() ?? ''),
    );
    await refer({ urgency: 'ROUTINE' });
    await readAgain;
    expect(await sexReads(alone.id)).toBe(1);
    expect(await sexReads(withReason.id)).toBe(1);
  });

  it('closes an open act when someone else changes the referral meanwhile, and says so in words', async () => {
    const words = await consoleWords('es');
    const sent = await refer();
    const page = await consoleFor(await newContext(), app, staffA);
    const referral = row(page, sent.id);
    await referral.waitFor();
    // The first tap opens the act on the version shown.
    await referral.locator('button.accept').click();
    await referral.locator('button.confirm-accept').waitFor();
    // Another member of the staff answers: the live read brings the new version while it is open.
    const other = await staffA2.gql<{ acceptReferral: View }>(ACCEPT, {
      input: { requestId: randomUUID(), referralId: sent.id, version: sent.version },
    });
    expect(other.data?.acceptReferral.state).toBe('ACCEPTED');
    await page.waitForSelector(
      `.inbox-referral[data-referral-id="${sent.id}"][data-state=ACCEPTED] .conflict-changed`,
    );
    // The act is closed (no second tap can send the newer version), the new state said.
    expect(await referral.locator('button.confirm-accept').count()).toBe(0);
    expect(await referral.locator('.conflict-changed').textContent()).toBe(
      words['inboxReason.changed'].replace('{state}', words['referral.state.ACCEPTED']),
    );
    expect((await stateOf(sent.id)).version).toBe(sent.version + 1);
  });

  it('a reschedule starts from the place shown when it opens, and closes if the appointment changes meanwhile', async () => {
    const words = await consoleWords('es');
    const sent = await refer();
    const accepted = (
      await staffA.gql<{ acceptReferral: View }>(ACCEPT, {
        input: { requestId: randomUUID(), referralId: sent.id, version: sent.version },
      })
    ).data!.acceptReferral;
    const reschedule = async (version: number, days: number, place: string) =>
      (
        await staffA2.gql<{ scheduleReferral: View }>(SCHEDULE, {
          input: {
            requestId: randomUUID(),
            referralId: sent.id,
            version,
            scheduledFor: new Date(Date.now() + days * 86_400_000).toISOString(),
            place,
          },
        })
      ).data!.scheduleReferral;
    const first = await reschedule(accepted.version, 3, 'Consultorio 1');
    const page = await consoleFor(await newContext(), app, staffA);
    const referral = row(page, sent.id);
    await referral.locator('.inbox-when:has-text("Consultorio 1")').waitFor();
    // Someone else moves it (same group): the row reads the new place live.
    const second = await reschedule(first.version, 4, 'Consultorio 2');
    await referral.locator('.inbox-when:has-text("Consultorio 2")').waitFor();
    // Opening the act now starts from the place shown, not the one first read.
    await referral.locator('button.schedule').click();
    expect(await referral.locator('input[name=place]').inputValue()).toBe('Consultorio 2');
    // Changed again while open: the act closes, said in words with the state.
    await reschedule(second.version, 5, 'Consultorio 3');
    await referral.locator('.conflict-changed').waitFor();
    expect(await referral.locator('input[name=place]').count()).toBe(0);
    expect(await referral.locator('.conflict-changed').textContent()).toBe(
      words['inboxReason.changed'].replace('{state}', words['referral.state.SCHEDULED']),
    );
    expect(await referral.textContent()).toContain('Consultorio 3');
  });

  it('explains a move no longer allowed like a conflict, and reads the list again', async () => {
    const words = await consoleWords('es');
    const sent = await refer();
    const context = await newContext();
    await context.route(
      (url) => url.pathname === '/graphql',
      async (route: Route) => {
        const operation = route.request().postData() ?? '';
        if (!/InboxReject/.test(operation)) {
          return route.continue();
        }
        // As the API refuses a move its state no longer allows.
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            data: null,
            errors: [
              {
                message: 'This referral cannot move from accepted to rejected.',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  reason: 'TRANSITION_NOT_ALLOWED',
                  fields: ['input.referralId'],
                },
              },
            ],
          }),
        });
      },
    );
    const page = await consoleFor(context, app, staffA);
    const referral = row(page, sent.id);
    await referral.waitFor();
    await referral.locator('button.reject').click();
    const readAgain = page.waitForRequest((request) =>
      /ServiceInbox/.test(request.postData() ?? ''),
    );
    await referral.locator('button[data-reason=NO_CAPACITY]').click();
    await referral.locator('.conflict-notAllowed').waitFor();
    expect(await referral.locator('.conflict-notAllowed').textContent()).toBe(
      words['inboxReason.notAllowed'].replace('{state}', words['referral.state.SENT']),
    );
    // No raw error, the panel closed, and the list read again.
    expect(await referral.locator('.error').count()).toBe(0);
    expect(await referral.locator('button[data-reason=NO_CAPACITY]').count()).toBe(0);
    await readAgain;
  });

  it('asks for 500 referrals, says when the list was cut, and shows the overdue ones it cut', async () => {
    const clinicC = await healthServiceRow(app, { name: 'Clínica Llena' });
    const staffC = await serviceStaffAt(app, clinicC);
    // The oldest: sent five days ago, overdue (announced by the job).
    const oldest = await referralRow(app, {
      shelterId,
      serviceId: clinicC,
      createdBy: health.userId,
      createdAt: new Date(Date.now() - 5 * 86_400_000),
      answerDueAt: new Date(Date.now() - 4 * 86_400_000),
    });
    await app.sql(`UPDATE referral SET overdue_at = now() WHERE id = $1`, [oldest]);
    // 500 newer ones, not yet due: a whole page without the oldest.
    await app.sql(
      `INSERT INTO referral (id, resident_id, alias_sealed, age_bracket, population, from_shelter_id,
                             shelter_id, service_id, category, urgency, state, basis, basis_by,
                             consent_language, sent_at, answer_due_at, created_by, created_at)
       SELECT gen_random_uuid(), NULL, NULL, age_bracket, population, from_shelter_id, shelter_id,
              service_id, category, urgency, state, basis, basis_by, consent_language,
              now() - make_interval(secs => i), now() + interval '2 days', created_by,
              now() - make_interval(secs => i)
         FROM referral, generate_series(1, 500) AS i
        WHERE id = $1`,
      [oldest],
    );
    const words = await consoleWords('es');
    const page = await consoleFor(await newContext(), app, staffC);
    await page.waitForSelector('#inbox-title:has-text("Clínica Llena")');
    await page.locator('.inbox-cut').waitFor();
    expect(await page.locator('.inbox-cut').textContent()).toBe(
      words['inboxReason.listCut'].replace('{n}', '500'),
    );
    expect(await page.locator('#inbox-fresh + ul .inbox-referral').count()).toBe(500);
    // The overdue one the page cut: read on its own, shown apart, overdue in words.
    const beyond = page.locator(
      `ul[aria-labelledby=inbox-beyond] .inbox-referral[data-referral-id="${oldest}"]`,
    );
    await beyond.locator('.overdue-word').waitFor();
    expect(await beyond.getAttribute('class')).toContain('overdue');
    expect(await beyond.locator('button.accept').count()).toBe(1);
  });

  it('says so in words when someone else answered a second ago, and reads the list again', async () => {
    const words = await consoleWords('es');
    const sent = await refer();
    const context = await newContext();
    // The list as first read, served again while `holding`: this screen misses the other
    // staff member's answer, as a screen does whose read crossed it. The act itself lets go.
    let first: string | undefined;
    let holding = false;
    let heldOnce: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (heldOnce = resolve));
    await context.route(
      (url) => url.pathname === '/graphql',
      async (route: Route) => {
        const operation = route.request().postData() ?? '';
        if (/InboxAccept/.test(operation)) {
          holding = false;
        }
        if (!/ServiceInbox/.test(operation)) {
          return route.continue();
        }
        const stale = holding;
        const response = await route.fetch();
        const body = await response.text();
        first ??= body;
        if (stale) {
          heldOnce();
          return route.fulfill({ status: 200, contentType: 'application/json', body: first });
        }
        return route.fulfill({ response, body });
      },
    );
    const page = await consoleFor(context, app, staffA);
    const referral = row(page, sent.id);
    await referral.waitFor();
    await referral.locator('button.accept').click();
    holding = true;
    // Another member of the service's staff accepts it meanwhile: its event reads the list
    // again, and this screen is given the old list.
    const other = await staffA2.gql<{ acceptReferral: View }>(ACCEPT, {
      input: { requestId: randomUUID(), referralId: sent.id, version: sent.version },
    });
    expect(other.data?.acceptReferral.state).toBe('ACCEPTED');
    await held;
    expect(await referral.getAttribute('data-state')).toBe('SENT');
    // The second tap names the version this screen showed: refused, said in words, read again.
    await referral.locator('button.confirm-accept').click();
    await page.waitForSelector(
      `.inbox-referral[data-referral-id="${sent.id}"][data-state=ACCEPTED] .conflict`,
    );
    expect(await row(page, sent.id).locator('.conflict').textContent()).toBe(
      words['inbox.conflict'],
    );
    expect((await stateOf(sent.id)).version).toBe(sent.version + 1);
  });

  it('does not show clinic A’s inbox to clinic B’s staff: the API refuses, the console says so', async () => {
    const words = await consoleWords('es');
    const refused = await staffB.gql(INBOX, { s: clinicA });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const page = await consoleFor(await newContext(), app, staffB, `/console/services/${clinicA}`);
    await page.waitForSelector('.not-for-role');
    expect(await page.locator('.not-for-role').textContent()).toContain(words['app.notForRole']);
    expect(await page.locator('.inbox-referral').count()).toBe(0);
  });

  it('reports a service’s capacity: unknown when stale, then the new status with its new age', async () => {
    const words = await consoleWords('es');
    const page = await consoleFor(
      await newContext(),
      app,
      staffB,
      `/console/services/${clinicB}/capacity`,
    );
    await page.waitForSelector('#capacity-title');
    expect(await page.locator('.capacity-status').textContent()).toBe(
      words['referral.capacity.UNKNOWN'],
    );
    expect(await page.locator('.capacity-now').textContent()).toContain(
      words['inbox.capacity.stale'],
    );
    expect(await page.locator('.capacity-age').textContent()).toBe('actualizado hace 30 h');
    await page.locator('input[name=status][value=WAITLIST]').check();
    await page.locator('input[name=waitDays]').fill('3');
    await page.locator('.capacity-report button[type=submit]').click();
    await page.waitForSelector(
      `.capacity-status:text-is("${words['referral.capacity.WAITLIST']}")`,
    );
    expect(await page.locator('.capacity-now').textContent()).toContain('espera típica de 3 días');
    expect(await page.locator('.capacity-age').textContent()).toBe('actualizado hace un momento');
    expect(await page.locator('.capacity-now .notice').count()).toBe(0);
  });

  it.each(['es', 'fr'])(
    'passes axe-core (no serious or critical finding) on the inbox and capacity at 360 px, in %s',
    async (lang) => {
      const overdue = await refer({ urgency: 'ROUTINE' });
      await app.sql(
        `UPDATE referral SET answer_due_at = now() - interval '2 hours' WHERE id = $1`,
        [overdue.id],
      );
      const accepted = await refer();
      await staffA.gql(ACCEPT, {
        input: { requestId: randomUUID(), referralId: accepted.id, version: accepted.version },
      });
      const page = await consoleFor(await newContext(), app, staffA, '/console/', lang);
      const words = await consoleWords(lang);
      await row(page, overdue.id).waitFor();
      await row(page, accepted.id).waitFor();
      // Overdue: in words and a side bar, not by colour alone.
      expect(await row(page, overdue.id).getAttribute('class')).toContain('overdue');
      expect(await row(page, overdue.id).locator('.overdue-word').textContent()).toContain(
        words['inbox.overdue'].split('{when}')[0].trim(),
      );
      await row(page, overdue.id).locator('button.reject').click();
      expect(await axeFindings(page)).toEqual([]);
      await page.click('nav.service a[href$="/capacity"]');
      await page.waitForSelector('#capacity-title');
      expect(await axeFindings(page)).toEqual([]);
    },
  );
});
