import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../clients/chromium.js';
import { shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { consoleFor, consoleWords, openConsole, signInThrough } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Row = { id: string; action: string; actorId: string | null };

describe('The staff console: people and the audit log, for admins (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let shelterId: string;
  let admin: Person;
  let adminName: string;
  let adminPage: Page;
  /** The person the admin makes in the first test, for the ones after it. */
  let newcomer: { id: string; email: string; password: string };
  /** Their console, open on their phone while the admin ends their sessions. */
  let personPage: Page;
  const contexts: BrowserContext[] = [];

  const newContext = async () => {
    const context = await browser.newContext({ locale: 'es-MX', acceptDownloads: true });
    contexts.push(context);
    return context;
  };

  const auditRows = async (filter: Record<string, string>, first = 50): Promise<Row[]> => {
    const answer = await admin.gql<{ auditLog: Row[] }>(
      `query($actorId: ID, $targetId: ID, $first: Int!) {
        auditLog(actorId: $actorId, targetId: $targetId, first: $first) { id action actorId }
      }`,
      { ...filter, first },
    );
    return answer.data!.auditLog;
  };

  const shownRows = (page: Page) =>
    page.$$eval('.audit-row', (rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-audit-id'),
        action: row.querySelector('.audit-action')?.textContent,
        actor: row.querySelector('.audit-actor')?.textContent,
      })),
    );

  beforeAll(async () => {
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    shelterId = await shelterFor(app, { name: 'Casa Tochan', populations: ['MEN', 'FAMILIES'] });
    admin = await networkUser(app, 'ADMIN', { displayName: 'Alma Administradora' });
    const me = await admin.gql<{ me: { displayName: string } }>('{ me { displayName } }');
    adminName = me.data!.me.displayName;
    adminPage = await consoleFor(await newContext(), app, admin, '/console/admin/users');
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await app?.close();
  });

  it('makes an account with a role at a shelter and a reset token; the person gets in with it', async () => {
    const words = await consoleWords('es');
    const page = adminPage;
    await page.waitForSelector('#users-title');
    // The admin's own sections are in the network nav.
    expect(await page.locator('nav.network a').allTextContents()).toEqual(
      expect.arrayContaining([words['users.nav'], words['audit.nav']]),
    );
    const email = `rosa-${Date.now()}@test.example`;
    await page.fill('.new-user input[name=displayName]', 'Rosa Martínez');
    await page.fill('.new-user input[name=email]', email);
    await page.click('.new-user button[type=submit]');
    await page.waitForSelector('.made[data-user-id]');
    const userId = (await page.getAttribute('.made', 'data-user-id'))!;
    // The list shows the new account, found by a search without the accent.
    await page.fill('input[name=userSearch]', 'martinez');
    await page.waitForSelector(`.user-list li[data-user-id="${userId}"]`);
    expect(await page.locator('.user-list li').count()).toBe(1);
    expect(await page.locator('.user-list li .user-state').textContent()).toBe(
      words['users.active'],
    );
    // The same address twice is refused in words.
    await page.fill('.new-user input[name=displayName]', 'Rosa otra vez');
    await page.fill('.new-user input[name=email]', email);
    await page.click('.new-user button[type=submit]');
    await page.waitForSelector('.new-user .notice.error');
    expect(await page.locator('.new-user .notice.error').textContent()).toBe(
      words['users.emailTaken'],
    );

    await page.click(`.user-list li[data-user-id="${userId}"] a`);
    await page.waitForSelector('#user-title');
    expect(await page.locator('#user-title').textContent()).toBe('Rosa Martínez');
    await page.selectOption('.add-membership select[name=shelterId]', shelterId);
    await page.selectOption('.add-membership select[name=role]', 'COORDINATOR');
    await page.click('.add-membership button[type=submit]');
    await page.waitForSelector(`.membership[data-shelter-id="${shelterId}"]`);
    expect(await page.locator('.membership').textContent()).toContain(
      `Casa Tochan: ${words['role.COORDINATOR']}`,
    );
    await page.click('.make-reset-token');
    await page.waitForSelector('.token-shown [name=resetLink]');
    const link = new URL(await page.inputValue('.token-shown [name=resetLink]'));
    expect(link.pathname).toBe('/console/reset');
    expect(link.searchParams.get('token')).toBe(
      await page.inputValue('.token-shown input[name=resetToken]'),
    );

    // The person, on their own phone, opens the link, chooses a password and signs in.
    const password = 'una frase larga que solo Rosa sabe';
    const theirs = await openConsole(await newContext(), app, `${link.pathname}${link.search}`);
    await theirs.fill('input[name=newPassword]', password);
    await theirs.click('form button[type=submit]');
    await theirs.waitForSelector('.notice.success');
    await theirs.click('a.button.primary');
    await signInThrough(theirs, { email, password });
    await theirs.waitForSelector('#shelter-title');
    expect(new URL(theirs.url()).pathname).toBe(`/console/shelters/${shelterId}`);
    expect(await theirs.locator('#shelter-title').textContent()).toBe('Casa Tochan');
    newcomer = { id: userId, email, password };
    // Their open console, kept for the next test.
    personPage = theirs;
  }, 90_000);

  it('ends their sessions (their console says so) and deactivates them (they cannot sign in)', async () => {
    const words = await consoleWords('es');
    const page = adminPage;
    await page.click(`button:text("${words['users.endSessions']}")`);
    // Nothing happens before the confirmation, which says what will.
    expect(await page.locator('.access .confirm p').first().textContent()).toBe(
      words['users.endSessions.explain'].replace('{name}', 'Rosa Martínez'),
    );
    await page.click(`button:text("${words['users.endSessions.yes']}")`);
    await page.waitForSelector('.sessions-ended');
    expect(await page.locator('.sessions-ended').textContent()).toBe('Se cerró 1 sesión.');
    await personPage.waitForSelector('.overlay [role=alert]');
    expect(await personPage.locator('.overlay [role=alert]').textContent()).toBe(
      words['signIn.ended'],
    );

    await page.click(`button:text("${words['users.deactivate']}")`);
    expect(await page.locator('.access .confirm p').last().textContent()).toBe(
      words['users.deactivate.explain'].replace('{name}', 'Rosa Martínez'),
    );
    await page.click(`button:text("${words['users.deactivate.yes']}")`);
    await page.waitForSelector('.user-state.inactive');
    expect(await page.locator('.user-state').textContent()).toBe(words['users.inactive']);

    const again = await openConsole(await newContext(), app);
    await again.fill('input[name=email]', newcomer.email);
    await again.fill('input[name=password]', newcomer.password);
    await again.click('form button[type=submit]');
    await again.waitForSelector('.notice.error');
    expect(await again.locator('.notice.error').textContent()).toBe(words['signIn.failed']);
  }, 60_000);

  it('reads the audit log filtered by that person as the API answers it, and exports the same rows', async () => {
    const words = await consoleWords('es');
    const page = adminPage;
    await page.click('a.audit-about');
    await page.waitForSelector('#audit-title');
    await page.waitForSelector('.audit-row');
    const expected = await auditRows({ targetId: newcomer.id });
    expect(expected.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'createUser',
        'setMembership',
        'createPasswordReset',
        'endAllSessions',
        'updateUser',
      ]),
    );
    const shown = await shownRows(page);
    expect(shown.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(shown.map((row) => row.action)).toEqual(expected.map((row) => row.action));
    // The admin by name, where the API's users list knows them.
    const byAdmin = expected.filter((row) => row.actorId === admin.userId);
    expect(byAdmin.length).toBeGreaterThan(0);
    for (const row of shown.filter((each) => byAdmin.some((mine) => mine.id === each.id))) {
      expect(row.actor).toBe(adminName);
    }

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.audit-export'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await admin.gql<{ auditLogCsv: string }>(
      'query($targetId: ID) { auditLogCsv(targetId: $targetId, first: 50) }',
      { targetId: newcomer.id },
    );
    // The API's CSV, after a byte-order mark that tells a spreadsheet it is UTF-8.
    expect(await readFile((await download.path())!, 'utf8')).toBe(`\uFEFF${csv.data!.auditLogCsv}`);

    // Another filter through the form: what the person did themselves.
    await page.fill('input[name=targetId]', '');
    await page.selectOption('select[name=actorId]', newcomer.id);
    await page.click(`.audit-filter button:text("${words['audit.apply']}")`);
    const theirs = await auditRows({ actorId: newcomer.id });
    await page.waitForFunction(
      (count) => document.querySelectorAll('.audit-row').length === count,
      theirs.length,
    );
    expect((await shownRows(page)).map((row) => row.id)).toEqual(theirs.map((row) => row.id));
  }, 60_000);

  it('pages the log fifty rows at a time, "more" bringing the next ones', async () => {
    const page = adminPage;
    for (let i = 0; i < 55; i += 1) {
      const ended = await admin.gql('mutation($id: ID!) { endAllSessions(userId: $id) }', {
        id: newcomer.id,
      });
      expect(ended.errors).toBeUndefined();
    }
    await page.goto(`${app.url}/console/admin/audit/target/${newcomer.id}?lang=es`);
    await page.waitForSelector('.audit-more');
    expect(await page.locator('.audit-row').count()).toBe(50);
    await page.click('.audit-more');
    const all = await auditRows({ targetId: newcomer.id }, 100);
    expect(all.length).toBeGreaterThan(55);
    expect(all.length).toBeLessThan(100);
    await page.waitForFunction(
      (count) => document.querySelectorAll('.audit-row').length === count,
      all.length,
    );
    expect((await shownRows(page)).map((row) => row.id)).toEqual(all.map((row) => row.id));
    // Everything there is is shown: no "more" to offer.
    expect(await page.locator('.audit-more').count()).toBe(0);
  }, 60_000);

  it('offers an admin no switch on their own page that would lock them out', async () => {
    const words = await consoleWords('es');
    const page = adminPage;
    await page.goto(`${app.url}/console/admin/users/${admin.userId}?lang=es`);
    await page.waitForSelector('#user-title');
    expect(await page.locator('.user-details .hint').textContent()).toBe(words['users.self']);
    expect(await page.locator('select[name=networkRole]').count()).toBe(0);
    expect(await page.locator(`button:text("${words['users.deactivate']}")`).count()).toBe(0);
    // Their name still changes.
    await page.fill('.user-details input[name=displayName]', 'Alma Admin');
    await page.click('.user-details button[type=submit]');
    await page.waitForSelector('.user-details .notice.success');
    const me = await admin.gql<{ me: { displayName: string; networkRole: string } }>(
      '{ me { displayName networkRole } }',
    );
    expect(me.data!.me).toEqual({ displayName: 'Alma Admin', networkRole: 'ADMIN' });
  }, 30_000);

  it('asks in words before taking a network role away', async () => {
    const words = await consoleWords('es');
    const page = adminPage;
    const network = await networkUser(app, 'NETWORK_COORDINATOR', { displayName: 'Nico Red' });
    await page.goto(`${app.url}/console/admin/users/${network.userId}?lang=es`);
    await page.waitForSelector('#user-title');
    await page.selectOption('.user-details select[name=networkRole]', '');
    await page.click(`.user-details button:text("${words['common.save']}")`);
    expect(await page.locator('.user-details .confirm p').textContent()).toBe(
      words['users.networkRole.revoke']
        .replace('{name}', 'Nico Red')
        .replace('{role}', words['role.NETWORK_COORDINATOR']),
    );
    // Not yet: the confirmation is the act.
    const before = await admin.gql<{ user: { networkRole: string | null } }>(
      'query($id: ID!) { user(id: $id) { networkRole } }',
      { id: network.userId },
    );
    expect(before.data!.user.networkRole).toBe('NETWORK_COORDINATOR');
    await page.click(`button:text("${words['users.networkRole.revoke.yes']}")`);
    await page.waitForSelector('.user-details .notice.success');
    const after = await admin.gql<{ user: { networkRole: string | null } }>(
      'query($id: ID!) { user(id: $id) { networkRole } }',
      { id: network.userId },
    );
    expect(after.data!.user.networkRole).toBeNull();
  }, 30_000);

  it('does not show the admin sections to a network coordinator or a coordinator, and says why at their addresses', async () => {
    const words = await consoleWords('es');
    const network = await networkUser(app, 'NETWORK_COORDINATOR');
    const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    for (const [person, path] of [
      [network, '/console/admin/users'],
      [coordinator, '/console/admin/audit'],
    ] as const) {
      const page = await consoleFor(await newContext(), app, person);
      expect(await page.locator('a[href^="/console/admin"]').count()).toBe(0);
      await page.goto(`${app.url}${path}?lang=es`);
      await page.waitForSelector('.not-for-role');
      expect(await page.locator('.not-for-role').textContent()).toContain(words['app.notForRole']);
      await page.goto(`${app.url}/console/admin/users/${newcomer.id}?lang=es`);
      await page.waitForSelector('.not-for-role');
      expect(await page.locator('#user-title').count()).toBe(0);
    }
  }, 90_000);

  it('passes axe on every admin screen, in Spanish and in Haitian Creole', async () => {
    const page = adminPage;
    for (const lang of ['es', 'ht']) {
      const words = await consoleWords(lang);
      await page.goto(`${app.url}/console/admin/users?lang=${lang}`);
      await page.waitForSelector('.user-list li');
      expect(await axeFindings(page)).toEqual([]);
      await page.goto(`${app.url}/console/admin/users/${newcomer.id}?lang=${lang}`);
      await page.waitForSelector('#user-title');
      await page.click('.make-reset-token');
      await page.waitForSelector('.token-shown');
      await page.click(`button:text("${words['users.removeMembership']}")`);
      await page.waitForSelector('.membership .confirm');
      expect(await axeFindings(page)).toEqual([]);
      await page.goto(`${app.url}/console/admin/audit?lang=${lang}`);
      await page.waitForSelector('.audit-row');
      expect(await axeFindings(page)).toEqual([]);
      for (const screen of ['users', 'audit']) {
        await page.goto(`${app.url}/console/admin/${screen}?lang=${lang}`);
        await page.waitForSelector('#content h1');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          360,
        );
      }
    }
  }, 90_000);
});
