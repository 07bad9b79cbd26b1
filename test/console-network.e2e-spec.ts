import type { Page } from 'playwright-core';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { type ConsoleBrowser, consoleBrowser } from './helpers/console-bench.js';
import { consoleFor, consoleWords } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const REPORT =
  'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }';
const LIST = `{ networkShelters { id version availability { byPopulation { population freeBeds } } } }`;

interface Listed {
  id: string;
  version: number;
  availability: { byPopulation: { population: string; freeBeds: number | null }[] };
}

describe('The staff console: the network view (e2e, Chromium)', () => {
  let app: TestApp;
  let chrome: ConsoleBrowser;
  let network: Person;
  let coordinator: Person;
  /** Far enough apart that each is a dot of its own on the first view of the map. */
  const ids: Record<'north' | 'south' | 'old' | 'refuge', string> = {
    north: '',
    south: '',
    old: '',
    refuge: '',
  };

  const report = async (shelterId: string, counts: Record<string, unknown>[]) => {
    const result = await coordinator.gql(REPORT, {
      input: await reportInput(coordinator, shelterId, counts),
    });
    expect(result.errors).toBeUndefined();
  };

  /** The cell of a shelter's row for a group (its free places). */
  const cell = (page: Page, shelterId: string, group: string) =>
    page.locator(`tr[data-shelter-id="${shelterId}"] td[data-group="${group}"]`);

  const rowIds = (page: Page) =>
    page
      .locator('table.network-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-shelter-id')));

  /**
   * A network coordinator's console, landed on the network view. Each its own person (a new
   * authenticator secret): a second sign-in of one person within 30 s would wait for a new code.
   */
  const openNetwork = async (lang = 'es') => {
    const person = await networkUser(app, 'NETWORK_COORDINATOR');
    const page = await consoleFor(await chrome.newContext(), app, person, '/console/', lang);
    // A network coordinator with no shelter of their own lands on the network view.
    await page.waitForSelector('table.network-table');
    expect(new URL(page.url()).pathname).toBe('/console/network');
    return page;
  };

  beforeAll(async () => {
    app = await startTestApp();
    chrome = await consoleBrowser();
    ids.north = await shelterFor(app, {
      name: 'Casa Norte',
      populations: ['MEN', 'WOMEN'],
      location: { lat: 19.52, lng: -99.13 },
    });
    ids.south = await shelterFor(app, {
      name: 'Casa Sur',
      populations: ['MEN', 'FAMILIES'],
      location: { lat: 19.3, lng: -99.13 },
    });
    ids.old = await shelterFor(app, {
      name: 'Casa Vieja',
      populations: ['MEN'],
      location: { lat: 19.42, lng: -99.28 },
    });
    ids.refuge = await shelterFor(app, {
      name: 'Casa Refugio',
      sensitive: true,
      populations: ['WOMEN', 'FAMILIES'],
      location: { lat: 19.42, lng: -98.98 },
    });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: Object.values(ids) });
    await report(ids.north, [
      { population: 'MEN', freeBeds: 5 },
      { population: 'WOMEN', freeBeds: 2 },
    ]);
    await report(ids.south, [
      { population: 'MEN', freeBeds: 9 },
      { population: 'FAMILIES', freeBeds: 1 },
    ]);
    await report(ids.old, [{ population: 'MEN', freeBeds: 7 }]);
    await report(ids.refuge, [
      { population: 'WOMEN', freeBeds: 3 },
      { population: 'FAMILIES', freeBeds: 4 },
    ]);
    // Casa Vieja's figures are older than STALE_AFTER (12 h in the test app): stale.
    await app.sql(
      `UPDATE shelter SET availability_confirmed_at = now() - interval '13 hours' WHERE id = $1`,
      [ids.old],
    );
    network = await networkUser(app, 'NETWORK_COORDINATOR');
  });

  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  it('shows a sensitive shelter’s exact figures to the network coordinator, as the API gives them', async () => {
    const page = await openNetwork();
    const listed = (await network.gql<{ networkShelters: Listed[] }>(LIST)).data!.networkShelters;
    const refuge = listed.find((row) => row.id === ids.refuge)!;
    const free = Object.fromEntries(
      refuge.availability.byPopulation.map((group) => [group.population, group.freeBeds]),
    );
    expect(free).toEqual({ WOMEN: 3, FAMILIES: 4 });
    expect(await cell(page, ids.refuge, 'WOMEN').textContent()).toBe('3');
    expect(await cell(page, ids.refuge, 'FAMILIES').textContent()).toBe('4');
    const words = await consoleWords('es');
    expect(await page.locator(`tr[data-shelter-id="${ids.refuge}"] th`).textContent()).toContain(
      words['network.sensitive'],
    );
    // A group the shelter does not take is said so, not "0".
    expect(await cell(page, ids.refuge, 'MEN').locator('.sr-only').textContent()).toBe(
      words['band.NOT_SERVED'],
    );
    // Every shelter of the network is in the table and on the map.
    expect((await rowIds(page)).sort()).toEqual(listed.map((row) => row.id).sort());
    await page.waitForSelector(`.network-map .marker[data-shelter-id="${ids.refuge}"]`);
    expect(await page.locator('.network-map .marker').count()).toBe(listed.length);
  });

  it('moves the table and the map live when a shelter reports, without reload', async () => {
    const page = await openNetwork();
    await page.waitForSelector(`.network-map .marker[data-shelter-id="${ids.north}"]`);
    await page.evaluate(() => {
      (window as unknown as { sameLoad: boolean }).sameLoad = true;
    });
    const before = Number(
      await page.locator(`tr[data-shelter-id="${ids.north}"]`).getAttribute('data-version'),
    );
    expect(await cell(page, ids.north, 'MEN').textContent()).toBe('5');
    await report(ids.north, [
      { population: 'MEN', freeBeds: 0 },
      { population: 'WOMEN', freeBeds: 0 },
    ]);
    await page.waitForFunction(
      (id) =>
        document.querySelector(`tr[data-shelter-id="${id}"] td[data-group="MEN"]`)?.textContent ===
        '0',
      ids.north,
    );
    expect(
      Number(await page.locator(`tr[data-shelter-id="${ids.north}"]`).getAttribute('data-version')),
    ).toBeGreaterThan(before);
    // The map: the shelter's dot now says "full", in its symbol and its words.
    await page.waitForSelector(
      `.network-map .marker[data-shelter-id="${ids.north}"] .dot.state-full`,
    );
    const words = await consoleWords('es');
    expect(
      await page
        .locator(`.network-map .marker[data-shelter-id="${ids.north}"]`)
        .getAttribute('title'),
    ).toBe(`Casa Norte · ${words['band.FULL']}`);
    expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(
      true,
    );
    // Other rows untouched.
    expect(await cell(page, ids.south, 'MEN').textContent()).toBe('9');
    // Back as it was, for the other tests.
    await report(ids.north, [
      { population: 'MEN', freeBeds: 5 },
      { population: 'WOMEN', freeBeds: 2 },
    ]);
    await page.waitForFunction(
      (id) =>
        document.querySelector(`tr[data-shelter-id="${id}"] td[data-group="MEN"]`)?.textContent ===
        '5',
      ids.north,
    );
  });

  it('reads the list again after a reconnection: what it missed while away shows', async () => {
    const page = await openNetwork();
    await page.waitForSelector('header.top .connection-live');
    const context = page.context();
    await context.setOffline(true);
    await page.waitForSelector('header.top .connection-offline');
    // Reported while the page was away: its event never reached it.
    await report(ids.south, [
      { population: 'MEN', freeBeds: 6 },
      { population: 'FAMILIES', freeBeds: 1 },
    ]);
    const reread = page.waitForRequest(
      (request) =>
        request.url().endsWith('/graphql') && /NetworkShelters/.test(request.postData() ?? ''),
    );
    await context.setOffline(false);
    await reread;
    await page.waitForFunction(
      (id) =>
        document.querySelector(`tr[data-shelter-id="${id}"] td[data-group="MEN"]`)?.textContent ===
        '6',
      ids.south,
    );
    await report(ids.south, [
      { population: 'MEN', freeBeds: 9 },
      { population: 'FAMILIES', freeBeds: 1 },
    ]);
    await page.waitForFunction(
      (id) =>
        document.querySelector(`tr[data-shelter-id="${id}"] td[data-group="MEN"]`)?.textContent ===
        '9',
      ids.south,
    );
  });

  it('keeps a report that comes while the list is on its way to the page', async () => {
    const person = await networkUser(app, 'NETWORK_COORDINATOR');
    const context = await chrome.newContext();
    // What the page's socket receives, from its first frame.
    const frames: string[] = [];
    context.on('page', (opened) =>
      opened.on('websocket', (socket) =>
        socket.on('framereceived', ({ payload }) => frames.push(String(payload))),
      ),
    );
    const page = await consoleFor(context, app, person, '/console/');
    await page.waitForSelector('table.network-table');
    await page.waitForSelector('header.top .connection-live');
    // Away to another screen and back with the socket connected all along: no reconnection to
    // read the list again, only the list's own read.
    await page.click('footer a[href$="/account"]');
    await page.waitForSelector('#account-title');
    const listed = (await network.gql<{ networkShelters: Listed[] }>(LIST)).data!.networkShelters;
    const next = listed.find((row) => row.id === ids.south)!.version + 1;
    // The list is read; before it reaches the page, a report commits and its event arrives.
    await page.route(
      (url) => url.pathname === '/graphql',
      async (route) => {
        if (!/NetworkShelters/.test(route.request().postData() ?? '')) {
          return route.continue();
        }
        const response = await route.fetch();
        await report(ids.south, [
          { population: 'MEN', freeBeds: 9 },
          { population: 'FAMILIES', freeBeds: 1 },
        ]);
        const deadline = Date.now() + 10_000;
        while (
          !frames.some((frame) => frame.includes(ids.south) && frame.includes(`"version":${next}`))
        ) {
          if (Date.now() > deadline) {
            throw new Error('the report’s event did not reach the page');
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return route.fulfill({ response });
      },
    );
    await page.click('nav.network a[href$="/network"]');
    await page.waitForSelector(`tr[data-shelter-id="${ids.south}"][data-version="${next}"]`);
    await page.unrouteAll();
  });

  it('sorts by a group’s free places and by the age of the figures', async () => {
    const page = await openNetwork();
    const women = page.locator('th[data-sort="WOMEN"]');
    await women.locator('button').click();
    expect(await women.getAttribute('aria-sort')).toBe('descending');
    // Most free places first (Refugio 3, Norte 2), then the shelters that do not take women.
    expect((await rowIds(page)).slice(0, 2)).toEqual([ids.refuge, ids.north]);
    await women.locator('button').click();
    expect(await women.getAttribute('aria-sort')).toBe('ascending');
    expect((await rowIds(page)).slice(0, 2)).toEqual([ids.north, ids.refuge]);
    const men = page.locator('th[data-sort="MEN"]');
    await men.locator('button').click();
    expect(await women.getAttribute('aria-sort')).toBe('none');
    // Casa Vieja's 7 are stale: no figure, so after those with one.
    expect((await rowIds(page)).slice(0, 2)).toEqual([ids.south, ids.north]);
    const age = page.locator('th[data-sort="age"]');
    await age.locator('button').click();
    expect(await age.getAttribute('aria-sort')).toBe('descending');
    // The oldest figures first: Casa Vieja's, 13 hours old.
    expect((await rowIds(page))[0]).toBe(ids.old);
    await age.locator('button').click();
    expect((await rowIds(page)).at(-1)).toBe(ids.old);
  });

  it('makes a stale shelter stand out, in words and not by colour alone', async () => {
    const page = await openNetwork();
    const words = await consoleWords('es');
    const old = page.locator(`tr[data-shelter-id="${ids.old}"]`);
    expect(await old.getAttribute('class')).toBe('stale');
    expect(await old.locator('td[data-age]').textContent()).toContain(words['network.stale']);
    // Its free places are not given: the API gives none for stale figures.
    expect(await cell(page, ids.old, 'MEN').textContent()).toBe(words['network.unknownFree']);
    const fresh = page.locator(`tr[data-shelter-id="${ids.south}"]`);
    expect(await fresh.getAttribute('class')).toBeNull();
    expect(await fresh.locator('td[data-age]').textContent()).not.toContain(words['network.stale']);
    await page.waitForSelector(`.network-map .marker.stale[data-shelter-id="${ids.old}"]`);
  });

  it('is not shown to a shelter coordinator, and says so at its address', async () => {
    const words = await consoleWords('es');
    const page = await consoleFor(await chrome.newContext(), app, coordinator);
    await page.waitForSelector('#shelters-title');
    expect(await page.locator('nav.network').count()).toBe(0);
    expect(await page.locator(`a[href="/console/network"]`).count()).toBe(0);
    await page.goto(`${app.url}/console/network?lang=es`);
    await page.waitForSelector('.not-for-role');
    expect(await page.locator('main').textContent()).toContain(words['app.notForRole']);
    expect(await page.locator('table.network-table').count()).toBe(0);
    expect(await page.locator('.network-map').count()).toBe(0);
  });

  it.each(['es', 'ht'])('passes axe in %s', async (lang) => {
    const page = await openNetwork(lang);
    await page.waitForSelector('.network-map .marker');
    expect(await axeFindings(page)).toEqual([]);
    // Sorted, the headers' state changes: still clean.
    await page.locator('th[data-sort="MEN"] button').click();
    expect(await axeFindings(page)).toEqual([]);
  });
});
