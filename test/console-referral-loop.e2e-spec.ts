import type { Page } from 'playwright-core';
import { healthServiceRow } from './factories/referral.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { consoleBrowser, type ConsoleBrowser } from './helpers/console-bench.js';
import { consoleFor, consoleWords } from './helpers/console-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// A canary: the coordinator following the loop must never read it.
const REASON = 'Canario-lazo-5521 fiebre y tos desde hace tres días';
const PLACE = 'Consultorio 2, planta baja';

type Registered = { registerHousehold: { members: { id: string }[] } };

/** Marks the page: a reload (or a new navigation) would lose the mark. */
const mark = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { loopMark?: number }).loopMark = 42;
  });
const stillMarked = (page: Page) =>
  page.evaluate(() => (window as unknown as { loopMark?: number }).loopMark);

/**
 * The whole loop of issue 20 in the console, each person in their own browser: a health worker
 * refers a resident, the service's staff see it arrive in their inbox, accept and schedule it
 * there, and the referring shelter's list follows every step, all live, without a reload. (The
 * axe checks of these screens are in console-refer, console-inbox and console-follow.)
 */
describe('The staff console: the referral loop across three browsers (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: ConsoleBrowser;
  let shelterId: string;
  let clinic: string;
  let health: Person;
  let coordinator: Person;
  let staff: Person;
  let residentId: string;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await consoleBrowser();
    shelterId = await shelterFor(app, { name: 'Casa del Lazo' });
    clinic = await healthServiceRow(app, { name: 'Clínica del Lazo', languages: ['es', 'ht'] });
    health = await staffAt(app, {
      role: 'HEALTH_WORKER',
      shelterId,
      displayName: 'Dra. Lazo',
    });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    staff = await serviceStaffAt(app, clinic);
    const registered = await coordinator.gql<Registered>(REGISTER, {
      input: householdInput(shelterId, [adult('Jean Baptiste', { languages: ['ht'] })], {
        confirmNew: true,
      }),
    });
    if (!registered.data) {
      throw new Error(`registerHousehold failed: ${JSON.stringify(registered.errors)}`);
    }
    residentId = registered.data.registerHousehold.members[0].id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refers in the console, is accepted and scheduled in the inbox, and the shelter sees each step live', async () => {
    const words = await consoleWords('es');

    // The service's staff and the referring shelter's coordinator have their screens open first.
    const inbox = await consoleFor(await browser.newContext(), app, staff);
    await inbox.waitForSelector('#inbox-title:has-text("Clínica del Lazo")');
    await inbox.waitForSelector('#inbox-fresh');
    expect(inbox.url()).toContain(`/console/services/${clinic}`);
    const follow = await consoleFor(
      await browser.newContext(),
      app,
      coordinator,
      `/console/shelters/${shelterId}/referrals`,
    );
    // The list read (none yet), and both screens listening on /staff.
    await follow.waitForSelector('#follow-all ~ p.hint');
    await inbox.waitForSelector('.connection-live');
    await follow.waitForSelector('.connection-live');
    await mark(inbox);
    await mark(follow);
    expect(await inbox.locator('.inbox-referral').count()).toBe(0);
    expect(await follow.locator('li[data-referral-id]').count()).toBe(0);

    // 1. The health worker refers Jean from the shelter's health page.
    const referring = await consoleFor(
      await browser.newContext(),
      app,
      health,
      `/console/shelters/${shelterId}/health`,
    );
    await referring.click(`.refer-subject[data-resident="${residentId}"] a.button`);
    await referring.waitForSelector('#refer-title');
    await referring.selectOption('select[name=category]', 'ACUTE_ILLNESS');
    await referring.check('input[name=urgency][value=URGENT]');
    await referring.check(`input[name=serviceId][value="${clinic}"]`);
    await referring.waitForSelector('.refer-fit [data-fit=language] strong');
    await referring.fill('textarea[name=reason]', REASON);
    await referring.check('input[name=consent][value=GIVEN]');
    await referring.check('input[name=share][value=OUTCOME_WITH_SHELTER]');
    await referring.click('.refer-send');
    await referring.waitForSelector('.refer-done .notice.success');
    const made = await health.gql<{ referralsOf: { id: string; state: string }[] }>(
      'query($s: ID!) { referralsOf(shelterId: $s) { id state } }',
      { s: shelterId },
    );
    expect(made.data?.referralsOf).toHaveLength(1);
    const [{ id, state }] = made.data!.referralsOf;
    expect(state).toBe('SENT');
    expect(await referring.locator('.refer-done .notice.success').textContent()).toContain(
      id.slice(0, 8),
    );

    // 2. It arrives in the service's inbox live, among the new ones.
    const row = inbox.locator(`.inbox-referral[data-referral-id="${id}"]`);
    await inbox.waitForSelector(`.inbox-referral[data-referral-id="${id}"][data-state=SENT]`);
    expect(await row.textContent()).toContain(words['referral.category.ACUTE_ILLNESS']);
    // …and in the shelter's list, sent.
    const item = follow.locator(`.referral-list:not(.overdue-list) li[data-referral-id="${id}"]`);
    await follow.waitForSelector(
      `.referral-list:not(.overdue-list) li[data-referral-id="${id}"][data-state="SENT"]`,
    );
    expect(await item.locator('.state').textContent()).toBe(words['referral.state.SENT']);

    // 3. The service accepts it in two taps: the shelter's list says accepted, live.
    await row.locator('button.accept').click();
    await row.locator('button.confirm-accept').click();
    await inbox.waitForSelector(`.inbox-referral[data-referral-id="${id}"][data-state=ACCEPTED]`);
    await follow.waitForSelector(
      `.referral-list:not(.overdue-list) li[data-referral-id="${id}"][data-state="ACCEPTED"]`,
    );
    expect(await item.locator('.state').textContent()).toBe(words['referral.state.ACCEPTED']);

    // 4. The service schedules it tomorrow at 10:00 (the test app's clock: Mexico City).
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(
      Date.now() + 86_400_000,
    );
    await row.locator('button.schedule').click();
    await row.locator('input[name=when]').fill(`${tomorrow}T10:00`);
    await row.locator('input[name=place]').fill(PLACE);
    await row.locator('button.confirm-schedule').click();
    await inbox.waitForSelector(`.inbox-referral[data-referral-id="${id}"][data-state=SCHEDULED]`);
    await follow.waitForSelector(
      `.referral-list:not(.overdue-list) li[data-referral-id="${id}"][data-state="SCHEDULED"]`,
    );
    expect(await item.locator('.state').textContent()).toBe(words['referral.state.SCHEDULED']);

    // Every step reached both screens without a reload; the coordinator never read the reason.
    expect(await stillMarked(inbox)).toBe(42);
    expect(await stillMarked(follow)).toBe(42);
    expect(await follow.locator('body').textContent()).not.toContain(REASON);
    const saved = await staff.gql<{ referral: { state: string; place: string | null } }>(
      'query($id: ID!) { referral(id: $id) { state place } }',
      { id },
    );
    expect(saved.data?.referral).toEqual({ state: 'SCHEDULED', place: PLACE });
  });
});
