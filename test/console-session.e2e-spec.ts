import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../clients/chromium.js';
import { freshCode } from '../clients/graphql-client.js';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { networkUser, staffAt, type Person } from './factories/staff.factory.js';
import {
  consoleFor,
  consoleWords,
  openConsole,
  screenChunksOf,
  signInThrough,
} from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { adminOf, startTestApp, type TestApp } from './helpers/test-app.js';

describe('The staff console: sign-in, session and a shelter’s figures (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let shelterId: string;
  let otherShelterId: string;
  let volunteer: Person;
  let coordinator: Person;
  const contexts: BrowserContext[] = [];

  /** Each person in a browser context of their own (their own cookies), as on their own phone. */
  const newContext = async (locale = 'es-MX') => {
    const context = await browser.newContext({ locale });
    contexts.push(context);
    return context;
  };

  /** Ends the browser's session on the server, as a timeout or a logout elsewhere would. */
  const endSessionOf = async (context: BrowserContext) => {
    const cookie = (await context.cookies()).map((each) => `${each.name}=${each.value}`).join('; ');
    await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
  };

  beforeAll(async () => {
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    shelterId = await shelterFor(app, { name: 'Casa Tochan', populations: ['MEN', 'FAMILIES'] });
    otherShelterId = await shelterFor(app, { name: 'Casa Arcoíris', populations: ['LGBTQ'] });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    coordinator = await staffAt(app, {
      role: 'COORDINATOR',
      shelterIds: [shelterId, otherShelterId],
    });
    await coordinator.gql(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      {
        input: await reportInput(coordinator, shelterId, [
          { population: 'MEN', freeBeds: 4 },
          { population: 'FAMILIES', freeBeds: 2, overflowFree: 0 },
        ]),
      },
    );
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await app?.close();
  });

  it('serves one page at every console address, and /console goes to /console/', async () => {
    const deep = await fetch(`${app.url}/console/shelters/${shelterId}/board`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('id="console"');
    const bare = await fetch(`${app.url}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    // The page is checked at every load; its scripts are hashed and kept.
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(deep.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('keeps the console out of the public map: none of its files in the map’s page or offline list', async () => {
    const map = await (await fetch(`${app.url}/`)).text();
    const staff = await (await fetch(`${app.url}/console/`)).text();
    const scripts = (html: string) =>
      [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(scripts(staff).length).toBeGreaterThan(0);
    expect(scripts(staff).every((file) => file.startsWith('/assets/console/'))).toBe(true);
    expect(scripts(map).some((file) => file.startsWith('/assets/console/'))).toBe(false);
    const offline = (await (await fetch(`${app.url}/assets.json`)).json()) as string[];
    expect(offline.some((file) => file.startsWith('/assets/console/'))).toBe(false);
  });

  it('refuses a wrong password plainly, then signs a volunteer in to their one shelter', async () => {
    const words = await consoleWords('es');
    const context = await newContext();
    // The network's and the administration's screens are chunks of their own: not in a
    // volunteer's first view.
    const chunks = screenChunksOf(context);
    const page = await openConsole(context, app);
    await page.fill('input[name=email]', volunteer.email);
    await page.fill('input[name=password]', 'not the password at all');
    await page.click('form button[type=submit]');
    await page.waitForSelector('.notice.error');
    expect(await page.locator('.notice.error').textContent()).toBe(words['signIn.failed']);
    await signInThrough(page, volunteer);
    // One shelter: straight to it, its figures per group, exact.
    await page.waitForSelector('#shelter-title');
    expect(page.url()).toContain(`/console/shelters/${shelterId}`);
    expect(await page.locator('#shelter-title').textContent()).toBe('Casa Tochan');
    expect(await page.locator('tr[data-population=MEN]').textContent()).toContain(
      '4 lugares libres',
    );
    expect(await page.locator('tr[data-population=MEN]').textContent()).toContain(
      words['band.FEW'],
    );
    expect(await page.locator('tr[data-population=FAMILIES]').textContent()).toContain(
      '2 lugares libres',
    );
    // The week's figures are a coordinator's (dailyFigures): a volunteer is not shown them.
    expect(await page.locator('#week-title').count()).toBe(0);
    // The session is in an HttpOnly cookie: no script on the page can read it.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(chunks).toEqual([]);
  });

  it('lets a coordinator of two shelters switch between them, keeping the section', async () => {
    const page = await consoleFor(await newContext(), app, coordinator);
    await page.waitForSelector('#shelters-title');
    await page.click(`a[href="/console/shelters/${otherShelterId}"]`);
    await page.waitForSelector('#shelter-title');
    expect(await page.locator('#shelter-title').textContent()).toBe('Casa Arcoíris');
    await page.selectOption('.switcher select', shelterId);
    await page.waitForFunction(
      () => document.querySelector('#shelter-title')?.textContent === 'Casa Tochan',
    );
    expect(page.url()).toMatch(new RegExp(`/console/shelters/${shelterId}$`));
    // A coordinator's last seven days: a table of the figures, and the plot drawn from them.
    await page.waitForSelector('.week-table tbody tr');
    expect(await page.locator('.week-table tbody tr').count()).toBe(7);
    await page.waitForSelector('.week-plot canvas');
    // Twenty places, 4 and 2 of them free in today's report: 14 people.
    expect(
      await page.locator('.week-table tbody tr').last().locator('td').first().textContent(),
    ).toBe('14');
    // In a section, the switch keeps the section; below it (a person's page), only the section.
    await page.click(`.sections a[href="/console/shelters/${shelterId}/plan"]`);
    await page.waitForURL(`**/console/shelters/${shelterId}/plan`);
    await page.goto(`${app.url}/console/shelters/${shelterId}/residents/some-person`);
    await page.waitForSelector('.switcher select');
    expect(await page.getAttribute(`.sections a[href$="/residents"]`, 'aria-current')).toBe('page');
    await page.selectOption('.switcher select', otherShelterId);
    await page.waitForURL(`**/console/shelters/${otherShelterId}/residents`);
  });

  it('sends the counts report, and shows the newer figures when someone reported meanwhile', async () => {
    const words = await consoleWords('es');
    const page = await consoleFor(
      await newContext(),
      app,
      volunteer,
      `/console/shelters/${shelterId}`,
    );
    await page.waitForSelector('form.report');
    await page.fill('input[name="MEN.freeBeds"]', '3');
    await page.click('form.report button[type=submit]');
    await page.waitForSelector(`.notice.success:text("${words['report.sent']}")`);
    await page.waitForFunction(() =>
      document.querySelector('tr[data-population=MEN]')?.textContent?.includes('3 lugares libres'),
    );
    // Someone else reports from another phone while this form still holds what it read.
    await coordinator.gql(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      {
        input: await reportInput(coordinator, shelterId, [
          { population: 'MEN', freeBeds: 1 },
          { population: 'FAMILIES', freeBeds: 0 },
        ]),
      },
    );
    await page.fill('input[name="MEN.freeBeds"]', '7');
    await page.click('form.report button[type=submit]');
    await page.waitForSelector(`.notice.warning:text("${words['report.conflict']}")`);
    // The form now holds the newer figures, to be checked and sent again.
    expect(await page.inputValue('input[name="MEN.freeBeds"]')).toBe('1');
    await page.click(`form.report button:text("${words['report.confirm']}")`);
    await page.waitForSelector(`.notice.success:text("${words['report.confirmed']}")`);
  });

  it('says plainly that the session ended, keeps what was typed, and goes on after signing in again', async () => {
    const words = await consoleWords('es');
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterId}`);
    await page.waitForSelector('form.report');
    await page.fill('input[name="FAMILIES.freeBeds"]', '5');
    // The session ends elsewhere (an admin, a timeout): here, by dropping this browser's cookie
    // on the server side, through a logout from the same cookie.
    await endSessionOf(context);
    // Told by the staff socket, or by the refusal of the next act: whichever comes first (the
    // click waits in vain once the sign-in covers the screen).
    void page.click('form.report button[type=submit]', { timeout: 5_000 }).catch(() => undefined);
    await page.waitForSelector('.overlay [role=alert]');
    expect(await page.locator('.overlay [role=alert]').textContent()).toBe(words['signIn.ended']);
    await signInThrough(page, volunteer);
    await page.waitForSelector('.overlay', { state: 'detached' });
    expect(await page.inputValue('input[name="FAMILIES.freeBeds"]')).toBe('5');
  });

  // Each TOTP step is taken once: the third code of this test may wait for the next 30 s step.
  it('takes the second factor over the screen too, when the session of a network role ends', async () => {
    const network = await networkUser(app, 'NETWORK_COORDINATOR');
    const context = await newContext();
    const page = await openConsole(context, app, '/console/account');
    await page.fill('.sign-in input[name=email]', network.email);
    await page.fill('.sign-in input[name=password]', network.password);
    await page.click('.sign-in form button[type=submit]');
    await page.fill('.sign-in input[name=code]', await freshCode(network.totpSecret!));
    await page.click('.sign-in form button[type=submit]');
    await page.waitForSelector('#account-title');
    await page.fill('input[name=currentPassword]', 'half-typed');
    await endSessionOf(context);
    await page.waitForSelector('.overlay [role=alert]');
    await page.fill('.overlay input[name=password]', network.password);
    await page.click('.overlay form button[type=submit]');
    await page.fill('.overlay input[name=code]', await freshCode(network.totpSecret!));
    await page.click('.overlay form button[type=submit]');
    await page.waitForSelector('.overlay', { state: 'detached' });
    expect(await page.inputValue('input[name=currentPassword]')).toBe('half-typed');
  }, 75_000);

  it('gives the next person on the same browser a clean page, never the last one’s screen', async () => {
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterId}`);
    await page.waitForSelector('#shelter-title');
    await page.click(`button:text("${(await consoleWords('es'))['nav.signOut']}")`);
    await page.waitForSelector('.sign-in input[name=password]');
    expect(new URL(page.url()).pathname).toBe('/console/');
    const next = await staffAt(app, { role: 'VOLUNTEER', shelterId: otherShelterId });
    await signInThrough(page, next);
    await page.waitForSelector('#shelter-title');
    expect(await page.locator('#shelter-title').textContent()).toBe('Casa Arcoíris');
    expect(await page.content()).not.toContain('Casa Tochan');
  });

  it('does not pretend to sign out without a connection: the session would stay open', async () => {
    const words = await consoleWords('es');
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterId}`);
    await page.waitForSelector('#shelter-title');
    await context.setOffline(true);
    await page.click(`button:text("${words['nav.signOut']}")`);
    await page.waitForSelector('.sign-out-failed');
    expect(await page.locator('.sign-out-failed').textContent()).toBe(words['nav.signOutFailed']);
    await context.setOffline(false);
    await page.click(`button:text("${words['nav.signOut']}")`);
    await page.waitForSelector('.sign-in input[name=password]');
  });

  it('sets a password with the token an admin handed over, which then leaves the address bar', async () => {
    const words = await consoleWords('es');
    const person = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    const admin = await adminOf(app);
    const me = await person.gql<{ me: { id: string } }>('{ me { id } }');
    const token = await admin.gql<{ createPasswordReset: string }>(
      'mutation($id: ID!) { createPasswordReset(userId: $id) }',
      { id: me.data!.me.id },
    );
    const page = await openConsole(
      await newContext(),
      app,
      `/console/reset?token=${encodeURIComponent(token.data!.createPasswordReset)}`,
    );
    await page.waitForSelector('#reset-title');
    expect(page.url()).not.toContain('token=');
    await page.fill('input[name=newPassword]', 'a password from the reset token');
    await page.click('form button[type=submit]');
    await page.waitForSelector(`.notice.success:text("${words['reset.done']}")`);
    await page.click('a.button.primary');
    await signInThrough(page, { email: person.email, password: 'a password from the reset token' });
  });

  it('changes the password and signs out', async () => {
    const words = await consoleWords('es');
    const person = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    const page = await consoleFor(await newContext(), app, person, '/console/account');
    await page.fill('input[name=currentPassword]', person.password);
    await page.fill('input[name=newPassword]', 'another long passphrase 2026');
    await page.click('form button[type=submit]');
    await page.waitForSelector(`.notice.success:text("${words['account.changed']}")`);
    await page.click(`button:text("${words['nav.signOut']}")`);
    await page.waitForSelector('input[name=password]');
    await signInThrough(page, { email: person.email, password: 'another long passphrase 2026' });
  });

  it.each(['es', 'ht'])(
    'has no serious or critical axe finding on its screens in %s',
    async (lang) => {
      const page = await openConsole(await newContext(), app, '/console/', lang);
      await page.waitForSelector('input[name=email]');
      expect(await axeFindings(page)).toEqual([]);
      await signInThrough(page, coordinator);
      await page.waitForSelector('#shelters-title');
      expect(await axeFindings(page)).toEqual([]);
      await page.goto(`${app.url}/console/shelters/${shelterId}`);
      await page.waitForSelector('form.report');
      expect(await axeFindings(page)).toEqual([]);
      await page.goto(`${app.url}/console/account`);
      await page.waitForSelector('#account-title');
      expect(await axeFindings(page)).toEqual([]);
      await page.goto(`${app.url}/console/reset`);
      await page.waitForSelector('#reset-title');
      expect(await axeFindings(page)).toEqual([]);
    },
  );
});
